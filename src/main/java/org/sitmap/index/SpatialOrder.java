package org.sitmap.index;

/**
 * The rows of an {@link IncidentIndex} grouped by a fixed grid over the Web Mercator extent of its positions, so a
 * pass that only needs the rows inside a box (the map's cull at high zoom, a timeline over an area filter) visits
 * the grid cells overlapping the box instead of every row. Rows are listed cell by cell (row-major), ascending
 * within a cell; rows without a position are in no cell.
 *
 * <p>Built once per index ({@link IncidentIndex#spatial()}, a counting sort: two passes over the rows) and kept with
 * it. Immutable once built and safe to read from any thread.
 */
public final class SpatialOrder {
    private final double x0;
    private final double y0;
    private final double cellSize;
    private final int side;
    /** {@code start[c]..start[c+1]} are the positions in {@link #rows} of cell {@code c} (row-major). */
    private final int[] start;
    private final int[] rows;

    /** Cells a box overlaps, visited by {@link #visit}. */
    @FunctionalInterface
    public interface CellRange {
        /**
         * Rows {@code rows()[from..to)} of one cell.
         *
         * @param inside the whole cell lies inside the box
         */
        void cell(int from, int to, boolean inside);
    }

    SpatialOrder(IncidentIndex ix) {
        int n = ix.size();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        int located = 0;
        for (int r = 0; r < n; r++) {
            float mx = ix.mercX(r), my = ix.mercY(r);
            if (Float.isNaN(mx) || Float.isNaN(my)) continue;
            located++;
            minX = Math.min(minX, mx); maxX = Math.max(maxX, mx);
            minY = Math.min(minY, my); maxY = Math.max(maxY, my);
        }
        // about 8 rows a cell on average, at most 1024 × 1024 cells
        side = (int) Math.max(1, Math.min(1024, Math.sqrt(located / 8.0)));
        if (located == 0) {
            minX = minY = 0;
            maxX = maxY = 1;
        }
        x0 = minX;
        y0 = minY;
        cellSize = Math.max(Math.max(maxX - minX, maxY - minY) / side, 1e-12) * (1 + 1e-9);
        start = new int[side * side + 1];
        int[] cellOf = new int[n];
        for (int r = 0; r < n; r++) {
            float mx = ix.mercX(r), my = ix.mercY(r);
            if (Float.isNaN(mx) || Float.isNaN(my)) {
                cellOf[r] = -1;
                continue;
            }
            int c = clamp((int) ((my - y0) / cellSize)) * side + clamp((int) ((mx - x0) / cellSize));
            cellOf[r] = c;
            start[c + 1]++;
        }
        for (int c = 0; c < side * side; c++) start[c + 1] += start[c];
        int[] fill = java.util.Arrays.copyOf(start, side * side);
        rows = new int[located];
        for (int r = 0; r < n; r++) if (cellOf[r] >= 0) rows[fill[cellOf[r]]++] = r;
    }

    private int clamp(int k) {
        return Math.max(0, Math.min(side - 1, k));
    }

    /** The located rows, cell by cell (shared, not copied: never change it). */
    public int[] rows() { return rows; }

    /** Number of located rows. */
    public int size() { return rows.length; }

    /**
     * Visits every cell overlapping the Web Mercator box {@code [mx0, mx1] × [my0, my1]} (row-major); a row whose
     * position lies in the box is in a visited cell. Returns the number of rows in the visited cells.
     */
    public int visit(double mx0, double my0, double mx1, double my1, CellRange v) {
        if (!(mx1 >= mx0 && my1 >= my0) || rows.length == 0) return 0;
        int cx0 = (int) Math.floor((mx0 - x0) / cellSize), cx1 = (int) Math.floor((mx1 - x0) / cellSize);
        int cy0 = (int) Math.floor((my0 - y0) / cellSize), cy1 = (int) Math.floor((my1 - y0) / cellSize);
        if (cx1 < 0 || cy1 < 0 || cx0 >= side || cy0 >= side) return 0;
        cx0 = clamp(cx0); cx1 = clamp(cx1); cy0 = clamp(cy0); cy1 = clamp(cy1);
        int total = 0;
        for (int cy = cy0; cy <= cy1; cy++) {
            double top = y0 + cy * cellSize;
            boolean rowInside = top >= my0 && top + cellSize <= my1;
            for (int cx = cx0; cx <= cx1; cx++) {
                int c = cy * side + cx;
                int from = start[c], to = start[c + 1];
                if (from == to) continue;
                double left = x0 + cx * cellSize;
                boolean inside = rowInside && left >= mx0 && left + cellSize <= mx1;
                total += to - from;
                if (v != null) v.cell(from, to, inside);
            }
        }
        return total;
    }

    /** Rows in the cells overlapping the box, without visiting them. */
    public int count(double mx0, double my0, double mx1, double my1) {
        return visit(mx0, my0, mx1, my1, null);
    }

    /** Approximate heap held, in bytes. */
    public long bytes() {
        return 4L * (start.length + rows.length);
    }
}
