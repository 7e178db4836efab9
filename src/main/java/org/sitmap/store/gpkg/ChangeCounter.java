package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The store's change counter (migration 6): table {@code sitmap_change} holds one row, a counter that triggers on
 * {@code incident} raise on every insert, update and delete, by Sitmap or by any other program writing through
 * SQLite (GDAL, QGIS, the sqlite3 shell), and a random number drawn when the table was made, which tells two
 * stores apart. A column snapshot ({@link ColumnSnapshot}) is valid only for the counter and number it was made
 * for. (SQLite's own file change counter is not raised by every commit in WAL mode, so it cannot serve.)
 *
 * <p>An import drops the triggers inside its transaction (they would add a statement per row) and raises the
 * counter once before its commit ({@link #suspend}, {@link #resume}).
 */
final class ChangeCounter {
    /** Migration 6. */
    static final List<String> V6 = List.of(
            "CREATE TABLE sitmap_change (id INTEGER PRIMARY KEY CHECK (id = 1), counter INTEGER NOT NULL,"
                    + " store_number INTEGER NOT NULL)",
            "INSERT INTO sitmap_change VALUES (1, 0, random())",
            trigger("ai", "INSERT"), trigger("au", "UPDATE"), trigger("ad", "DELETE"));

    private static final List<String> NAMES = List.of("sitmap_change_ai", "sitmap_change_au", "sitmap_change_ad");

    private ChangeCounter() { }

    private static String trigger(String suffix, String event) {
        return "CREATE TRIGGER sitmap_change_" + suffix + " AFTER " + event + " ON incident BEGIN"
                + " UPDATE sitmap_change SET counter = counter + 1; END";
    }

    /** The store's number and counter, or null when the store has no counter (a schema before 6). */
    static long[] key(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE name = 'sitmap_change'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) == 0) return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT store_number, counter FROM sitmap_change WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
        }
    }

    /** Drops the counter's triggers inside the caller's transaction; false when the store has none. */
    static boolean suspend(Connection c) throws SQLException {
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                + " AND name IN ('sitmap_change_ai', 'sitmap_change_au', 'sitmap_change_ad')");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) found = rs.getInt(1);
        }
        if (found != NAMES.size()) return false;
        for (String name : NAMES) {
            try (PreparedStatement ps = c.prepareStatement("DROP TRIGGER " + name)) {
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** Creates the triggers again and raises the counter when {@code changed}. */
    static void resume(Connection c, boolean changed) throws SQLException {
        for (String sql : V6.subList(2, 5)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
        if (!changed) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sitmap_change SET counter = counter + 1")) {
            ps.executeUpdate();
        }
    }
}
