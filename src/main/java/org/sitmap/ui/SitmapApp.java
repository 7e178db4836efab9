package org.sitmap.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window.
 *
 * <p>Threading: {@link #launchWindow} blocks the calling (main) thread until the window closes, as
 * {@link Application#launch} does.
 */
public final class SitmapApp extends Application {
    private static volatile Path dbArg;
    private static volatile org.sitmap.store.pg.PgLocation serverArg;
    private static volatile boolean offlineArg;
    private static volatile boolean running;

    /** Starts the window on {@code db} (null: the default store); returns when it closes. */
    public static void launchWindow(Path db, boolean offline) {
        dbArg = db;
        offlineArg = offline;
        running = true;
        try {
            Application.launch(SitmapApp.class);
        } finally {
            running = false;
        }
    }

    /** Starts the window on the team server at {@code address} (a libpq URI or service); returns when it closes. */
    public static void launchServerWindow(String address, boolean offline) {
        serverArg = org.sitmap.store.pg.PgLocation.parse(address, org.sitmap.store.pg.PgEnvironment.system());
        launchWindow((Path) null, offline);
    }

    /** True while the window runs. */
    public static boolean isRunning() { return running; }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(new MainWindow.Options(dbArg, offlineArg, serverArg));
        stage.setTitle(serverArg == null ? "Sitmap" : "Sitmap — " + serverArg.display());
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = SitmapApp.class.getResource("/icons/sitmap-" + size + ".png");
            if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
        // the whole screen less its task bars: the map and the timeline want the space
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(window.root(), screen.getWidth(), screen.getHeight()));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setOnHidden(e -> window.close());
        stage.show();
        window.loadAsync();
    }
}
