package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

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
 * <p>Not thread-safe: used by the importing thread only.
 */
final class RtreePack {
    /** SQLite's rounding factors for float coordinates ({@code rtreeValueDown/Up}). */
    private static final double TOWARDS = 1.0 - 1.0 / 8388608.0;
    private static final double AWAY = 1.0 + 1.0 / 8388608.0;
    private static final int CELL = 24;

    private long[] ids = new long[4096];
    private double[] xs = new double[4096];
    private double[] ys = new double[4096];
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
            xs = Arrays.copyOf(xs, size);
            ys = Arrays.copyOf(ys, size);
        }
        if (n > 0 && id <= ids[n - 1]) ordered = false;
        ids[n] = id;
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    /** Row {@code id} lost its position. */
    void remove(long id) {
        put(id, Double.NaN, Double.NaN);
        removals = true;
    }

    int size() { return n; }

    /**
     * Writes the entries; {@code upsert} and {@code delete} are {@link SpatialIndex#prepareUpsert} and
     * {@link SpatialIndex#prepareDelete} for the fallback.
     */
    void write(Connection c, PreparedStatement upsert, PreparedStatement delete) throws SQLException {
        if (n == 0) return;
        if (!ordered || removals) {
            replay(upsert, delete);
            return;
        }
        int nodeSize;
        try (PreparedStatement ps = c.prepareStatement("SELECT length(data) FROM " + SpatialIndex.TABLE
                + "_node WHERE nodeno = 1"); ResultSet rs = ps.executeQuery()) {
            nodeSize = rs.next() ? rs.getInt(1) : 0;
        }
        int cap = (nodeSize - 4) / CELL;
        if (cap < 4) {
            replay(upsert, delete);
            return;
        }
        float[] x0 = new float[n], x1 = new float[n], y0 = new float[n], y1 = new float[n];
        for (int k = 0; k < n; k++) {
            x0[k] = down(xs[k]);
            x1[k] = up(xs[k]);
            y0[k] = down(ys[k]);
            y1[k] = up(ys[k]);
        }
        xs = null;
        ys = null;
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM " + SpatialIndex.TABLE + "_node");
             PreparedStatement node = c.prepareStatement("INSERT INTO " + SpatialIndex.TABLE
                     + "_node(nodeno, data) VALUES (?,?)");
             PreparedStatement parent = c.prepareStatement("INSERT INTO " + SpatialIndex.TABLE
                     + "_parent(nodeno, parentnode) VALUES (?,?)");
             PreparedStatement rowid = c.prepareStatement(ROWID_MAP)) {
            clear.executeUpdate();
            Writer w = new Writer(nodeSize, cap, node, parent, n);
            w.pack(ids, n, x0, x1, y0, y1);
            writeRowidMap(rowid, ids, w.leafOf, n);
        }
    }

    /**
     * The rowid-to-leaf map, many entries a statement: a blob of fixed-width decimal fid and node numbers, cut
     * apart by SQLite itself ({@code CAST} of a blob reads its bytes as text), so a million entries are not a million
     * bound statements. In fid order, so each entry is appended to the map's table.
     */
    private static final String ROWID_MAP = "WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k + 1"
            + " < ?2) INSERT INTO " + SpatialIndex.TABLE + "_rowid(rowid, nodeno) SELECT CAST(substr(?1, k * 40 + 1,"
            + " 20) AS INTEGER), CAST(substr(?1, k * 40 + 21, 20) AS INTEGER) FROM i";
    private static final int ROWID_CHUNK = 65_536;

    private static void writeRowidMap(PreparedStatement rowid, long[] ids, int[] leafOf, int n) throws SQLException {
        byte[] blob = new byte[40 * Math.min(n, ROWID_CHUNK)];
        for (int from = 0; from < n; from += ROWID_CHUNK) {
            int to = Math.min(n, from + ROWID_CHUNK);
            for (int k = from; k < to; k++) {
                int p = (k - from) * 40;
                decimal(blob, p, ids[k]);
                decimal(blob, p + 20, leafOf[k]);
            }
            rowid.setBytes(1, to - from == ROWID_CHUNK ? blob : Arrays.copyOf(blob, (to - from) * 40));
            rowid.setInt(2, to - from);
            rowid.executeUpdate();
        }
    }

    /** {@code v} (not negative) right-aligned in 20 ASCII characters, spaces before it. */
    private static void decimal(byte[] b, int at, long v) {
        int p = at + 19;
        do {
            b[p--] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        while (p >= at) b[p--] = ' ';
    }

    private void replay(PreparedStatement upsert, PreparedStatement delete) throws SQLException {
        for (int k = 0; k < n; k++) {
            if (Double.isNaN(xs[k])) {
                upsert.executeBatch();
                delete.setLong(1, ids[k]);
                delete.executeUpdate();
            } else {
                upsert.setLong(1, ids[k]);
                upsert.setDouble(2, xs[k]);
                upsert.setDouble(3, xs[k]);
                upsert.setDouble(4, ys[k]);
                upsert.setDouble(5, ys[k]);
                upsert.addBatch();
                if ((k & 4095) == 4095) upsert.executeBatch();
            }
        }
        upsert.executeBatch();
    }

    /** The largest float not above {@code d}, as SQLite's R-tree stores a lower bound. */
    static float down(double d) {
        float f = (float) d;
        return f > d ? (float) (d * (d < 0 ? AWAY : TOWARDS)) : f;
    }

    /** The smallest float not below {@code d}, as SQLite's R-tree stores an upper bound. */
    static float up(double d) {
        float f = (float) d;
        return f < d ? (float) (d * (d < 0 ? TOWARDS : AWAY)) : f;
    }

    /** Writes one level after another, bottom up; node 1 is the root. */
    private static final class Writer {
        private final int nodeSize;
        private final int cap;
        private final PreparedStatement node;
        private final PreparedStatement parent;
        /** The leaf node of each entry (written as the rowid map after the tree). */
        final int[] leafOf;
        private long nextNode = 2;
        private int pending;

        Writer(int nodeSize, int cap, PreparedStatement node, PreparedStatement parent, int entries) {
            this.nodeSize = nodeSize;
            this.cap = cap;
            this.node = node;
            this.parent = parent;
            this.leafOf = new int[entries];
        }

        void pack(long[] ids, int n, float[] x0, float[] x1, float[] y0, float[] y1) throws SQLException {
            int depth = 0;
            while (true) {
                if (n <= cap) {
                    int[] all = new int[n];
                    for (int k = 0; k < n; k++) all[k] = k;
                    writeNode(1, depth, depth, all, 0, n, ids, x0, x1, y0, y1);
                    flush();
                    return;
                }
                int[] order = strOrder(n, x0, x1, y0, y1);
                int nodes = (n + cap - 1) / cap;
                long[] pIds = new long[nodes];
                float[] px0 = new float[nodes], px1 = new float[nodes], py0 = new float[nodes], py1 = new float[nodes];
                for (int j = 0; j < nodes; j++) {
                    int from = j * cap, to = Math.min(n, from + cap);
                    long no = nextNode++;
                    writeNode(no, 0, depth, order, from, to, ids, x0, x1, y0, y1);
                    float a = Float.POSITIVE_INFINITY, b = Float.NEGATIVE_INFINITY;
                    float c = Float.POSITIVE_INFINITY, d = Float.NEGATIVE_INFINITY;
                    for (int k = from; k < to; k++) {
                        int e = order[k];
                        a = Math.min(a, x0[e]);
                        b = Math.max(b, x1[e]);
                        c = Math.min(c, y0[e]);
                        d = Math.max(d, y1[e]);
                    }
                    pIds[j] = no;
                    px0[j] = a;
                    px1[j] = b;
                    py0[j] = c;
                    py1[j] = d;
                }
                ids = pIds;
                x0 = px0;
                x1 = px1;
                y0 = py0;
                y1 = py1;
                n = nodes;
                depth++;
            }
        }

        /** Sort-Tile-Recursive order of {@code n} boxes: vertical slices by centre x, each by centre y. */
        private int[] strOrder(int n, float[] x0, float[] x1, float[] y0, float[] y1) {
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = key(x0[k] / 2f + x1[k] / 2f, k);
            Arrays.parallelSort(keys);
            int leaves = (n + cap - 1) / cap;
            int slices = (int) Math.ceil(Math.sqrt(leaves));
            int perSlice = slices * cap;
            int[] order = new int[n];
            for (int from = 0; from < n; from += perSlice) {
                int to = Math.min(n, from + perSlice);
                for (int k = from; k < to; k++) {
                    int e = (int) keys[k];
                    keys[k] = key(y0[e] / 2f + y1[e] / 2f, e);
                }
                Arrays.sort(keys, from, to);
                for (int k = from; k < to; k++) order[k] = (int) keys[k];
            }
            return order;
        }

        /** A sort key: the float's order in the high half, the entry in the low half. */
        private static long key(float v, int entry) {
            int bits = Float.floatToIntBits(v);
            bits ^= (bits >> 31) & 0x7fffffff;
            return ((long) bits << 32) | (entry & 0xffffffffL);
        }

        private void writeNode(long no, int headerDepth, int level, int[] order, int from, int to, long[] ids,
                               float[] x0, float[] x1, float[] y0, float[] y1) throws SQLException {
            byte[] data = new byte[nodeSize];
            data[0] = (byte) (headerDepth >> 8);
            data[1] = (byte) headerDepth;
            int count = to - from;
            data[2] = (byte) (count >> 8);
            data[3] = (byte) count;
            int p = 4;
            for (int k = from; k < to; k++) {
                int e = order[k];
                p = putLong(data, p, ids[e]);
                p = putInt(data, p, Float.floatToRawIntBits(x0[e]));
                p = putInt(data, p, Float.floatToRawIntBits(x1[e]));
                p = putInt(data, p, Float.floatToRawIntBits(y0[e]));
                p = putInt(data, p, Float.floatToRawIntBits(y1[e]));
                if (level == 0) {
                    leafOf[e] = Math.toIntExact(no);
                } else {
                    parent.setLong(1, ids[e]);
                    parent.setLong(2, no);
                    parent.addBatch();
                    pending++;
                }
            }
            node.setLong(1, no);
            node.setBytes(2, data);
            node.addBatch();
            if (++pending >= 8192) flush();
        }

        private void flush() throws SQLException {
            node.executeBatch();
            parent.executeBatch();
            pending = 0;
        }

        private static int putLong(byte[] b, int p, long v) {
            for (int s = 56; s >= 0; s -= 8) b[p++] = (byte) (v >>> s);
            return p;
        }

        private static int putInt(byte[] b, int p, int v) {
            for (int s = 24; s >= 0; s -= 8) b[p++] = (byte) (v >>> s);
            return p;
        }
    }
}
