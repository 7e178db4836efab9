package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The imports other clients commit to a team store, as they happen: a dedicated connection listens on
 * {@value PgImporter#CHANNEL}; each {@link #await} waits at most the given time for a notification, then asks the
 * store which batches finished after the last one seen, so a notification lost with a dropped connection is caught
 * up. A dead link is noticed by a bounded round trip, never by an endless wait: the feed then reconnects, and the
 * next call returns the batches committed meanwhile.
 *
 * <p>On a streaming standby (a window browsing from a replica) LISTEN is not allowed; the feed then looks for new
 * commits after every bounded wait, and they arrive as the standby replays them.
 *
 * <p>Threading: one thread calls {@link #await} (a blocking call, never on the FX thread); {@link #close} may be
 * called from another thread to end the feed.
 */
public final class PgChangeFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PgChangeFeed.class.getName());
    private final PgLocation where;
    private volatile Connection conn;
    private volatile boolean closed;
    private long lastSeq;
    private boolean connected;
    private boolean standby;
    private boolean edited;
    private Boolean edits;

    /**
     * A feed of the imports committed after the one of commit number {@code afterCommit} (0: all); imports commit
     * in turn (see {@link PgImporter}), so commit numbers order them as they became visible.
     */
    public PgChangeFeed(PgLocation where, long afterCommit) {
        this.where = where;
        this.lastSeq = afterCommit;
    }

    /**
     * The commit number of the newest import or edit by another tool ({@link PgEdits}) in the store (0 when none):
     * where a fresh window's feed starts.
     */
    public static long lastCommit(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(commit_seq), 0) FROM sitmap.import_batch");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Math.max(rs.getLong(1), PgEdits.lastCommit(c));
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for another import, then returns the ids of the batches finished since the
     * last call, in order (empty when none). When the server cannot be reached it returns empty and tries again on
     * the next call; {@link #connected()} says which.
     */
    public List<Long> await(int timeoutMillis) {
        if (closed) return List.of();
        try {
            Connection c = connection();
            // on a standby nothing wakes this early: it is a bounded wait, then the catch-up query below
            PGNotification[] got = c.unwrap(PGConnection.class).getNotifications(Math.max(1, timeoutMillis));
            if (got != null && got.length > 0) LOG.fine(() -> got.length + " notifications from " + where.display());
            // a round trip with a bounded wait: a dead link fails here instead of waiting forever
            return newBatches(c);
        } catch (SQLException e) {
            if (!closed) LOG.log(Level.FINE, "change feed of " + where.display() + " lost its connection", e);
            drop();
            return List.of();
        }
    }

    /** True when the last {@link #await} reached the server. */
    public boolean connected() {
        return connected;
    }

    private Connection connection() throws SQLException {
        Connection c = conn;
        if (c != null) return c;
        try {
            c = PgConnections.open(where, 15);
        } catch (RuntimeException e) {
            connected = false;
            throw new SQLException(e.getMessage(), "08001", e);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = 5000");
            // a standby cannot LISTEN: there the feed asks for new commits after each bounded wait
            try (ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                standby = rs.getBoolean(1);
            }
            if (!standby) s.execute("LISTEN " + PgImporter.CHANNEL);
        }
        conn = c;
        return c;
    }

    /** True when the last {@link #await} found edits by another tool after the feed's position. */
    public boolean edited() {
        return edited;
    }

    private List<Long> newBatches(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long from = lastSeq;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, commit_seq FROM sitmap.import_batch"
                + " WHERE commit_seq > ? ORDER BY commit_seq")) {
            ps.setQueryTimeout(5);
            ps.setLong(1, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    lastSeq = rs.getLong(2);
                }
            }
        }
        if (edits == null) edits = PgEdits.present(c);
        edited = false;
        if (edits) {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(commit_seq) FROM sitmap.incident_edit"
                    + " WHERE commit_seq > ?")) {
                ps.setQueryTimeout(5);
                ps.setLong(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        edited = true;
                        lastSeq = Math.max(lastSeq, rs.getLong(1));
                    }
                }
            }
        }
        connected = true;
        return ids;
    }

    private void drop() {
        connected = false;
        Connection c = conn;
        conn = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.log(Level.FINEST, "closing a lost connection", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
    }
}
