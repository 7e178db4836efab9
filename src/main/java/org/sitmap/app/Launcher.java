package org.sitmap.app;

import org.sitmap.cli.GuiStarter;
import org.sitmap.cli.SitmapCommand;
import org.sitmap.ui.SitmapApp;

/**
 * The main class of {@code sitmap.jar}. It does not extend {@code Application}, so the JavaFX runtime on the
 * class path is found without the module system.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        // Java2D draws the one raster for screen and export; it must never start an AWT toolkit beside JavaFX.
        System.setProperty("java.awt.headless", "true");
        int code = SitmapCommand.commandLine(new GuiStarter() {
            @Override public void start(java.nio.file.Path db, boolean offline) { SitmapApp.launchWindow(db, offline); }

            @Override public void startServer(String address, boolean offline) {
                SitmapApp.launchServerWindow(address, offline);
            }
        }).execute(args);
        if (code != 0 || !SitmapApp.isRunning()) System.exit(code);
    }
}
