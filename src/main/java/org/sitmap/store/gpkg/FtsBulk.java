package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The full-text index during an import: its per-row triggers dropped for the transaction, the rows inserted
 * indexed in one statement after them, the older rows updated indexed again, and the triggers made again.
 * Called by the importing thread inside its transaction.
 */
final class FtsBulk {
    private FtsBulk() { }

    /**
     * Drops the per-row full-text triggers for the caller's transaction; returns the statement that deletes one
     * row's entries (parameter: fid), or null when the schema has no full-text index.
     */
    static PreparedStatement dropTrigger(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name='incident_fts_ai'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) == 0) return null;
        }
        for (String sql : new String[] {"DROP TRIGGER incident_fts_ai", "DROP TRIGGER incident_fts_au"}) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
        return conn.prepareStatement("INSERT INTO incident_fts(incident_fts, rowid, place, summary, evidence)"
                + " SELECT 'delete', fid, place, summary, evidence FROM incident WHERE fid = ?");
    }

    /**
     * Indexes the rows inserted by this import in one statement, re-indexes the older rows it updated (their old
     * entries were deleted before the update) and restores the triggers.
     */
    static void indexNewRows(Connection conn, long firstFid, long endFid, Iterable<Long> reindexed) throws SQLException {
        String insert = "INSERT INTO incident_fts(rowid, place, summary, evidence) SELECT fid, place, summary,"
                + " evidence FROM incident WHERE ";
        try (PreparedStatement ps = conn.prepareStatement(insert + "fid >= ? AND fid < ?")) {
            ps.setLong(1, firstFid);
            ps.setLong(2, endFid);
            bulkInsert(conn, ps);
        }
        try (PreparedStatement ps = conn.prepareStatement(insert + "fid = ?")) {
            for (long fid : reindexed) {
                ps.setLong(1, fid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        createTriggers(conn);
    }

    /**
     * Runs {@code insert}, an {@code INSERT INTO incident_fts … SELECT} of many rows on {@code conn}, with the bulk
     * hash size, and leaves the index's configuration as it was: the one way both an import's own connection and a
     * first load's second one ({@link StageFts}) fill the index, so both write the same records.
     */
    static void bulkInsert(Connection conn, PreparedStatement insert) throws SQLException {
        // FTS5 writes its pending terms out as a new segment whenever they pass its hash size (1 MiB), and merges
        // the segments as they pile up: with 64 MiB a million rows make one segment instead of some thirty and
        // their merges (full-text phase 1.7-2.0 s → 1.0-1.5 s of CPU a million rows). Set back before the
        // commit (the pending terms are written then), and the setting's row removed, so the file is as before.
        ftsHashSize(conn, FTS_BULK_HASH_BYTES);
        insert.executeUpdate();
        ftsHashSize(conn, FTS_DEFAULT_HASH_BYTES);
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM incident_fts_config WHERE k = 'hashsize'")) {
            ps.executeUpdate();
        }
    }

    /** Makes again the per-row triggers {@link #dropTrigger} dropped. */
    static void createTriggers(Connection conn) throws SQLException {
        for (String sql : new String[] {Migrations.FTS_INSERT_TRIGGER, Migrations.FTS_UPDATE_TRIGGER}) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }

    /** FTS5's own default hash size, and the one of an import's bulk full-text insert. */
    private static final int FTS_DEFAULT_HASH_BYTES = 1 << 20, FTS_BULK_HASH_BYTES = 64 << 20;

    private static void ftsHashSize(Connection conn, int bytes) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO incident_fts(incident_fts, rank) VALUES ('hashsize', ?)")) {
            ps.setInt(1, bytes);
            ps.executeUpdate();
        }
    }

    /**
     * Makes this connection's full-text index read its records again from the shadow tables, after {@link StageFts}
     * wrote them directly. FTS5 keeps an index's structure (its list of segments) from one statement to the next,
     * and reads it again only when another connection committed in between ({@code PRAGMA data_version}): a search
     * made on this connection before the import would otherwise go on reading the empty index. Rolling a savepoint
     * back that the index took part in drops what it kept (FTS5's {@code xRollbackTo}); the write that makes it take
     * part (a hash size, as {@link #bulkInsert} sets) is rolled back with it, so nothing of it stays in the store.
     * Inside the import's transaction.
     */
    static void forgetStructure(Connection conn) throws SQLException {
        try (java.sql.Statement st = conn.createStatement()) {
            st.execute("SAVEPOINT sitmap_fts_reload");
            ftsHashSize(conn, FTS_DEFAULT_HASH_BYTES);
            st.execute("ROLLBACK TO sitmap_fts_reload");
            st.execute("RELEASE sitmap_fts_reload");
        }
    }
}
