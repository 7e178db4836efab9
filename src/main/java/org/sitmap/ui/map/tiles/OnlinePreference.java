package org.sitmap.ui.map.tiles;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The remembered tile settings: online/offline (online by default) and the last MBTiles pack chosen. The
 * production store is {@link java.util.prefs}; tests use {@link #inMemory(boolean)}. Thread-safe.
 */
public interface OnlinePreference {
    boolean online();

    void setOnline(boolean online);

    /** The MBTiles pack the user chose last, if any. */
    Optional<Path> mbTiles();

    void setMbTiles(Path file);

    /** Backed by the user's preferences node {@code org/sitmap/ui/tiles}. */
    static OnlinePreference userPreferences() {
        Preferences node = Preferences.userRoot().node("org/sitmap/ui/tiles");
        return new OnlinePreference() {
            @Override public boolean online() { return node.getBoolean("online", true); }

            @Override public void setOnline(boolean online) { node.putBoolean("online", online); }

            @Override public Optional<Path> mbTiles() {
                String p = node.get("mbtiles", "");
                return p.isEmpty() ? Optional.empty() : Optional.of(Path.of(p));
            }

            @Override public void setMbTiles(Path file) {
                if (file == null) node.remove("mbtiles"); else node.put("mbtiles", file.toAbsolutePath().toString());
            }
        };
    }

    /** Held in memory only (tests). */
    static OnlinePreference inMemory(boolean online) {
        return new OnlinePreference() {
            private volatile boolean on = online;
            private volatile Path pack;

            @Override public boolean online() { return on; }

            @Override public void setOnline(boolean online) { on = online; }

            @Override public Optional<Path> mbTiles() { return Optional.ofNullable(pack); }

            @Override public void setMbTiles(Path file) { pack = file; }
        };
    }
}
