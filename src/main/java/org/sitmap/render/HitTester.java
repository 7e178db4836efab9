package org.sitmap.render;

import java.util.Arrays;

/**
 * What one incident drawing put where: single markers (row at a pixel) and clusters (a circle standing for many
 * rows). Answers "which incident is under this screen point" for hover and click, respecting clusters: a point
 * inside a cluster circle hits the cluster. Built by {@link IncidentPainter} on the drawing thread together with
 * the raster, and published with it.
 *
 * <p>Immutable once {@link Builder#build()} returns; safe to read from any thread.
 */
public final class HitTester {
    /** An empty tester (nothing drawn). */
    public static final HitTester EMPTY = new Builder(null).build();

    private final Viewport viewport;
    private final float[] sx;
    private final float[] sy;
    private final int[] srow;
    private final int singles;
    private final float[] cx;
    private final float[] cy;
    private final float[] cr;
    private final int[] cStart;
    private final int[] cRows;
    /** Clusters whose rows are looked up when asked: merged cell of each (-1: rows listed in cRows). */
    private final int[] cCell;
    private final ClusterCells lookup;
    private final int clusters;
    private final int counted;
    private final int rowsInClusters;

    /**
     * What a screen point hit: one row, or several (a cluster, or markers stacked on one pixel: then
     * {@code clusterRows} lists them and {@code row} is the one drawn on top or first in the cluster).
     */
    public record Hit(int row, int[] clusterRows, double x, double y) {
        public boolean isCluster() { return clusterRows != null; }
    }

    private HitTester(Builder b) {
        viewport = b.viewport;
        // the builder's arrays are taken over, not copied (it is used once): only the first entries count
        sx = b.sx; sy = b.sy; srow = b.srow;
        singles = b.ns;
        cx = b.cx; cy = b.cy; cr = b.cr;
        cStart = b.cStart;
        cStart[b.nc] = b.nr;
        cRows = b.cRows;
        cCell = b.cCell;
        lookup = b.lookup;
        rowsInClusters = b.nr + b.lazyRows;
        clusters = b.nc;
        counted = b.counted;
    }

    /** The viewport the drawing was made for (null for {@link #EMPTY}). */
    public Viewport viewport() { return viewport; }

    /** Number of rows drawn (singles plus the rows inside clusters). */
    public int drawnRows() { return singles + rowsInClusters + counted; }

    public int singles() { return singles; }

    public int clusters() { return clusters; }

    /** Row of single marker {@code k} (0 ≤ k &lt; {@link #singles()}), in drawing order. */
    public int singleRow(int k) { return srow[k]; }

    /** Centre x of single marker {@code k}. */
    public float singleX(int k) { return sx[k]; }

    /** Centre y of single marker {@code k}. */
    public float singleY(int k) { return sy[k]; }

    /** Screen position of a drawn single row, or null when that row is not drawn as a single marker. */
    public double[] positionOf(int row) {
        for (int k = singles - 1; k >= 0; k--) if (srow[k] == row) return new double[] {sx[k], sy[k]};
        for (int c = 0; c < clusters; c++) {
            for (int k = cStart[c]; k < cStart[c + 1]; k++) if (cRows[k] == row) return new double[] {cx[c], cy[c]};
        }
        int cell = lookup == null ? -1 : lookup.cellOf(row);
        for (int c = 0; cell >= 0 && c < clusters; c++) if (cCell[c] == cell) return new double[] {cx[c], cy[c]};
        return null;
    }

    /** The rows of cluster {@code c}, ascending (a fresh array). */
    public int[] clusterRows(int c) {
        if (cCell[c] >= 0) return lookup.rows(cCell[c], Integer.MAX_VALUE);
        return Arrays.copyOfRange(cRows, cStart[c], cStart[c + 1]);
    }

    /**
     * For each row of an index of {@code indexSize} rows, the cluster it is drawn in, or -1 (drawn alone or not
     * at all). O(indexSize); call once per frame.
     */
    public int[] clusterOfRows(int indexSize) {
        int[] out = new int[indexSize];
        java.util.Arrays.fill(out, -1);
        for (int c = 0; c < clusters; c++) for (int r : clusterRows(c)) out[r] = c;
        return out;
    }

    /** Centre x of cluster {@code c}. */
    public float clusterX(int c) { return cx[c]; }

    /** Centre y of cluster {@code c}. */
    public float clusterY(int c) { return cy[c]; }

    /** Radius of cluster {@code c}'s disc. */
    public float clusterRadius(int c) { return cr[c]; }

    /** True when the row is drawn (alone or in a cluster). */
    public boolean drawn(int row) { return positionOf(row) != null; }

    /**
     * The nearest single marker within {@code radius} pixels of (x, y) (with the others stacked on its pixel),
     * else the cluster whose circle contains the point, else null. Markers drawn later (on top) win ties.
     */
    public Hit hit(double x, double y, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int k = singles - 1; k >= 0; k--) {
            double dx = sx[k] - x;
            double dy = sy[k] - y;
            double d = dx * dx + dy * dy;
            if (d < bestD || (best < 0 && d <= bestD)) { bestD = d; best = k; }
        }
        if (best >= 0) {
            // markers stacked on the same pixel: report them all, oldest first, the one on top last
            int n = 0;
            for (int k = 0; k < singles; k++) if (sx[k] == sx[best] && sy[k] == sy[best]) n++;
            if (n == 1) return new Hit(srow[best], null, sx[best], sy[best]);
            int[] stack = new int[n];
            n = 0;
            for (int k = 0; k < singles; k++) if (sx[k] == sx[best] && sy[k] == sy[best]) stack[n++] = srow[k];
            return new Hit(srow[best], stack, sx[best], sy[best]);
        }
        for (int c = clusters - 1; c >= 0; c--) {
            double dx = cx[c] - x;
            double dy = cy[c] - y;
            if (dx * dx + dy * dy <= (double) (cr[c] + 2) * (cr[c] + 2)) {
                int[] rows = clusterRows(c);
                return new Hit(rows[0], rows, cx[c], cy[c]);
            }
        }
        return null;
    }

    /** Collects drawn items; used by painters on the drawing thread. */
    public static final class Builder {
        private final Viewport viewport;
        private float[] sx = new float[64], sy = new float[64];
        private int[] srow = new int[64];
        private int ns;
        private float[] cx = new float[16], cy = new float[16], cr = new float[16];
        private int[] cStart = new int[17];
        private int[] cCell = new int[17];
        private int[] cRows = new int[64];
        private int nc;
        private int nr;
        private int lazyRows;
        private ClusterCells lookup;
        private int counted;

        public Builder(Viewport viewport) { this.viewport = viewport; }

        /** Makes room for {@code singles} more single markers and {@code clusterRows} more rows in clusters. */
        public void reserve(int singles, int clusterRows) {
            if (ns + singles > srow.length) {
                int n = ns + singles;
                sx = Arrays.copyOf(sx, n); sy = Arrays.copyOf(sy, n); srow = Arrays.copyOf(srow, n);
            }
            if (nr + clusterRows > cRows.length) cRows = Arrays.copyOf(cRows, nr + clusterRows);
        }

        /**
         * Counts {@code n} more single markers, to be written by {@link #singleAt} at positions from the returned
         * one on (each once, from any threads, all before {@link #build} is called after they are joined).
         */
        int appendSingles(int n) {
            reserve(n, 0);
            int at = ns;
            ns += n;
            return at;
        }

        /** Writes single marker {@code k} (a position counted by {@link #appendSingles}). */
        void singleAt(int k, float x, float y, int row) {
            sx[k] = x; sy[k] = y; srow[k] = row;
        }

        public void single(float x, float y, int row) {
            if (ns == srow.length) {
                sx = Arrays.copyOf(sx, ns * 2); sy = Arrays.copyOf(sy, ns * 2); srow = Arrays.copyOf(srow, ns * 2);
            }
            sx[ns] = x; sy[ns] = y; srow[ns] = row; ns++;
        }

        /** A cluster circle at (x, y) of radius r standing for {@code rows[0..count)}. */
        public void cluster(float x, float y, float r, int[] rows, int count) {
            cluster(x, y, r, rows, 0, count);
        }

        /** A cluster circle at (x, y) of radius r standing for {@code rows[from..from+count)}. */
        public void cluster(float x, float y, float r, int[] rows, int from, int count) {
            if (nr + count > cRows.length) cRows = Arrays.copyOf(cRows, Math.max(cRows.length * 2, nr + count));
            addCluster(x, y, r, -1);
            System.arraycopy(rows, from, cRows, nr, count);
            nr += count;
        }

        /** The lookup of the rows of the clusters added by cell ({@link #cluster(float, float, float, int, int)}). */
        void lookup(ClusterCells cells) { lookup = cells; }

        /** A cluster circle standing for the {@code count} rows of merged cell {@code cell} of the lookup. */
        void cluster(float x, float y, float r, int cell, int count) {
            addCluster(x, y, r, cell);
            lazyRows += count;
        }

        private void addCluster(float x, float y, float r, int cell) {
            if (nc + 1 >= cStart.length) {
                int n = cStart.length * 2;
                cx = Arrays.copyOf(cx, n); cy = Arrays.copyOf(cy, n); cr = Arrays.copyOf(cr, n);
                cStart = Arrays.copyOf(cStart, n + 1);
                cCell = Arrays.copyOf(cCell, n + 1);
            }
            cx[nc] = x; cy[nc] = y; cr[nc] = r; cStart[nc] = nr; cCell[nc] = cell;
            nc++;
        }

        /** Counts rows drawn without a hit target (heat mode). */
        public void counted(int n) { counted += n; }

        /** The tester; the builder must not be used after. */
        public HitTester build() { return new HitTester(this); }
    }
}
