package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The import's own rows around the incidents: its {@code import_batch} row and source, the next fid, the layer's
 * bounds, and the foreign-key switch. Plain statements on the import's connection, inside or around its transaction
 * as {@link Importer} calls them.
 *
 * <p>Threading: the importing thread only.
 */
final class BatchRows {
    private BatchRows() { }

    /**
     * Foreign-key checks cost about a sixth of an import's SQLite time. The import writes only rows whose references
     * it has made valid itself (fids it assigns, its own batch), so it turns the checks off for its transaction
     * (the pragma cannot change inside one) and back on after it, whatever happened.
     */
    static void foreignKeys(Connection conn, boolean on) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"))) {
            ps.execute();
        }
    }

    /** Whether the store has no incident at all (a first load may start). */
    static boolean noIncidents(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM incident)");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Notes the import's batch (and its file as a source, once); returns the batch id. */
    static long startBatch(Connection conn, String file, String format) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO import_batch(file, format, started) VALUES (?,?,?)")) {
            ps.setString(1, file);
            ps.setString(2, format);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
        long id;
        try (PreparedStatement ps = conn.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO source(location, format, first_batch_id) VALUES (?,?,?) ON CONFLICT(location) DO NOTHING")) {
            ps.setString(1, file);
            ps.setString(2, format);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        return id;
    }

    /** Writes the batch's counts and end, and grows the layer's bounds in {@code gpkg_contents} by {@code bounds}. */
    static void finishBatch(Connection conn, long id, int rows, int imported, int updated, int skipped, int rejected,
                            double[] bounds) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE import_batch SET finished=?, rows_read=?,"
                + " imported=?, updated=?, skipped=?, rejected=? WHERE id=?")) {
            ps.setString(1, Instant.now().toString());
            ps.setInt(2, rows);
            ps.setInt(3, imported);
            ps.setInt(4, updated);
            ps.setInt(5, skipped);
            ps.setInt(6, rejected);
            ps.setLong(7, id);
            ps.executeUpdate();
        }
        // the bounds grow with the rows written (a superset after updates that moved an incident is allowed)
        try (PreparedStatement ps = conn.prepareStatement("UPDATE gpkg_contents SET"
                + " last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now'), min_x=min(coalesce(min_x, ?1), ?1),"
                + " min_y=min(coalesce(min_y, ?2), ?2), max_x=max(coalesce(max_x, ?3), ?3),"
                + " max_y=max(coalesce(max_y, ?4), ?4) WHERE table_name='incident'")) {
            if (bounds[0] > bounds[2]) return;
            for (int k = 0; k < 4; k++) ps.setDouble(k + 1, bounds[k]);
            ps.executeUpdate();
        }
    }

    /** The first fid an import may give: above every fid the table has or ever had ({@code AUTOINCREMENT}). */
    static long nextFid(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT max(coalesce((SELECT max(fid) FROM incident), 0),"
                + " coalesce((SELECT seq FROM sqlite_sequence WHERE name='incident'), 0))");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) + 1 : 1;
        }
    }
}
