package org.sitmap.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A first load's key and full-text indexes built on a second core (issue 15). When every inserted row went to the
 * stage ({@link StageRows}), a thread of its own ({@code sitmap-import-fts}), on a connection of its own, first fills
 * the stage's key index ({@code REINDEX}, which the transfer of the rows needs), then builds the full-text index of the
 * stage's rows in a second stage file: the store's own FTS5 definition, filled exactly as {@link FtsBulk} fills the
 * store's (same rows in the same order, same statements, see {@link FtsBulk#bulkInsert}). Meanwhile the importing
 * thread writes the R-tree and the places, moves the rows once the key index is there, and builds the date index;
 * then it copies the index's shadow tables into the store's empty ones ({@link #copyInto}), inside its transaction.
 *
 * <p>The store's transaction is the only one that matters: the second connection writes only the two stage files,
 * which are scratch (no journal, no sync). A failure or a kill at any moment leaves the store as it was; the stage
 * files are deleted by {@link StageRows#close} or, after a kill, by the next import ({@link StageRows#removeLeftover}).
 *
 * <p>Locks: the importing thread reads neither stage file before this thread has written it ({@link #awaitKeys},
 * {@link #copyInto} wait), and from then on both only read the rows' stage.
 *
 * <p>Threading: created, waited for and closed by the importing thread; the work runs on its own thread.
 */
final class StageFts {
    /** The schema name of the full-text stage on the importing connection. */
    static final String SCHEMA = "sitmap_stage_fts";
    /**
     * False builds a first load's full-text index on the importing connection, as before ({@code
     * -Dsitmap.import.ftsApart=false}; tests compare both ways).
     */
    static volatile boolean enabled = Boolean.parseBoolean(System.getProperty("sitmap.import.ftsApart", "true"));
    /**
     * Fault injection for tests: with the system property {@code sitmap.test.ftsStageFails} true the second thread
     * fails once the key index is filled, as a full disk would fail it. Without the property nothing changes.
     */
    private static final String FAIL_PROPERTY = "sitmap.test.ftsStageFails";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(StageFts.class.getName());
    /** The second connection's page cache, in KiB. */
    private static final int CACHE_KIB = 64_000;

    private final Path rows;
    private final Path file;
    private final String ftsSql;
    private final CompletableFuture<Void> keys = new CompletableFuture<>();
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private final Thread thread;
    /** The second connection while it works, so that {@link #close} can interrupt it (guarded by this). */
    private org.sqlite.SQLiteConnection working;
    private volatile boolean stopped;

    private StageFts(Path rows, Path file, String ftsSql) {
        this.rows = rows;
        this.file = file;
        this.ftsSql = ftsSql;
        this.thread = new Thread(this::run, "sitmap-import-fts");
        thread.setDaemon(true);
    }

    /**
     * Starts indexing the rows' stage {@code rows} (complete: its pages are written and closed) into the empty file
     * {@code file} with the store's full-text table definition {@code ftsSql}.
     */
    static StageFts start(Path rows, Path file, String ftsSql) {
        StageFts f = new StageFts(rows, file, ftsSql);
        f.thread.start();
        return f;
    }

    private void run() {
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            synchronized (this) {
                working = c.unwrap(org.sqlite.SQLiteConnection.class);
            }
            try (Statement st = c.createStatement()) {
                for (String p : new String[] {"journal_mode = OFF", "synchronous = OFF",
                        "cache_size = -" + CACHE_KIB}) {
                    st.execute("PRAGMA " + p);
                }
                try (PreparedStatement ps = c.prepareStatement("ATTACH ? AS stage_rows")) {
                    ps.setString(1, rows.toAbsolutePath().toString());
                    ps.execute();
                }
                st.execute("PRAGMA stage_rows.journal_mode = OFF");
                st.execute("PRAGMA stage_rows.synchronous = OFF");
                st.execute("PRAGMA stage_rows.cache_size = -" + CACHE_KIB);
                stopIfClosed();
                long c0 = cpu();
                st.execute("REINDEX stage_rows.sqlite_autoindex_incident_1");
                keys.complete(null);
                long c1 = cpu();
                stopIfClosed();
                if (Boolean.getBoolean(FAIL_PROPERTY)) throw new SQLException("the full-text stage failed (test)");
                st.execute(ftsSql);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_fts(rowid, place, summary,"
                        + " evidence) SELECT fid, place, summary, evidence FROM stage_rows.incident ORDER BY fid")) {
                    FtsBulk.bulkInsert(c, ps);
                }
                st.execute("DETACH stage_rows");
                long c2 = cpu();
                LOG.fine(() -> String.format("the full-text stage's thread: key index %.2f s, full-text index %.2f s"
                        + " of CPU", (c1 - c0) / 1e9, (c2 - c1) / 1e9));
            }
            built.complete(null);
        } catch (SQLException | RuntimeException e) {
            keys.completeExceptionally(e);
            built.completeExceptionally(e);
        } finally {
            synchronized (this) {
                working = null;
            }
            try {
                if (c != null) c.close();
            } catch (SQLException e) {
                built.completeExceptionally(e);
            }
        }
    }

    private static long cpu() {
        var b = java.lang.management.ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : 0;
    }

    private void stopIfClosed() throws SQLException {
        if (stopped) throw new SQLException("the import's full-text stage was closed");
    }

    /** Waits until the rows' stage has its key index (the rows can be moved); throws what the thread failed with. */
    void awaitKeys() throws SQLException {
        await(keys);
    }

    /**
     * Waits for the full-text index and copies its shadow tables into the store's (empty, as a first load's are),
     * inside the caller's transaction on the importing connection (which has the file attached as {@link #SCHEMA});
     * then has that connection's index read them ({@link FtsBulk#forgetStructure}).
     */
    void copyInto(Connection conn) throws SQLException {
        await(built);
        List<String> tables = shadowTables(conn, SCHEMA);
        if (!tables.equals(shadowTables(conn, "main"))) {
            throw new SQLException("the full-text stage's tables " + tables + " are not the store's");
        }
        for (String t : tables) {
            String name = "\"" + t.replace("\"", "\"\"") + "\"";
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM main." + name);
                 PreparedStatement ins = conn.prepareStatement("INSERT INTO main." + name + " SELECT * FROM "
                         + SCHEMA + "." + name)) {
                del.executeUpdate();
                ins.executeUpdate();
            }
        }
        FtsBulk.forgetStructure(conn);
        LOG.fine(() -> "the full-text index built by a second thread was copied into the store: " + tables);
    }

    /** The FTS5 shadow tables of {@code incident_fts} in {@code schema}, by name. */
    private static List<String> shadowTables(Connection conn, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM " + schema + ".sqlite_schema"
                + " WHERE type = 'table' AND name LIKE 'incident\\_fts\\_%' ESCAPE '\\' ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    /**
     * Waits for {@code f} without giving up on an interrupt (the work left takes seconds at most; the import checks
     * for a cancel right after), then sets the interrupt again.
     */
    private static void await(CompletableFuture<Void> f) throws SQLException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException s) throw new SQLException(s.getMessage(), s);
                    throw new SQLException("the import's full-text stage failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the work if it still runs (SQLite's interrupt) and waits for the thread to end, so that the stage files
     * can be deleted. Never throws.
     */
    void close() {
        stopped = true;
        synchronized (this) {
            try {
                if (working != null) working.getDatabase().interrupt();
            } catch (SQLException e) {
                // the work then ends on its own, waited for below
            }
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
