package org.sitmap.ui;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sitmap.ui.details.DetailsView;
import org.sitmap.ui.details.DetailsViewModel;
import org.sitmap.ui.map.LegendView;
import org.sitmap.ui.map.LegendViewModel;
import org.sitmap.ui.map.MapPane;
import org.sitmap.ui.map.MapViewModel;
import org.sitmap.ui.map.tiles.MapTiles;
import org.sitmap.ui.session.IncidentSource;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.StoreSource;
import org.sitmap.ui.session.StoreTrouble;
import org.sitmap.ui.session.Workspace;

/**
 * The main window: menu on top, filters on the left, map in the centre, legend and details on the right, timeline
 * and status bar below. Each region is its own view class over its view model; every view model gets the window's
 * {@link Workspace} (store, index, filter, selection, tiles, the one worker). This class only mounts the views.
 * Mount points for other views: {@link #menu(String)}, {@link #mountLeft(Node)}, {@link #mountBottom(Node)}.
 *
 * <p>Threading: construct and use on the FX thread; store access and filtering run on the workspace's worker.
 */
public final class MainWindow {
    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());

    /** How the window was asked to start: a store file (null: the default store) or a team server. */
    public record Options(Path db, boolean offline, org.sitmap.store.pg.PgLocation server) {
        public Options(Path db, boolean offline) {
            this(db, offline, null);
        }
    }

    private final Options options;
    private final Workspace workspace;
    private final BorderPane root = new BorderPane();
    private final MenuBar menuBar = new MenuBar();
    private final VBox bottom = new VBox();
    private final MapPane mapPane;
    private final org.sitmap.ui.filter.FilterViewModel filterModel;

    public MainWindow(Options options) {
        this(options, options.server() != null ? serverOpener(options.server())
                : db -> new StoreSource(org.sitmap.seed.DefaultStore.openForReading(db)),
                new org.sitmap.ui.filter.FilterMemory(org.sitmap.ui.filter.FilterMemory.defaultFile()),
                MapTiles.forWindow(options.offline()));
    }

    /** Opens a team server, asking for a missing password over the window (the first one showing: this one). */
    private static Function<Path, IncidentSource> serverOpener(org.sitmap.store.pg.PgLocation server) {
        return new org.sitmap.ui.session.ServerOpener(server, PasswordDialog.prompt(() -> Window.getWindows().stream()
                .filter(Window::isShowing).findFirst().orElse(null)), org.sitmap.store.pg.PgSnapshot.inUserCache());
    }

    /** A window that keeps no filter between sessions and uses offline tiles without preferences (tests, demos). */
    public MainWindow(Options options, Function<Path, IncidentSource> opener) {
        this(options, opener, org.sitmap.ui.filter.FilterMemory.none(),
                MapTiles.offline(org.sitmap.tiles.TileCache.defaultRoot()));
    }

    /**
     * @param opener  opens the store (null path: the default store); runs on the worker
     * @param filters where the filter is kept between sessions (restored here, saved on every change)
     * @param tiles   the map's tiles (owned by the window from now on: closed with it)
     */
    public MainWindow(Options options, Function<Path, IncidentSource> opener,
                      org.sitmap.ui.filter.FilterMemory filters, MapTiles tiles) {
        this.options = options;
        this.workspace = Workspace.open(opener, options.db(), tiles, Platform::runLater);
        SessionViewModel session = workspace.session();
        root.setId("main-window");
        // tiles (basemap): the map's retriever (made by Gluon) serves this window's chain
        org.sitmap.ui.map.tiles.ChainTileRetriever.attach(tiles);
        if (tiles.problem() != null) session.messageProperty().set(tiles.problem());
        menuBar.getMenus().addAll(new Menu("File"), new Menu("View"));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        menu("File").getItems().add(quit);
        MenuItem importArticle = org.sitmap.ui.importer.ArticleImportDialog.menuItem(
                () -> org.sitmap.ui.importer.ArticleImports.viewModel(workspace), this::owner);
        MenuItem importData = org.sitmap.ui.importer.DataImportDialog.menuItem(
                () -> org.sitmap.ui.importer.DataImports.viewModel(workspace), this::owner);
        importArticle.disableProperty().bind(workspace.writableProperty().not());
        importData.disableProperty().bind(workspace.writableProperty().not());
        menu("File").getItems().add(0, importArticle);
        menu("File").getItems().add(1, importData);
        MenuItem cancelLoad = new MenuItem("Cancel loading");
        cancelLoad.setId("load-cancel");
        cancelLoad.disableProperty().bind(workspace.loadingProperty().not());
        cancelLoad.setOnAction(e -> cancelLoad());
        MenuItem reload = new MenuItem("Reload the store");
        reload.setId("load-reload");
        reload.disableProperty().bind(workspace.loadingProperty());
        reload.setOnAction(e -> loadAsync());
        menu("File").getItems().add(2, cancelLoad);
        menu("File").getItems().add(3, reload);
        root.setTop(menuBar);
        mapPane = new MapPane(new MapViewModel(workspace));
        root.setCenter(mapPane);
        menu("View").getItems().addAll(mapPane.viewMenuItems());
        int beforeQuit = Math.max(0, menu("File").getItems().size() - 1);
        menu("File").getItems().addAll(beforeQuit, org.sitmap.ui.export.ExportMenu.items(workspace, mapPane,
                this::owner));   // File → Export map… / Export data… / Cancel export
        DetailsView detailsView = new DetailsView(new DetailsViewModel(workspace));
        VBox right = new VBox(new LegendView(new LegendViewModel(workspace)), detailsView);
        VBox.setVgrow(detailsView, Priority.ALWAYS);
        right.setPrefWidth(320);
        root.setRight(right);
        org.sitmap.ui.map.tiles.TileSourceViewModel tileModel = org.sitmap.ui.map.tiles.TileSourceViewModel.forWindow(workspace);
        mapPane.layer().basemapNamesProperty().bind(tileModel.localOnlyProperty());   // other tiles carry their own names
        bottom.getChildren().add(new org.sitmap.ui.map.tiles.TileSourceBar(tileModel));
        bottom.getChildren().add(new StatusBar(session));
        root.setBottom(bottom);
        mountBottom(new org.sitmap.ui.timeline.TimelinePane(new org.sitmap.ui.timeline.TimelineViewModel(workspace,
                new org.sitmap.ui.timeline.AnimationTicker())));
        mountBottom(new org.sitmap.ui.table.IncidentTable(new org.sitmap.ui.table.IncidentTableModel(workspace),
                session));
        filterModel = new org.sitmap.ui.filter.FilterViewModel(workspace, filters);
        filterModel.restore();
        mountLeft(new org.sitmap.ui.filter.FilterPanel(filterModel, session));
        workspace.troubleProperty().addListener((o, a, f) -> {
            if (f != null && f.cause() instanceof org.sitmap.store.StoreException && options.server() == null) {
                workspace.execute(() -> {
                    StoreTrouble t = trouble(f.message());
                    Platform.runLater(() -> showTrouble(t));
                });
            }
        });
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * Opens the store (for reading only) and loads the index on the worker; the views fill in as results arrive. A
     * store that may not be written is marked read-only in the status bar and the import actions are turned off.
     * When the store cannot be read, the quick check runs on the worker and a dialog shows its verdict and the
     * steps to recover ({@link StoreTrouble}).
     */
    public void loadAsync() {
        workspace.load();
    }

    /** File → Cancel loading (FX thread): stops the index load; the window then shows no incidents. */
    public void cancelLoad() {
        workspace.cancelLoad();
    }

    /** On the worker: the quick check of the store that failed, in a dialog's words. */
    private StoreTrouble trouble(String failure) {
        Path file = options.db() != null ? options.db() : org.sitmap.store.StoreLocation.defaultStore();
        org.sitmap.store.gpkg.StoreCheck.Report report = null;
        try {
            report = org.sitmap.store.gpkg.StoreCheck.run(file, true);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the quick check of " + file + " failed too", e);
        }
        return StoreTrouble.of(file, failure, report);
    }

    private void showTrouble(StoreTrouble trouble) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING);
        alert.setTitle(trouble.title());
        alert.setHeaderText(trouble.title());
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(trouble.text());
        text.setEditable(false);
        text.setWrapText(true);
        text.setId("store-trouble");
        alert.getDialogPane().setContent(text);
        if (root.getScene() != null) alert.initOwner(root.getScene().getWindow());
        alert.show();
    }

    /** False while the open store may not be written (FX thread). */
    public javafx.beans.property.ReadOnlyBooleanProperty storeWritableProperty() { return workspace.writableProperty(); }

    /** The menu of that name, created at the end of the menu bar if missing (for other views to add items). */
    public Menu menu(String name) {
        for (Menu m : menuBar.getMenus()) if (m.getText().equals(name)) return m;
        Menu m = new Menu(name);
        menuBar.getMenus().add(m);
        return m;
    }

    /** Mounts a view on the left (the filter panel). */
    public void mountLeft(Node view) { root.setLeft(view); }

    /** Mounts a view below the map, above the status bar (the timeline, the table). */
    public void mountBottom(Node view) { bottom.getChildren().add(bottom.getChildren().size() - 1, view); }

    public Parent root() { return root; }

    public MapPane mapPane() { return mapPane; }

    public org.sitmap.ui.filter.FilterViewModel filters() { return filterModel; }

    public SessionViewModel session() { return workspace.session(); }

    /** Everything behind the window: store, index, filter, selection, tiles and the one worker. */
    public Workspace workspace() { return workspace; }

    public Options options() { return options; }

    /** Closes the workspace: the store (after what is queued on the worker), the worker, the tile threads. */
    public void close() {
        org.sitmap.ui.map.tiles.ChainTileRetriever.detach(workspace.tiles());
        workspace.close();
    }
}
