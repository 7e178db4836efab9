package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The packed R-tree of {@link RtreePack}: made in memory by {@link #of} (plain Java, no SQL, so on a thread of its
 * own), then written by {@link #write} on the importing thread.
 *
 * <p>Sort-Tile-Recursive packing: the entries sorted by x into vertical slices, each slice sorted by y, cut into
 * full nodes, the same again one level up until one node is left, which becomes the root (node 1). Nodes are in
 * SQLite's format: a 4-byte header (tree depth in the root, cell count), then per cell the 64-bit id and the four
 * coordinates as 32-bit floats, big-endian, rounded outwards as SQLite rounds them ({@code rtreeValueDown/Up}).
 *
 * <p>Threading: {@link #of} runs on any one thread; the importing thread receives the result through a
 * {@link java.util.concurrent.FutureTask} (which publishes it) and alone calls {@link #write}.
 */
final class RtreePlan {
    /** Bytes of a cell: the 64-bit id and four 32-bit floats. */
    static final int CELL = 24;
    /** SQLite's rounding factors for float coordinates ({@code rtreeValueDown/Up}). */
    private static final double TOWARDS = 1.0 - 1.0 / 8388608.0;
    private static final double AWAY = 1.0 + 1.0 / 8388608.0;
    /** Entries of the rowid map written by one statement. */
    private static final int ROWID_CHUNK = 65_536;

    private final int nodeSize;
    private final int cap;
    /** Node numbers and their blobs, in the order made (leaves first, the root last). */
    private long[] nodeNos = new long[1024];
    private byte[][] nodeData = new byte[1024][];
    private int nodes;
    /** Inner nodes' children and the node holding each (the {@code _parent} table). */
    private long[] children = new long[256];
    private long[] parents = new long[256];
    private int links;
    /** The leaf node of each entry (filled as the leaves are written). */
    private final int[] leafOf;
    private final long[] ids;
    private long nextNode = 2;
    /**
     * The leaves of a tree of more than one node: made when written, from the entries in the packed order, so
     * that their blobs (24 bytes an entry) are never all in memory; the inner nodes (one per {@code cap} leaves)
     * are kept as blobs. Leaf {@code j} is node {@code firstLeaf + j}; null when the root is the only node.
     */
    private int[] leafOrder;
    private long firstLeaf;
    private int leaves;
    private float[] ex0, ex1, ey0, ey1;
    /** Leaf nodes written by one batch (a constant amount of memory: about a megabyte). */
    private static final int LEAF_BATCH = 256;

    private RtreePlan(long[] ids, int entries, int nodeSize) {
        this.ids = ids;
        this.nodeSize = nodeSize;
        this.cap = (nodeSize - 4) / CELL;
        this.leafOf = new int[entries];
    }

    /**
     * Packs {@code n} entries (ids in increasing order, boxes as SQLite stores them: {@link #down}, {@link #up})
     * into nodes of {@code nodeSize} bytes.
     */
    static RtreePlan of(long[] ids, float[] x0, float[] x1, float[] y0, float[] y1, int n, int nodeSize) {
        RtreePlan p = new RtreePlan(ids, n, nodeSize);
        p.pack(ids, n, x0, x1, y0, y1);
        return p;
    }

    /**
     * Replaces the empty tree by this one: the nodes, the parent links and the rowid-to-leaf map, all in the
     * connection's transaction.
     */
    void write(Connection c) throws SQLException {
        String table = SpatialIndex.TABLE;
        try (PreparedStatement clear = c.prepareStatement("DELETE FROM " + table + "_node")) {
            clear.executeUpdate();
        }
        try (PreparedStatement node = c.prepareStatement("INSERT INTO " + table + "_node(nodeno, data) VALUES (?,?)")) {
            int n = leafOf.length;
            for (int j = 0; j < leaves; j++) {
                int from = j * cap, to = Math.min(n, from + cap);
                node.setLong(1, firstLeaf + j);
                node.setBytes(2, encode(0, 0, leafOrder, from, to, ids, ex0, ex1, ey0, ey1));
                node.addBatch();
                if (j % LEAF_BATCH == LEAF_BATCH - 1) node.executeBatch();
            }
            node.executeBatch();
            for (int k = 0; k < nodes; k++) {
                node.setLong(1, nodeNos[k]);
                node.setBytes(2, nodeData[k]);
                node.addBatch();
                if ((k & 8191) == 8191) node.executeBatch();
            }
            node.executeBatch();
        }
        try (PreparedStatement parent = c.prepareStatement("INSERT INTO " + table
                + "_parent(nodeno, parentnode) VALUES (?,?)")) {
            for (int k = 0; k < links; k++) {
                parent.setLong(1, children[k]);
                parent.setLong(2, parents[k]);
                parent.addBatch();
                if ((k & 8191) == 8191) parent.executeBatch();
            }
            parent.executeBatch();
        }
        writeRowidMap(c);
    }

    /**
     * The rowid-to-leaf map, {@value #ROWID_CHUNK} entries a statement: a JSON object {@code {"fid":leaf,...}} that
     * SQLite's {@code json_each} cuts apart (the key a text, the value an integer), so a million entries are not a
     * million bound statements. In fid order, so each entry is appended to the map's table. (A recursive CTE
     * cutting a blob of fixed-width numbers with {@code substr} took 0.5 s of CPU a million entries, this 0.35 s.)
     */
    private void writeRowidMap(Connection c) throws SQLException {
        int n = leafOf.length;
        StringBuilder json = new StringBuilder(Math.min(n, ROWID_CHUNK) * 16);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SpatialIndex.TABLE
                + "_rowid(rowid, nodeno) SELECT CAST(key AS INTEGER), value FROM json_each(?1)")) {
            for (int from = 0; from < n; from += ROWID_CHUNK) {
                int to = Math.min(n, from + ROWID_CHUNK);
                json.setLength(0);
                json.append('{');
                for (int k = from; k < to; k++) {
                    if (k > from) json.append(',');
                    json.append('"').append(ids[k]).append("\":").append(leafOf[k]);
                }
                json.append('}');
                ps.setString(1, json.toString());
                int written = ps.executeUpdate();
                if (written != to - from) {
                    throw new SQLException("the spatial index's rowid map took " + written + " of " + (to - from)
                            + " entries");
                }
            }
        }
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

    /** Makes one level after another, bottom up; node 1 is the root. */
    private void pack(long[] ids, int n, float[] x0, float[] x1, float[] y0, float[] y1) {
        int depth = 0;
        while (true) {
            if (n <= cap) {
                int[] all = new int[n];
                for (int k = 0; k < n; k++) all[k] = k;
                node(1, depth, depth, all, 0, n, ids, x0, x1, y0, y1);
                return;
            }
            int[] order = strOrder(n, x0, x1, y0, y1);
            int count = (n + cap - 1) / cap;
            long[] pIds = new long[count];
            float[] px0 = new float[count], px1 = new float[count], py0 = new float[count], py1 = new float[count];
            if (depth == 0) {
                leafOrder = order;
                firstLeaf = nextNode;
                leaves = count;
                ex0 = x0;
                ex1 = x1;
                ey0 = y0;
                ey1 = y1;
            }
            for (int j = 0; j < count; j++) {
                int from = j * cap, to = Math.min(n, from + cap);
                long no = nextNode++;
                if (depth > 0) node(no, 0, depth, order, from, to, ids, x0, x1, y0, y1);
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
            n = count;
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

    /** Makes and keeps an inner node, or the root when it is the only node. */
    private void node(long no, int headerDepth, int level, int[] order, int from, int to, long[] ids,
                      float[] x0, float[] x1, float[] y0, float[] y1) {
        byte[] data = encode(no, headerDepth, level, order, from, to, ids, x0, x1, y0, y1);
        if (nodes == nodeNos.length) {
            nodeNos = Arrays.copyOf(nodeNos, nodes * 2);
            nodeData = Arrays.copyOf(nodeData, nodes * 2);
        }
        nodeNos[nodes] = no;
        nodeData[nodes++] = data;
    }

    /** A leaf's blob, made when it is written (its entries' {@link #leafOf} set). */
    private byte[] encode(int headerDepth, int level, int[] order, int from, int to, long[] ids,
                          float[] x0, float[] x1, float[] y0, float[] y1) {
        return encode(firstLeaf + from / cap, headerDepth, level, order, from, to, ids, x0, x1, y0, y1);
    }

    /**
     * Node {@code no} in SQLite's format: cells {@code from..to} of {@code order}; at {@code level} 0 the entries'
     * leaf is recorded, above it the children's parent.
     */
    private byte[] encode(long no, int headerDepth, int level, int[] order, int from, int to, long[] ids,
                          float[] x0, float[] x1, float[] y0, float[] y1) {
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
                if (links == children.length) {
                    children = Arrays.copyOf(children, links * 2);
                    parents = Arrays.copyOf(parents, links * 2);
                }
                children[links] = ids[e];
                parents[links++] = no;
            }
        }
        return data;
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
