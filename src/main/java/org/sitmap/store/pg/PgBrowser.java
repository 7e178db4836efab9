package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentRows;
import org.sitmap.store.StoreException;
import org.sitmap.store.StoreFault;

/**
 * What a window reads from a team store: the index (streamed, see {@link PgIndexLoader}), the rows of imports
 * committed after a known commit number, one incident's details, what an import was
 * (who, which file) and whether the user may import. One connection, whose reads give up after a bounded time; a
 * connection that was cut (server restarted, backend terminated) is opened again once before a call fails.
 *
 * <p>Threading: blocking calls; one thread at a time (the window's worker). {@link #interrupt} from any thread.
 */
public final class PgBrowser implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PgBrowser.class.getName());
    /** A read waiting longer than this on the server fails (seconds); a COPY streams far faster than that. */
    private static final int SOCKET_TIMEOUT = 120;

    private final PgLocation where;
    private final FactionCatalog catalog;
    private volatile Connection conn;
    private boolean mayImport;
    private String identity;
    private int schema;

    /** An index and the commit number it holds everything up to (0: no import yet). */
    public record Loaded(IncidentIndex index, long commit) { }

    /** One committed import: its batch id, who made it (null when the store does not know), its file and counts. */
    public record Batch(long id, String user, String file, int imported, int updated) { }

    private PgBrowser(PgLocation where, FactionCatalog catalog) {
        this.where = where;
        this.catalog = catalog;
    }

    /**
     * Connects to {@code where} and reads what the window needs to know first.
     *
     * @throws org.sitmap.model.InputException one line when the server refuses or is not a team store
     *                                         ({@link PgPasswordRequired} when it asks a password)
     */
    public static PgBrowser open(PgLocation where, FactionCatalog catalog) {
        PgBrowser b = new PgBrowser(where, catalog);
        try {
            b.connection();
        } catch (SQLException e) {
            b.close();
            throw fault(where, "cannot read", e);
        }
        return b;
    }

    private Connection connection() throws SQLException {
        Connection c = conn;
        if (c != null) return c;
        c = PgConnections.open(where, SOCKET_TIMEOUT);
        try {
            schema = PgSchema.version(c);
            if (schema == 0) {
                throw PgLocation.bad(where.display() + " is not a team store yet; its owner runs sitmap server init"
                        + " --db " + where.display() + " first.");
            }
            mayImport = ServerInit.mayImport(c);
            identity = identity(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        conn = c;
        return c;
    }

    /** The server's system identifier (where allowed), the database's oid and name, the hosts: what a snapshot is of. */
    private String identity(Connection c) throws SQLException {
        String system = "";
        try (PreparedStatement ps = c.prepareStatement("SELECT system_identifier::text FROM pg_control_system()");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) system = rs.getString(1);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "no system identifier from " + where.display(), e);   // not granted: the rest identifies
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT oid::text || '/' || datname FROM pg_database"
                + " WHERE datname = current_database()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return system + "/" + String.join(",", where.hosts()) + ":" + where.ports() + "/" + rs.getString(1);
        }
    }

    /** Runs {@code call}; when the connection turns out to be cut, opens it again once and runs it again. */
    private <T> T withConnection(String what, SqlCall<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run(connection());
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                // 08: the link broke; 57P01-57P03: the backend was terminated or the server is shutting down
                boolean cut = state.startsWith("08") || state.startsWith("57P") || isClosed();
                if (e.getSQLState() != null && e.getSQLState().equals("57014")) {
                    throw new StoreFault(StoreFault.Kind.CANCELLED, what + " was cancelled", e);
                }
                if (!cut || attempt > 0) throw fault(where, what, e);
                LOG.log(Level.FINE, "connection to " + where.display() + " was cut; opening it again", e);
                dropConnection();
            }
        }
    }

    private boolean isClosed() {
        try {
            Connection c = conn;
            return c == null || c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private interface SqlCall<T> {
        T run(Connection c) throws SQLException;
    }

    /** Where the browser reads. */
    public PgLocation location() { return where; }

    /** True when the user may import (holds {@value ServerInit#EDITOR}). */
    public boolean mayImport() { return mayImport; }

    /** What identifies this store for a local snapshot (server, database); never the user or a password. */
    public String identity() { return identity; }

    /** The faction catalog the index is made with. */
    public FactionCatalog catalog() { return catalog; }

    /** The commit number of the newest import (0: none). */
    public long lastCommit() {
        return withConnection("reading the newest import", PgChangeFeed::lastCommit);
    }

    /** Every incident, streamed, with the commit number it is complete up to (one snapshot of the store). */
    public Loaded loadIndex(java.util.function.LongConsumer progress) {
        return inOneSnapshot("loading the incidents", c -> {
            long commit = PgChangeFeed.lastCommit(c);
            IncidentIndex packed = IndexPacks.read(c, catalog);
            return new Loaded(packed != null ? packed : PgIndexLoader.load(c, catalog, progress), commit);
        });
    }

    /**
     * What changed after commit number {@code commit}: the rows of later imports and the rows other tools edited
     * (each as it now stands), the ids other tools deleted, how many rows the imports brought and how many ids other
     * tools edited, and the newest commit number these reach; or
     * {@code whole} when another tool may have changed anything (a TRUNCATE), and the index must be read again.
     */
    public record Changes(IncidentIndex rows, long[] removed, boolean whole, int imported, int edited, long commit) {
        /** {@code current} with these changes applied (not for {@code whole}). */
        public IncidentIndex applyTo(IncidentIndex current) {
            return org.sitmap.index.IndexMerge.merge(current, rows, removed);
        }
    }

    /** The imports and other tools' edits committed after {@code commit} (see {@link Changes}). */
    public Changes committedAfter(long commit) {
        return inOneSnapshot("reading the new imports", c -> {
            long last = PgChangeFeed.lastCommit(c);
            if (last <= commit) return new Changes(IncidentIndex.empty(catalog), new long[0], false, 0, 0, commit);
            IncidentIndex imported = PgIndexLoader.loadCommittedAfter(c, catalog, commit);
            PgEdits.Delta d = PgEdits.present(c) ? PgEdits.afterCommit(c, catalog, commit) : null;
            if (d == null || d.none()) return new Changes(imported, new long[0], false, imported.size(), 0, last);
            if (d.whole()) return new Changes(IncidentIndex.empty(catalog), new long[0], true, imported.size(), 0, last);
            // both read in this one snapshot: a row in both is the same version
            return new Changes(d.applyTo(imported), d.removed(), false, imported.size(),
                    d.rows().size() + d.removed().length, last);
        });
    }

    private <T> T inOneSnapshot(String what, SqlCall<T> call) {
        return withConnection(what, c -> {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return call.run(c);
            } finally {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                    c.setReadOnly(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "ending a read on " + where.display(), e);   // the connection is cut: next call reopens
                }
            }
        });
    }

    /** The imports with commit numbers in {@code (after, upTo]}, in commit order. */
    public List<Batch> batches(long after, long upTo) {
        String who = schema >= 2 ? "imported_by" : "NULL";
        return withConnection("reading the new imports", c -> {
            List<Batch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, " + who + ", file, imported, updated"
                    + " FROM sitmap.import_batch WHERE commit_seq > ? AND commit_seq <= ? ORDER BY commit_seq")) {
                ps.setLong(1, after);
                ps.setLong(2, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5)));
                }
            }
            return out;
        });
    }

    /** One incident with every field. */
    public Optional<Incident> incident(long id) {
        return withConnection("reading incident " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + IncidentRows.COLUMNS.replace("geom",
                    PgIncidentReader.POSITION) + " FROM sitmap.incident WHERE fid = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(IncidentRows.read(rs, PgIncidentReader.DEGREES));
                }
            }
        });
    }

    /** Cancels the statement running on another thread (an index load); it then fails as cancelled. Any thread. */
    public void interrupt() {
        Connection c = conn;
        if (c == null) return;
        try {
            c.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "cancel on " + where.display(), e);
        }
    }

    private void dropConnection() {
        Connection c = conn;
        conn = null;
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(Level.FINEST, "closing a cut connection", e);
        }
    }

    private static StoreException fault(PgLocation where, String what, SQLException e) {
        return new StoreException(what + " on " + where.display() + " failed (SQL state " + e.getSQLState()
                + "); check that the server runs, then File → Reload the store.", e);
    }

    @Override
    public void close() {
        dropConnection();
    }
}
