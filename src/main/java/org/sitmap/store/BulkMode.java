package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settings for a bulk import, all of which keep the import one atomic transaction:
 * <ul>
 *   <li>The import runs under a rollback journal instead of WAL. In WAL mode every page of a large import is
 *   written twice (to the log, then checkpointed into the file); with a rollback journal, pages appended past the
 *   old end of the file are written once and need no journal. A crash leaves a hot journal that SQLite rolls back
 *   on the next open. WAL comes back after the import. When another connection holds the file (the journal mode
 *   cannot change then), the import simply stays in WAL.</li>
 *   <li>Into a small store, the secondary indexes are dropped inside the transaction and built again at its end:
 *   building an index by sorting is several times faster than inserting a million random keys one by one.</li>
 * </ul>
 */
final class BulkMode {
    private static final Logger LOG = Logger.getLogger(BulkMode.class.getName());

    /** Stores with fewer incidents than this have their secondary indexes rebuilt rather than updated. */
    static final int REINDEX_BELOW = 50_000;

    private BulkMode() { }

    /** Switches to a rollback journal; false (and nothing changed) when the file is shared or not in WAL. */
    static boolean enter(Connection c) {
        try {
            if (!"wal".equalsIgnoreCase(pragma(c, "PRAGMA journal_mode"))) return false;
            return "delete".equalsIgnoreCase(pragma(c, "PRAGMA journal_mode = DELETE"));
        } catch (SQLException e) {
            LOG.log(Level.FINE, "journal mode left as WAL for this import", e);
            return false;
        }
    }

    /** Back to WAL after the import (committed or rolled back). */
    static void leave(Connection c) throws SQLException {
        pragma(c, "PRAGMA journal_mode = WAL");
    }

    /** Drops the secondary indexes of the incident tables; returns their CREATE statements. */
    static List<String> dropIndexes(Connection c) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                + " AND tbl_name IN ('incident', 'incident_actor') AND sql IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) found.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        List<String> creates = new ArrayList<>();
        for (String[] ix : found) {
            try (PreparedStatement ps = c.prepareStatement("DROP INDEX \"" + ix[0].replace("\"", "\"\"") + "\"")) {
                ps.executeUpdate();
            }
            creates.add(ix[1]);
        }
        return creates;
    }

    /** Builds again the indexes {@link #dropIndexes} dropped. */
    static void createIndexes(Connection c, List<String> creates) throws SQLException {
        for (String sql : creates) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }

    private static String pragma(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
