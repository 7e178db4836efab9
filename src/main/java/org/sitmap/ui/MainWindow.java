package org.sitmap.ui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.sitmap.index.IncidentIndex;
import org.sitmap.store.IncidentStore;
import org.sitmap.ui.details.DetailsView;
import org.sitmap.ui.details.DetailsViewModel;
import org.sitmap.ui.map.LegendView;
import org.sitmap.ui.map.LegendViewModel;
import org.sitmap.ui.map.MapPane;
import org.sitmap.ui.session.IncidentSource;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.StoreSource;
import org.sitmap.ui.session.StoreTrouble;

/**
 * The main window: menu on top, filters on the left, map in the centre, legend and details on the right, timeline
 * and status bar below. Each region is its own view class; this class only mounts them and owns the one worker
 * executor they share. Mount points for other views: {@link #menu(String)}, {@link #mountLeft(Node)},
 * {@link #mountBottom(Node)}.
 *
 * <p>Threading: construct and use on the FX thread; store access and filtering run on {@link #worker()}.
 */
public final class MainWindow {
    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());

    /** How the window was asked to start. */
    public record Options(Path db, boolean offline) { }

    private final Options options;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitmap-worker");
        t.setDaemon(true);
        return t;
    });
    private final Function<Path, IncidentSource> opener;
    private volatile IncidentSource source;
    private final SessionViewModel session;
    private final BorderPane root = new BorderPane();
    private final MenuBar menuBar = new MenuBar();
    private final VBox bottom = new VBox();
    private final MapPane mapPane;
    private final org.sitmap.ui.filter.FilterViewModel filterModel;
    /** False when the open store may not be written (read-only file or folder): the import actions are off. */
    private final javafx.beans.property.BooleanProperty storeWritable = new javafx.beans.property.SimpleBooleanProperty(true);
    /** True while the store is opened and its index loaded (File → Cancel loading is on). */
    private final javafx.beans.property.BooleanProperty loading = new javafx.beans.property.SimpleBooleanProperty();
    private volatile boolean loadCancelled;

    public MainWindow(Options options) {
        this(options, db -> new StoreSource(org.sitmap.store.DefaultStore.openForReading(db)),
                new org.sitmap.ui.filter.FilterMemory(org.sitmap.ui.filter.FilterMemory.defaultFile()));
    }

    /** A window that keeps no filter between sessions (tests, demos). */
    public MainWindow(Options options, Function<Path, IncidentSource> opener) {
        this(options, opener, org.sitmap.ui.filter.FilterMemory.none());
    }

    /**
     * @param opener  opens the store (null path: the default store); runs on the worker
     * @param filters where the filter is kept between sessions (restored here, saved on every change)
     */
    public MainWindow(Options options, Function<Path, IncidentSource> opener,
                      org.sitmap.ui.filter.FilterMemory filters) {
        this.options = options;
        this.opener = opener;
        this.session = new SessionViewModel(worker, Platform::runLater,
                words -> source == null ? new long[0] : source.searchText(words));
        root.setId("main-window");
        // Tiles (basemap): set up the tile chain before any map view exists; --offline forbids every connection.
        String tileProblem = org.sitmap.ui.map.tiles.TileSettings.configure(options.offline());
        if (tileProblem != null) session.messageProperty().set(tileProblem);
        menuBar.getMenus().addAll(new Menu("File"), new Menu("View"));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        menu("File").getItems().add(quit);
        MenuItem importArticle = org.sitmap.ui.importer.ArticleImportDialog.menuItem(() -> org.sitmap.ui.importer
                .ArticleImports.viewModel(worker, options.db(), this::loadAsync), () -> root.getScene().getWindow());
        MenuItem importData = org.sitmap.ui.importer.DataImportDialog.menuItem(() -> org.sitmap.ui.importer
                .DataImports.viewModel(worker, options.db(), this::loadAsync), () -> root.getScene().getWindow());
        importArticle.disableProperty().bind(storeWritable.not());
        importData.disableProperty().bind(storeWritable.not());
        menu("File").getItems().add(0, importArticle);
        menu("File").getItems().add(1, importData);
        MenuItem cancelLoad = new MenuItem("Cancel loading");
        cancelLoad.setId("load-cancel");
        cancelLoad.disableProperty().bind(loading.not());
        cancelLoad.setOnAction(e -> cancelLoad());
        MenuItem reload = new MenuItem("Reload the store");
        reload.setId("load-reload");
        reload.disableProperty().bind(loading);
        reload.setOnAction(e -> loadAsync());
        menu("File").getItems().add(2, cancelLoad);
        menu("File").getItems().add(3, reload);
        root.setTop(menuBar);
        mapPane = new MapPane(session, worker, Platform::runLater);
        root.setCenter(mapPane);
        menu("View").getItems().addAll(mapPane.viewMenuItems());
        org.sitmap.ui.export.ExportMenu.mount(this);   // File → Export map… / Export data… (helper "export")
        DetailsViewModel details = new DetailsViewModel(session, () -> source, worker, Platform::runLater);
        DetailsView detailsView = new DetailsView(details);
        VBox right = new VBox(new LegendView(new LegendViewModel(session)), detailsView);
        VBox.setVgrow(detailsView, Priority.ALWAYS);
        right.setPrefWidth(320);
        root.setRight(right);
        org.sitmap.ui.map.tiles.TileSourceViewModel tiles = org.sitmap.ui.map.tiles.TileSourceViewModel.forWindow();
        mapPane.layer().basemapNamesProperty().bind(tiles.localOnlyProperty());   // other tiles carry their own names
        bottom.getChildren().add(new org.sitmap.ui.map.tiles.TileSourceBar(tiles));
        bottom.getChildren().add(new StatusBar(session));
        root.setBottom(bottom);
        mountBottom(new org.sitmap.ui.timeline.TimelinePane(new org.sitmap.ui.timeline.TimelineViewModel(session,
                new org.sitmap.ui.timeline.AnimationTicker()), worker, Platform::runLater));   // helper "timeline"
        mountBottom(new org.sitmap.ui.table.IncidentTable(
                new org.sitmap.ui.table.IncidentTableModel(session, worker, Platform::runLater), session));
        filterModel = new org.sitmap.ui.filter.FilterViewModel(session, filters, worker, Platform::runLater);
        filterModel.restore();
        mountLeft(new org.sitmap.ui.filter.FilterPanel(filterModel, session));
    }

    /**
     * Opens the store (for reading only) and loads the index on the worker; the views fill in as results arrive. A
     * store that may not be written is marked read-only in the status bar and the import actions are turned off.
     * When the store cannot be read, the quick check runs on the worker and a dialog shows its verdict and the
     * steps to recover ({@link StoreTrouble}).
     */
    public void loadAsync() {
        session.busyProperty().set(true);
        session.messageProperty().set("Opening the store…");
        loading.set(true);
        loadCancelled = false;
        worker.execute(() -> {
            try {
                IncidentSource old = source;
                if (old != null) old.close();
                IncidentSource src = opener.apply(options.db());
                source = src;
                boolean writable = src.writable();
                Platform.runLater(() -> {
                    if (!loadCancelled) session.messageProperty().set("Loading the incidents of " + src.name() + "…");
                });
                if (loadCancelled) throw new org.sitmap.store.StoreFault(org.sitmap.store.StoreFault.Kind.CANCELLED,
                        "loading was cancelled", null);
                IncidentIndex ix = src.loadIndex();
                Platform.runLater(() -> {
                    loading.set(false);
                    storeWritable.set(writable);
                    session.indexProperty().set(ix);
                    session.messageProperty().set(writable ? src.name() : src.name() + " (read-only: imports are off)");
                });
            } catch (RuntimeException e) {
                if (loadCancelled) {
                    LOG.log(Level.FINE, "loading cancelled", e);
                    Platform.runLater(() -> {
                        loading.set(false);
                        session.busyProperty().set(false);
                        session.messageProperty().set("Loading was cancelled: no incidents are shown (File → Reload"
                                + " the store to load them)");
                    });
                    return;
                }
                LOG.log(Level.WARNING, "cannot open the store", e);
                StoreTrouble trouble = e instanceof org.sitmap.store.StoreException ? trouble(e) : null;
                Platform.runLater(() -> {
                    loading.set(false);
                    session.busyProperty().set(false);
                    session.messageProperty().set("Cannot open the store: " + e.getMessage());
                    if (trouble != null) showTrouble(trouble);
                });
            }
        });
    }

    /** File → Cancel loading (FX thread): stops the index load; the window then shows no incidents. */
    public void cancelLoad() {
        if (!loading.get()) return;
        loadCancelled = true;
        session.messageProperty().set("Cancelling…");
        IncidentSource s = source;
        try {
            if (s != null) s.interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "nothing to interrupt", e);   // the store was not open yet, or closed meanwhile
        }
    }

    /** On the worker: the quick check of the store that failed, in a dialog's words. */
    private StoreTrouble trouble(RuntimeException failure) {
        Path file = options.db() != null ? options.db() : org.sitmap.store.StoreLocation.defaultStore();
        org.sitmap.store.StoreCheck.Report report = null;
        try {
            report = org.sitmap.store.StoreCheck.run(file, true);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the quick check of " + file + " failed too", e);
        }
        return StoreTrouble.of(file, failure.getMessage(), report);
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
    public javafx.beans.property.ReadOnlyBooleanProperty storeWritableProperty() { return storeWritable; }

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

    public SessionViewModel session() { return session; }

    /** The one executor for store access and computation. */
    public ExecutorService worker() { return worker; }

    public Options options() { return options; }

    /** Stops the worker and closes the store (on the worker, after what is queued). */
    public void close() {
        worker.execute(() -> {
            IncidentSource s = source;
            if (s != null) s.close();
        });
        worker.shutdown();
    }
}
