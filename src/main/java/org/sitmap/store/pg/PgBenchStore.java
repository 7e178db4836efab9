package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.sitmap.index.IncidentIndex;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreException;

/**
 * What {@code sitmap bench --db postgresql://…} does on a server, without handing SQL to the bench: it makes the
 * database a team store ({@code server init}, so the user must be its owner), imports files through the real import
 * path ({@link PgStore#importAll}), streams the index as a window does ({@link PgStore#loadIndex}), searches text,
 * and removes what it imported.
 *
 * <p>It never destroys a team's data: {@link #open} refuses a team store that holds any import, except the leftovers
 * of an interrupted bench (every import's file a bench file in a {@code sitmap-bench…} temporary folder), which it
 * removes. {@link #empty} removes only the bench's own imports; when nothing else was imported meanwhile (checked
 * under the merge lock) it truncates the table, otherwise it deletes the bench's rows one by one. The database is
 * left an empty team store.
 *
 * <p>Threading: one thread at a time (it holds one connection).
 */
public final class PgBenchStore implements AutoCloseable {
    /** The file names the bench imports: a synthetic ACLED file in its temporary folder. */
    private static final Pattern BENCH_FILE = Pattern.compile(".*[/\\\\]sitmap-bench[^/\\\\]*[/\\\\][\\w.-]+\\.csv");

    private final PgLocation where;
    private final Connection conn;
    private final List<Long> batches = new ArrayList<>();
    private PgStore search;

    private PgBenchStore(PgLocation where, Connection conn) {
        this.where = where;
        this.conn = conn;
    }

    /**
     * Connects, makes the database a team store if it is not one, and checks that it holds nothing but an earlier
     * bench's leftovers (removed here).
     *
     * @throws InputException one line when the user may not run {@code server init} or the store holds a team's data
     */
    public static PgBenchStore open(PgLocation where) {
        Connection c = PgConnections.open(where);
        try {
            ServerInit.run(c);
            List<Long> leftovers = new ArrayList<>();
            long foreign = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, file FROM sitmap.import_batch");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (BENCH_FILE.matcher(rs.getString(2)).matches()) leftovers.add(rs.getLong(1)); else foreign++;
                }
            }
            long rows = count(c, "SELECT count(*) FROM sitmap.incident");
            if (foreign > 0 || rows > 0 && leftovers.isEmpty()) {
                throw PgLocation.bad(where.display() + " holds a team store with " + rows + " incidents; the bench"
                        + " imports into a store and empties it again, so it runs only on an empty one: make a"
                        + " database for it (createdb sitmap_bench) and give that.");
            }
            PgBenchStore s = new PgBenchStore(where, c);
            s.batches.addAll(leftovers);
            if (!leftovers.isEmpty()) s.empty();
            return s;
        } catch (SQLException e) {
            close(c);
            throw new StoreException("The bench could not prepare " + where.display() + " (SQL state "
                    + e.getSQLState() + ").", e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    /** Imports {@code file} as {@code sitmap import --db} does (a store of its own connection, one transaction). */
    public ImportReport importFile(Path file, String format, ReaderContext ctx) throws IOException {
        ImportReport r;
        try (PgStore store = PgStore.open(where);
             IncidentReader reader = org.sitmap.store.gpkg.StoreFileReader.open(file, format, ctx)) {
            r = store.importAll(reader, ImportOptions.DEFAULT, n -> { });
        }
        batches.add(r.batchId());
        return r;
    }

    /** Counts an import the bench made through another connection (another client's) as its own: {@link #empty} removes it. */
    public void adopt(long batchId) {
        batches.add(batchId);
    }

    /**
     * Vacuums and analyses the incident table after the bench's imports, so that the server's autovacuum (which a
     * freshly loaded table of millions of rows triggers) does not run during the measured stages: on a team's own
     * server it runs on the server's cores, here it would share the bench's two. Untimed.
     */
    public void settle() {
        try (Statement st = conn.createStatement()) {
            st.execute("VACUUM (ANALYZE) sitmap.incident");
        } catch (SQLException e) {
            throw new StoreException("The bench could not vacuum " + where.display() + " (SQL state "
                    + e.getSQLState() + ").", e);
        }
    }

    /** Opens the store anew and streams the index, as a window without a local snapshot opens it. */
    public IncidentIndex openIndex() {
        try (PgStore store = PgStore.open(where)) {
            return store.loadIndex();
        }
    }

    /** The ids matching {@code words} by the team store's full-text search ({@link PgStore#searchText}). */
    public long[] searchText(String words) {
        if (search == null) search = PgStore.open(where);
        return search.searchText(words);
    }

    /** Removes the bench's imports (see the class comment); afterwards the store is as the bench found it. */
    public void empty() {
        if (batches.isEmpty()) return;
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PgImporter.MERGE_LOCK);
                lock.execute();
            }
            Long[] ids = batches.toArray(Long[]::new);
            long others;
            try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM sitmap.import_batch"
                    + " WHERE NOT (id = ANY (?))")) {
                ps.setArray(1, conn.createArrayOf("bigint", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    others = rs.getLong(1);
                }
            }
            if (others == 0) {
                try (Statement s = conn.createStatement()) {
                    s.execute("LOCK TABLE sitmap.incident IN ACCESS EXCLUSIVE MODE");
                }
                // a batch committed between the count and the lock would be seen here
                if (count(conn, "SELECT count(*) FROM sitmap.import_batch") == ids.length) {
                    try (Statement s = conn.createStatement()) {
                        s.execute("TRUNCATE sitmap.incident");
                    }
                }
            }
            // the bench's own rows: not noted one by one in the edit log, but as "anything may have changed" after
            try (PreparedStatement g = conn.prepareStatement("SELECT set_config('sitmap.import', 'on', true)")) {
                g.execute();
            }
            long removed;
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sitmap.incident WHERE batch_id = ANY (?)")) {
                ps.setArray(1, conn.createArrayOf("bigint", ids));
                removed = ps.executeLargeUpdate();
            }
            if (removed > 0) PgEdits.markUnpacked(conn);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sitmap.import_batch b WHERE id = ANY (?)"
                    + " AND NOT EXISTS (SELECT 1 FROM sitmap.incident i WHERE i.batch_id = b.id)")) {
                ps.setArray(1, conn.createArrayOf("bigint", ids));
                ps.execute();
            }
            conn.commit();
            batches.clear();
        } catch (SQLException e) {
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the server rolled back
            }
            throw new StoreException("The bench could not remove its imports from " + where.display() + " (SQL state "
                    + e.getSQLState() + ").", e);
        } finally {
            try {
                conn.setAutoCommit(true);
            } catch (SQLException ignored) {
                // closing follows
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        if (search != null) search.close();
        close(conn);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }
}
