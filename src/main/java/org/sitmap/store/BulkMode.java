package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Index handling for a bulk import into a small store: the secondary indexes are dropped inside the import's
 * transaction and built again at its end (so the import stays atomic: a rollback or a crash brings them back with
 * everything else). Building an index by sorting is faster than inserting a million keys in random order one by
 * one: 1M ACLED rows, 25.5 → 20.9 s. (Tried and dropped: a rollback journal instead of WAL during the import — it
 * was twice as slow once the page cache spilled; {@code PRAGMA threads} for the index sort — no gain on 2 cores.)
 */
final class BulkMode {
    /** Stores with fewer incidents than this have their secondary indexes rebuilt rather than updated. */
    static final int REINDEX_BELOW = 50_000;

    private BulkMode() { }

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

    /** Builds again the indexes {@link #dropIndexes} dropped . */
    static void createIndexes(Connection c, List<String> creates) throws SQLException {
        for (String sql : creates) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }
}
