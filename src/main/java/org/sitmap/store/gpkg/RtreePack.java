package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The R-tree entries of an import into a store whose R-tree was empty when it started (a new store, the first
 * big import), written in one pass before the commit instead of one R-tree insert per row.
 *
 * <p>An R-tree insert is several statements inside SQLite (choose the leaf, rewrite it and its parents, the
 * rowid-to-node map, node splits): at a million rows it was a third of the import's SQLite time. Here the entries
 * are collected as the rows are written, then packed (Sort-Tile-Recursive: sorted by x into vertical slices, each
 * slice sorted by y, cut into full nodes, the same again one level up until one node is left) and written
 * straight into the three tables behind SQLite's {@code rtree} module ({@code _node}, {@code _parent},
 * {@code _rowid}), in SQLite's node format: a 4-byte header (tree depth in the root, cell count), then per cell
 * the 64-bit id and the four coordinates as 32-bit floats, big-endian, rounded outwards as SQLite rounds them.
 * The node size is the root's, so the module reads the tree as its own; {@code rtreecheck()} accepts it and later
 * single writes (the GeoPackage triggers) insert into it as usual. It is inside the import's transaction, so a
 * rollback or a crash leaves the empty index as it was.
 *
 * <p>When the entries are not in increasing id order or a row lost its position (an update within the same
 * file), they are written through the ordinary statements instead, in the order they came.
 *
 * <p>Threading: used by the importing thread, except that {@link #startPacking} hands the entries to a packing
 * thread ({@link RtreePlan}), after which they are not changed.
 */
final class RtreePack {
    private long[] ids = new long[4096];
    /**
     * Each entry's box as SQLite stores a point (its coordinates rounded down and up to floats,
     * {@link RtreePlan#down}, {@link RtreePlan#up}): 16 bytes, as the two doubles were, but the packing needs no
     * second copy of them; NaN in {@code x0} for a row that lost its position.
     */
    private float[] x0 = new float[4096], x1 = new float[4096], y0 = new float[4096], y1 = new float[4096];
    private int n;
    private boolean ordered = true;
    private boolean removals;

    /**
     * Whether the store's R-tree is a plain two-dimensional {@code rtree} (float coordinates, no auxiliary
     * columns, as the GeoPackage extension defines it) with no entry (only its empty root node).
     */
    static boolean empty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, SpatialIndex.TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                String sql = rs.next() ? rs.getString(1) : null;
                if (sql == null || !sql.replaceAll("\\s+", " ").matches("(?i)CREATE VIRTUAL TABLE \"?\\w+\"?"
                        + " USING rtree ?\\( ?\\w+ ?, ?\\w+ ?, ?\\w+ ?, ?\\w+ ?, ?\\w+ ?\\) ?")) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM " + SpatialIndex.TABLE
                + "_rowid) = 0 AND (SELECT count(*) FROM " + SpatialIndex.TABLE + "_node) = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false; // an R-tree of another layout: the ordinary statements
        }
    }

    /** The entry of row {@code id} at a point (its latest position when called again for the same row). */
    void put(long id, double x, double y) {
        if (n == ids.length) {
            int size = n + (n >> 1);
            ids = Arrays.copyOf(ids, size);
            x0 = Arrays.copyOf(x0, size);
            x1 = Arrays.copyOf(x1, size);
            y0 = Arrays.copyOf(y0, size);
            y1 = Arrays.copyOf(y1, size);
        }
        if (n > 0 && id <= ids[n - 1]) ordered = false;
        ids[n] = id;
        x0[n] = RtreePlan.down(x);
        x1[n] = RtreePlan.up(x);
        y0[n] = RtreePlan.down(y);
        y1[n] = RtreePlan.up(y);
        n++;
    }

    /** Row {@code id} lost its position. */
    void remove(long id) {
        put(id, Double.NaN, Double.NaN);
        removals = true;
    }

    int size() { return n; }

    /**
     * Starts packing the entries on a thread of its own ({@code sitmap-rtree-pack}: sorting and node encoding are
     * plain Java, so they run on the core the reading thread left idle while the importing thread builds the
     * full-text and date indexes); null when they are to be written through the ordinary statements (none, out of
     * id order, a row that lost its position, or nodes too small). Reads the root's node size on the calling
     * thread. Threading: after this call nothing may {@link #put} or {@link #remove} any more; the entries are read
     * by the packing thread, and the result is handed back through the returned task ({@link #write}).
     */
    FutureTask<RtreePlan> startPacking(Connection c) throws SQLException {
        if (n == 0 || !ordered || removals) return null;
        int nodeSize;
        try (PreparedStatement ps = c.prepareStatement("SELECT length(data) FROM " + SpatialIndex.TABLE
                + "_node WHERE nodeno = 1"); ResultSet rs = ps.executeQuery()) {
            nodeSize = rs.next() ? rs.getInt(1) : 0;
        }
        if ((nodeSize - 4) / RtreePlan.CELL < 4) return null;
        long[] entryIds = ids;
        float[] a = x0, b = x1, c0 = y0, d = y1;
        int count = n;
        FutureTask<RtreePlan> task = new FutureTask<>(() -> RtreePlan.of(entryIds, a, b, c0, d, count, nodeSize));
        Thread t = new Thread(task, "sitmap-rtree-pack");
        t.setDaemon(true);
        t.start();
        x0 = null;
        x1 = null;
        y0 = null;
        y1 = null;
        return task;
    }

    /**
     * Writes the entries: the packed tree of {@code packing} ({@link #startPacking}, waited for here), or when it
     * is null through {@code upsert} and {@code delete} ({@link SpatialIndex#prepareUpsert},
     * {@link SpatialIndex#prepareDelete}) in the order the entries came.
     */
    void write(Connection c, FutureTask<RtreePlan> packing, PreparedStatement upsert, PreparedStatement delete)
            throws SQLException {
        if (n == 0) return;
        if (packing == null) {
            replay(upsert, delete);
            return;
        }
        // waited for without giving up on an interrupt (the packing takes well under a second): the import's own
        // check before its commit then ends a cancelled import as cancelled
        RtreePlan plan = null;
        boolean interrupted = false;
        while (plan == null) {
            try {
                plan = packing.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        plan.write(c);
    }

    private void replay(PreparedStatement upsert, PreparedStatement delete) throws SQLException {
        for (int k = 0; k < n; k++) {
            if (Float.isNaN(x0[k])) {
                upsert.executeBatch();
                delete.setLong(1, ids[k]);
                delete.executeUpdate();
            } else {
                upsert.setLong(1, ids[k]);
                // the rounded bounds: SQLite keeps a float bound as it is, so the entry is the one it makes of the point
                upsert.setDouble(2, x0[k]);
                upsert.setDouble(3, x1[k]);
                upsert.setDouble(4, y0[k]);
                upsert.setDouble(5, y1[k]);
                upsert.addBatch();
                if ((k & 4095) == 4095) upsert.executeBatch();
            }
        }
        upsert.executeBatch();
    }
}
