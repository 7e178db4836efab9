package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.sqlite.SQLiteErrorCode;

/**
 * How a bulk import writes faster while staying one atomic transaction, without keeping readers out.
 *
 * <ul>
 *   <li><b>Journal</b>: the store stays in WAL mode during imports. Readers (the window, {@code sitmap query} and
 *   {@code export}, QGIS) keep reading the last committed state at once, whatever an import is doing, and the
 *   import's commit never waits for them. A crash leaves uncommitted frames at the end of the log, which SQLite
 *   ignores when the store is next opened, so the store is as before the import. The price: every page an import
 *   writes goes twice to disk, into the log and then, at the checkpoint after the commit, into the database.
 *   (Until December 2026 an import that had the store alone switched to a rollback journal and held the store's
 *   exclusive lock to its commit: 1M rows committed 2-3 s faster, but readers waited for the whole import or
 *   failed with "database is locked". Figures of both in {@code docs/design/store.md}.) After the import the log
 *   is cut back to {@link #LOG_LIMIT_BYTES}, so a million-row import does not leave a log of a gigabyte behind.</li>
 *   <li><b>Indexes</b>: the secondary indexes of a small store are dropped inside the import's transaction and
 *   built again at its end (a rollback or a crash brings them back with everything else). Building an index by
 *   sorting is faster than inserting a million keys one by one (1M ACLED rows: 25.5 → 20.9 s).</li>
 * </ul>
 * Tried and dropped: {@code PRAGMA threads} for the index sort (no gain on 2 cores); a 1 GiB page cache for the
 * import, so that nothing spills to the file before the commit (no faster than the normal 200 MB, the kernel's
 * zeroing of the fresh memory costs what the spills cost).
 */
final class BulkMode {
    /** Stores with fewer incidents than this have their secondary indexes rebuilt rather than updated. */
    static final int REINDEX_BELOW = 50_000;

    /**
     * The page cache of an import, in KiB: system property {@code sitmap.import.cacheKiB}, by default the normal
     * cache. A test makes it small, so that an import it kills has already written rows into the log.
     */
    static final long IMPORT_CACHE_KIB = Long.getLong("sitmap.import.cacheKiB", 200_000);

    /** The page cache of a store connection outside imports, in KiB (as {@code IncidentStore.open} sets it). */
    static final long NORMAL_CACHE_KIB = 200_000;

    /** What the write-ahead log is cut back to after a checkpoint (64 MiB). */
    static final long LOG_LIMIT_BYTES = 64L << 20;

    private static final Logger LOG = Logger.getLogger(BulkMode.class.getName());

    private BulkMode() { }

    /**
     * Before an import's transaction: WAL mode (a store last written by an older Sitmap may still have a rollback
     * journal; a refusal because another program has it open leaves it as it is) and the import's page cache. Call
     * it outside a transaction.
     */
    static void begin(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    try (ResultSet set = st.executeQuery("PRAGMA journal_mode = WAL")) {
                        String now = set.next() ? set.getString(1) : "?";
                        LOG.fine(() -> "journal mode for the import: " + now);
                    } catch (SQLException e) {
                        if (!busy(e)) throw e;
                        LOG.fine(() -> "the store stays in " + mode + " mode for the import (open elsewhere)");
                    }
                }
            }
            st.execute("PRAGMA journal_size_limit = " + LOG_LIMIT_BYTES);
            st.execute("PRAGMA cache_size = -" + IMPORT_CACHE_KIB);
        }
    }

    /**
     * Right after an import's commit: copies the log into the database while the import's connection is still
     * open ({@code wal_checkpoint(FULL)}: it waits, through the busy timeout, for readers still on the state before
     * the commit, and never blocks readers). Without it the copy would be left to the connection's close, which
     * holds the store's exclusive lock while it copies the whole import: a reader opening then would wait for it
     * (16 s for a 200,000-row import on a loaded machine in {@code ReadDuringImportTest}). A checkpoint that cannot
     * finish is no failure: the rows are committed, the next one finishes it.
     *
     * <p>Only {@code main} is checkpointed. Right after a first load switched the store back to WAL, the connection
     * has no log open yet, and SQLite's checkpoint of every schema then reads each one to open it, leaving the
     * {@code temp} schema (which a store connection has open) in a read transaction that its own checkpoint refused
     * with {@code SQLITE_LOCKED} (SQLite 3.50): every first load logged its checkpoint as failed.
     *
     * @return whether the log was copied in full
     */
    static boolean checkpoint(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA main.wal_checkpoint(FULL)")) {
            if (rs.next() && rs.getInt(1) == 0) return true;
            LOG.fine("the checkpoint after the import was left to a later one");
        } catch (SQLException e) {
            LOG.log(java.util.logging.Level.FINE, "the checkpoint after the import was left to a later one", e);
        }
        return false;
    }

    /**
     * Before the first import into a store this process has just created (no incidents, no other connection):
     * a rollback journal instead of WAL, so the rows are written once, straight into the file, and there is no
     * checkpoint copying them again after the commit. SQLite journals only the pages the file had before the
     * transaction (a few kilobytes of an empty store): a crash or a kill leaves a hot journal that the next opening
     * rolls back, so the store is as it was, empty. Changing the journal needs the file to itself: when another
     * connection has it open (a window), it is refused at once and the import runs in WAL mode as any other.
     * A reader that opens the new store while its first load runs waits for the commit (busy timeout). Call it
     * outside a transaction; true when the journal was changed ({@link #endFirstLoad} then puts WAL back).
     */
    static boolean beginFirstLoad(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            String mode;
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
                mode = rs.next() ? rs.getString(1) : "";
            } catch (SQLException e) {
                if (!busy(e)) throw e;
                mode = "wal";
            } finally {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            if (!"delete".equalsIgnoreCase(mode)) return false;
            st.execute("PRAGMA cache_size = -" + IMPORT_CACHE_KIB);
            return true;
        }
    }

    /** After a first load's transaction (committed or rolled back): WAL mode again, unless a reader holds the file. */
    static void endFirstLoad(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
            String now = rs.next() ? rs.getString(1) : "?";
            if (!"wal".equalsIgnoreCase(now)) LOG.fine(() -> "the store stays in " + now + " mode after its first load");
        } catch (SQLException e) {
            if (!busy(e)) throw e;
            // a reader holds the store: the next opening for writing switches it to WAL
            LOG.fine("the store stays in rollback mode after its first load (a reader has it open)");
        }
    }

    /** The busy timeout of store connections, in ms (as {@code IncidentStore.open} sets it). */
    static final int BUSY_TIMEOUT_MS = 10_000;

    /** After the import's transaction (committed or rolled back): the normal cache again. */
    static void end(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA cache_size = -" + NORMAL_CACHE_KIB);
            st.execute("PRAGMA shrink_memory");
        }
    }

    /** Whether SQLite refused for a lock another connection holds (SQLITE_BUSY, any extended code). */
    static boolean busy(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code;
    }

    /** Drops the secondary indexes of the incident table; returns their CREATE statements. */
    static List<String> dropIndexes(Connection c) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                + " AND tbl_name = 'incident' AND sql IS NOT NULL");
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
}
