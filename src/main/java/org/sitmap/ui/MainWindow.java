package org.sitmap.ui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.sitmap.ui.session.SessionViewModel;

/**
 * The main window: menu on top, filters on the left, map in the centre, details on the right, timeline and
 * status bar below. Each region is its own view class; this class only mounts them and owns the one worker
 * executor they share.
 *
 * <p>Threading: construct and use on the FX thread; store access and filtering run on {@link #worker()}.
 */
public final class MainWindow {
    /** How the window was asked to start. */
    public record Options(Path db, boolean offline) { }

    private final Options options;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitmap-worker");
        t.setDaemon(true);
        return t;
    });
    private final SessionViewModel session;
    private final BorderPane root = new BorderPane();

    public MainWindow(Options options) {
        this.options = options;
        this.session = new SessionViewModel(worker, Platform::runLater, words -> new long[0]);
        root.setCenter(new StackPane(new Label("Map")));
        root.setId("main-window");
        // Tiles (basemap): set up the tile chain before any map view exists; --offline forbids every connection.
        String tileProblem = org.sitmap.ui.map.tiles.TileSettings.configure(options.offline());
        if (tileProblem != null) session.messageProperty().set(tileProblem);
        root.setBottom(new org.sitmap.ui.map.tiles.TileSourceBar(
                org.sitmap.ui.map.tiles.TileSourceViewModel.forWindow()));
    }

    /** Opens the store and loads the index on the worker; the views fill in as results arrive. */
    public void loadAsync() { }

    public Parent root() { return root; }

    public SessionViewModel session() { return session; }

    /** The one executor for store access and computation. */
    public ExecutorService worker() { return worker; }

    public Options options() { return options; }

    /** Stops the worker and closes the store. */
    public void close() {
        worker.shutdownNow();
    }
}
