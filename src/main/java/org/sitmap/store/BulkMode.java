package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * How a bulk import writes faster while staying one atomic transaction.
 *
 * <ul>
 *   <li><b>Journal</b>: in WAL mode every page an import writes goes twice to disk, into the log and then, at the
 *   checkpoint, into the database. An import switches its connection to a rollback journal when it alone has
 *   the store open: pages added at the end of the file are then written once, and only the few existing pages it
 *   changes are copied to the journal (1M ACLED rows: commit with its checkpoint 3.0 s, in WAL mode; 0.2-0.4 s with
 *   the journal). A crash leaves a hot journal that SQLite plays back when the store is next opened, so the store
 *   is as before the import. When another connection has the store open, SQLite refuses the switch at once and
 *   the import runs in WAL mode. In rollback mode the import takes the store's exclusive lock when its transaction
 *   begins and holds it to the commit ({@code BEGIN EXCLUSIVE}, {@code locking_mode = EXCLUSIVE}): a reader that
 *   opens the store meanwhile (QGIS) waits, or is told the store is locked, instead of holding a lock that would
 *   make the import's commit fail after all its work; and it syncs as {@code synchronous = FULL}, which rollback
 *   journals need to survive a power cut.</li>
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
     * cache. A test makes it small, so that an import it kills has already written rows into the database file.
     */
    static final long IMPORT_CACHE_KIB = Long.getLong("sitmap.import.cacheKiB", 200_000);

    /** The page cache of a store connection outside imports, in KiB (as {@code IncidentStore.open} sets it). */
    static final long NORMAL_CACHE_KIB = 200_000;

    private static final Logger LOG = Logger.getLogger(BulkMode.class.getName());

    private BulkMode() { }

    /**
     * Before an import's transaction: a rollback journal and the import's page cache, when the connection alone has
     * the store open. Call it outside a transaction.
     *
     * @return whether the journal was switched (then {@link #writeAheadLog} must follow the transaction)
     */
    static boolean rollbackJournal(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            String mode;
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
                mode = rs.next() ? rs.getString(1) : "";
            } catch (SQLException e) {
                // SQLite refuses at once (no busy wait) to leave WAL mode while another connection has the file open
                if (!busy(e)) throw e;
                LOG.fine(() -> "the store is open elsewhere: importing in WAL mode");
                return false;
            }
            if (!"delete".equalsIgnoreCase(mode)) {
                LOG.fine(() -> "the store stays in " + mode + " mode for the import");
                return false;
            }
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA cache_size = -" + IMPORT_CACHE_KIB);
        }
        c.unwrap(SQLiteConnection.class).getConnectionConfig().setTransactionMode(TransactionMode.EXCLUSIVE);
        return true;
    }

    /**
     * After the import's transaction (committed or rolled back): shared locking, WAL mode, the normal sync and
     * cache again.
     */
    static void writeAheadLog(Connection c) throws SQLException {
        c.unwrap(SQLiteConnection.class).getConnectionConfig().setTransactionMode(TransactionMode.DEFERRED);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA locking_mode = NORMAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA cache_size = -" + NORMAL_CACHE_KIB);
            st.execute("PRAGMA shrink_memory");
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                if (rs.next() && !"wal".equalsIgnoreCase(rs.getString(1))) {
                    LOG.warning("the store stays in " + rs.getString(1) + " journal mode until it is opened again");
                }
            } catch (SQLException e) {
                // another connection opened the store during the import; the next open switches back
                if (!busy(e)) throw e;
                LOG.warning("the store stays in rollback-journal mode until it is opened again (it is open elsewhere)");
            }
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
