package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;

/**
 * The window's in-memory index from a team store, streamed with {@code COPY … TO STDOUT (FORMAT binary)}: one round
 * trip, the columns as stored (no function per row on the server), read from their bytes by {@link CopyIndexRows}
 * (no object per row on the client). The rows are read from the connection on the calling thread and decoded on a
 * helper thread at the same time, in batches.
 *
 * <p>Threading: a blocking call; run it on the workspace's worker, never on the FX thread. The decoding runs on the
 * {@code helper} given ({@code Runnable::run}: on the calling thread, after each batch is read), in batch order.
 */
public final class PgIndexLoader {
    /** The filter columns, as stored; {@link CopyIndexRows} reads them in this order. */
    static final String COLUMNS = "fid, event_date, span_end, geom, faction_codes, event_type, sub_event_type,"
            + " date_precision, geo_precision, fatalities, place";
    /** Messages (one row each) read before they are handed to the decoder. */
    private static final int BATCH = 4096;
    /** Batches read ahead of the decoder at most. */
    private static final int AHEAD = 8;

    private PgIndexLoader() {
    }

    /** Every incident of the store behind {@code c}, decoded on a thread of its own while it is read. */
    public static IncidentIndex load(Connection c, FactionCatalog catalog, LongConsumer progress) throws SQLException {
        return load(c, catalog, progress, null);
    }

    /**
     * Every incident of the store behind {@code c}; {@code progress} gets the rows read so far; {@code helper}
     * decodes (null: a thread of its own).
     */
    public static IncidentIndex load(Connection c, FactionCatalog catalog, LongConsumer progress, Executor helper)
            throws SQLException {
        int estimate = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples::bigint FROM pg_class"
                + " WHERE oid = 'sitmap.incident'::regclass"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) estimate = (int) Math.min(Math.max(rs.getLong(1), 0), 1L << 28);
        }
        return copy(c, catalog, "", estimate + (estimate >> 5) + 1024, progress, helper);
    }

    /**
     * The incidents of the imports committed after commit number {@code afterCommit} (a window catching up with
     * its snapshot or with a live notification): each row in its current version, streamed as {@link #load}
     * streams. Run it in the same transaction as the query that reads the newest commit number, so the two agree.
     */
    public static IncidentIndex loadCommittedAfter(Connection c, FactionCatalog catalog, long afterCommit)
            throws SQLException {
        // The batches' ids first, then the rows of those ids. Written as a sub-select, the planner cannot see how
        // few rows the new batches hold and scans the whole table (0.46 s at 1M, about 4 s at 10M on this VM);
        // with the ids as values it reads them through the batch index (a few ms).
        StringBuilder ids = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sitmap.import_batch WHERE commit_seq > ?"
                + " ORDER BY id")) {
            ps.setLong(1, afterCommit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.append(ids.length() == 0 ? "" : ",").append(rs.getLong(1));
            }
        }
        if (ids.length() == 0) return IncidentIndex.empty(catalog);
        // COPY takes no parameters: the ids are written from longs, so nothing of a user's text reaches the SQL
        return copy(c, catalog, " WHERE batch_id IN (" + ids + ")", 1024, n -> { }, Runnable::run);
    }

    /** The rows of the given ids as they stand (ids not in the table are left out). */
    static IncidentIndex loadIds(Connection c, FactionCatalog catalog, long[] ids) throws SQLException {
        if (ids.length == 0) return IncidentIndex.empty(catalog);
        StringBuilder list = new StringBuilder(ids.length * 8);
        for (long id : ids) list.append(list.length() == 0 ? "" : ",").append(id);
        // written from longs, as the batch ids below: nothing of a user's text reaches the SQL
        return copy(c, catalog, " WHERE fid = ANY ('{" + list + "}'::bigint[])", ids.length + 16, n -> { },
                Runnable::run);
    }

    /**
     * The rows of import {@code batch} as they stand (about {@code rows} of them), for its packed index
     * ({@link IndexPacks}); run it in the import's transaction, after its merge.
     */
    static IncidentIndex loadBatch(Connection c, FactionCatalog catalog, long batch, int rows) throws SQLException {
        return copy(c, catalog, " WHERE batch_id = " + batch, rows + 1024, n -> { }, null);
    }

    private static IncidentIndex copy(Connection c, FactionCatalog catalog, String where, int capacity,
                                      LongConsumer progress, Executor helper) throws SQLException {
        CopyIndexRows rows = new CopyIndexRows(catalog, capacity);
        ExecutorService own = helper == null ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sitmap-index-decode");
            t.setDaemon(true);
            return t;
        }) : null;
        Executor decoder = own != null ? own : helper;
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + COLUMNS
                + " FROM sitmap.incident" + where + ") TO STDOUT (FORMAT binary)");
        ArrayDeque<CompletableFuture<Void>> pending = new ArrayDeque<>();
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        long n = 0;
        try {
            byte[][] batch = new byte[BATCH][];
            int b = 0;
            for (byte[] m; (m = out.readFromCopy()) != null; ) {
                batch[b++] = m;
                if (b == BATCH) {
                    last = chain(last, rows, batch, b, decoder, pending);
                    batch = new byte[BATCH][];
                    b = 0;
                }
                if ((++n & 0xffff) == 0) progress.accept(n);
            }
            chain(last, rows, batch, b, decoder, pending).join();
            progress.accept(n);
            return rows.build(decoder);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        } finally {
            if (out.isActive()) out.cancelCopy();
            if (own != null) own.shutdownNow();
        }
    }

    /** Queues one batch's decoding after the previous one on {@code helper}, waiting when too many are queued. */
    private static CompletableFuture<Void> chain(CompletableFuture<Void> last, CopyIndexRows rows, byte[][] batch,
                                                 int b, Executor helper, ArrayDeque<CompletableFuture<Void>> pending) {
        CompletableFuture<Void> next = last.thenRunAsync(() -> {
            for (int k = 0; k < b; k++) rows.accept(batch[k]);
        }, helper);
        pending.add(next);
        if (pending.size() > AHEAD) pending.removeFirst().join();
        return next;
    }
}
