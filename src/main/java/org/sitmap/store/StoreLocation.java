package org.sitmap.store;

import java.nio.file.Path;
import java.util.Map;

/** Where the default store lives: {@code $XDG_DATA_HOME/sitmap/sitmap.gpkg}, else {@code ~/.local/share/sitmap/sitmap.gpkg}. */
public final class StoreLocation {
    private StoreLocation() { }

    /** The default store of the current user. */
    public static Path defaultStore() {
        return defaultStore(System.getenv(), System.getProperty("user.home"));
    }

    /** The default store for a given environment and home folder (testable without changing the process's). */
    public static Path defaultStore(Map<String, String> env, String home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("sitmap").resolve("sitmap.gpkg");
    }
}
