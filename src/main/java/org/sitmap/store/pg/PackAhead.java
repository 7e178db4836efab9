package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.FactionCatalog;

/**
 * The packed index of an owner's first load ({@link IndexPacks}), written on a second connection of the importer's
 * own while the import's backend builds the table's indexes after its rows ({@link FirstLoad#finish}), then made the
 * import's in its transaction. Building a GiST or GIN index keeps one server process busy; encoding 56 MB of pack
 * (1M rows), sending it and storing it (TOAST, WAL) had run after the builds, on the same backend.
 *
 * <p>The parts are committed ahead as pack {@code -n} (a negative number, {@code n} from {@code index_pack_seq}),
 * not a base and without a batch: every reader, this build's and the older ones, takes the packs from the newest base
 * on in number order, so a negative one that is not a base is never read. {@link #publish}, in the import's
 * transaction, renumbers the parts {@code n}, gives them the batch and the base flag, and drops the packs before
 * {@code n} (the former base's, and any negative pack an import wrote ahead and never made its own). The update keeps
 * the stored values (PostgreSQL reuses an unchanged TOAST value), so the commit makes the pack visible with the rows,
 * and a failed or killed import leaves only a negative pack that nothing reads, removed by the next pack written
 * ({@link IndexPacks}). The parts, counts and bytes are those the former way wrote in the transaction: the rows'
 * ids are checked consecutive once the primary key exists, and the change count the parts were made at is checked
 * again before they are published; when either differs, or the second connection failed, the pack is written in the
 * import's transaction as before.
 *
 * <p>Threading: {@link #start}, {@link #publish} and {@link #abandon} on the importing thread; the parts are made
 * and written on a thread of their own ({@code sitmap-import-pack-writer}) that ends before {@link #publish} or
 * {@link #abandon} returns.
 */
final class PackAhead {
    private static final Logger LOG = Logger.getLogger(PackAhead.class.getName());

    private final PgLocation where;
    private final FactionCatalog catalog;
    private final IndexPacks.Start start;
    private final PackRows rows;
    private final FutureTask<IndexColumns> sorted;
    private FutureTask<Written> task;
    private long after;

    /** The pack number the parts were written ahead under (negated) and how many there are. */
    private record Written(long pack, int parts) { }

    /** A pack of {@code rows}, put in day order by {@code sorted}, of a first load started at {@code start} (a base). */
    PackAhead(PgLocation where, FactionCatalog catalog, IndexPacks.Start start, PackRows rows,
              FutureTask<IndexColumns> sorted) {
        this.where = where;
        this.catalog = catalog;
        this.start = start;
        this.rows = rows;
        this.sorted = sorted;
    }

    /**
     * Starts writing the parts ahead when the server numbered the copied rows consecutively (the primary key exists
     * again, so the check is an index probe); call it after the import's last write to the incident table.
     */
    void start(Connection c) throws SQLException {
        long count = rows.size();
        long min;
        long max;
        try (PreparedStatement ps = c.prepareStatement("SELECT min(fid), max(fid) FROM sitmap.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
        }
        if (count == 0 || max - min + 1 != count) return;
        after = IndexPacks.counter(c, false);
        task = new FutureTask<>(() -> write(min));
        Thread t = new Thread(task, "sitmap-import-pack-writer");
        t.setDaemon(true);
        t.start();
    }

    private Written write(long firstId) throws SQLException {
        IncidentIndex ix = rows.index(PackRows.result(sorted), firstId);
        Connection opened;
        try {
            opened = PgConnections.open(where);
        } catch (RuntimeException e) {
            throw new SQLException("no second connection for the packed index", "08001", e);
        }
        try (Connection w = opened) {
            w.setAutoCommit(false);
            long pack = IndexPacks.nextPack(w);
            int parts = IndexPacks.insertParts(w, catalog, -pack, null, false, start.before(), after, ix);
            w.commit();
            return new Written(pack, parts);
        }
    }

    /**
     * Makes the parts written ahead import {@code batch}'s pack, in the import's transaction; false when none were
     * written (ids not consecutive, the second connection failed) or they no longer fit (the change count moved):
     * the caller then writes the pack the former way.
     */
    boolean publish(Connection c, long batch) throws SQLException {
        Written w = written();
        if (w == null) return false;
        // the former way's base then drops these parts with the packs before it
        if (IndexPacks.counter(c, false) != after) return false;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sitmap.index_pack SET pack = ?, batch_id = ?, base = ?"
                + " WHERE pack = ? AND change_before = ? AND change_after = ? AND NOT base")) {
            ps.setLong(1, w.pack());
            ps.setLong(2, batch);
            ps.setBoolean(3, start.base());
            ps.setLong(4, -w.pack());
            ps.setLong(5, start.before());
            ps.setLong(6, after);
            int n = ps.executeUpdate();
            if (n != w.parts()) {
                throw new SQLException("the packed index written ahead has " + n + " of its " + w.parts() + " parts",
                        "55000");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sitmap.index_pack WHERE pack < ?")) {
            ps.setLong(1, start.base() ? w.pack() : 0);
            ps.executeUpdate();
        }
        return true;
    }

    /** What the writer made: null when it was not started or its connection failed; its other failures are thrown. */
    private Written written() throws SQLException {
        if (task == null) return null;
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the packed index was written", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            LOG.log(Level.FINE, "packed index not written ahead; written in the import's transaction", e.getCause());
            return null;
        }
    }

    /** Waits for the writer after the import failed (what it committed is a negative pack that nothing reads). */
    void abandon() {
        if (task == null) return;
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "packed index written ahead of a failed import", e.getCause());
        }
    }
}
