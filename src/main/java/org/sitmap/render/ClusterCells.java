package org.sitmap.render;

import java.util.Arrays;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.index.SpatialOrder;

/**
 * The rows of one merged cell of a cluster picture, looked up when asked instead of bucketed every frame: the rows
 * of the index's grid cells ({@link IncidentIndex#spatial()}) under the cell and its neighbours, kept when selected
 * and binned (by the very arithmetic of {@link ClusterPicture}'s pass) into a cell merged into the one asked for.
 * So a cell gets exactly the rows the bucketing gives it, ascending (the selection's order).
 *
 * <p>Immutable once made (the last answer is cached under a lock); the hit tester that holds it is read on any
 * thread.
 */
final class ClusterCells {
    private final IncidentIndex ix;
    /** The index's grid, made (if not yet) on the drawing thread, so a hover on the FX thread never builds it. */
    private final SpatialOrder grid;
    /** Bit set of the selected rows, or null when every row of the index is selected. */
    private final long[] member;
    private final double world, ox, oy, fx0, fy0;
    private final int cell, gw, gh;
    private final int[] owner;
    private int cachedCell = -1;
    private int[] cached;

    ClusterCells(Selection sel, double world, double ox, double oy, double fx0, double fy0, int cell, int gw, int gh,
                 int[] owner) {
        this.ix = sel.index();
        this.grid = ix.spatial();
        this.world = world;
        this.ox = ox;
        this.oy = oy;
        this.fx0 = fx0;
        this.fy0 = fy0;
        this.cell = cell;
        this.gw = gw;
        this.gh = gh;
        this.owner = owner;
        int n = sel.count();
        if (n == ix.size()) {
            member = null;   // rows ascending and distinct: all of them
        } else {
            member = new long[(ix.size() + 63) >>> 6];
            int[] rows = sel.rows();
            for (int k = 0; k < n; k++) member[rows[k] >>> 6] |= 1L << rows[k];
        }
    }

    /** The merged cell a row is binned into, or -1 (not selected, not located, outside the grid). */
    int cellOf(int row) {
        if (row < 0 || row >= ix.size()) return -1;
        if (member != null && ((member[row >>> 6] >>> row) & 1L) == 0) return -1;
        float mx = ix.mercX(row);
        if (ix.geoPrecision(row) == 0 || Float.isNaN(mx)) return -1;
        double x = mx * world - ox;
        double y = ix.mercY(row) * world - oy;
        double gxf = (x - fx0) / cell;
        double gyf = (y - fy0) / cell;
        if (gxf < 0 || gyf < 0 || gxf >= gw || gyf >= gh) return -1;
        return owner[(int) gyf * gw + (int) gxf];
    }

    /**
     * The rows of merged cell {@code c}, ascending, or null when they sit on more than {@code maxPositions} distinct
     * pixels (then the search stops early).
     */
    int[] rows(int c, int maxPositions) {
        boolean all = maxPositions == Integer.MAX_VALUE;
        if (all) {
            synchronized (this) {
                if (c == cachedCell) return cached.clone();   // hover asks again and again for the same disc
            }
        }
        // a crowded cell is told by its own grid cells' rows before the neighbours are read: first by the first row
        // of each grid cell (at country zoom a grid cell is about a pixel wide and may hold thousands of rows on a
        // few pixels), then by all of them. Finding more distinct positions than allowed among some of the rows
        // settles it as the whole set would; finding fewer settles nothing.
        int gx = c % gw, gy = c / gw;
        int[] rows = null;
        if (!all) {
            if (collect(c, gx, gy, gx, gy, maxPositions, 1) == null) return null;
            rows = collect(c, gx, gy, gx, gy, maxPositions, Integer.MAX_VALUE);
            if (rows == null) return null;
        }
        // the cell's rows lie in its own cell and the neighbours merged into it (a pixel of margin around them)
        int ax = gx, ay = gy, bx = gx, by = gy;
        for (int ny = Math.max(0, gy - 1); ny <= Math.min(gh - 1, gy + 1); ny++) {
            for (int nx = Math.max(0, gx - 1); nx <= Math.min(gw - 1, gx + 1); nx++) {
                if (owner[ny * gw + nx] != c) continue;
                ax = Math.min(ax, nx);
                ay = Math.min(ay, ny);
                bx = Math.max(bx, nx);
                by = Math.max(by, ny);
            }
        }
        if (rows == null || ax != gx || ay != gy || bx != gx || by != gy) {
            rows = collect(c, ax, ay, bx, by, maxPositions, Integer.MAX_VALUE);
        }
        if (rows == null) return null;
        Arrays.sort(rows);
        if (all) {
            synchronized (this) {
                cachedCell = c;
                cached = rows.clone();
            }
        }
        return rows;
    }

    /**
     * The rows of merged cell {@code c} found in the cells {@code [ax, bx] × [ay, by]} of this picture's grid (a pixel
     * of margin around them), in the index grid's order; null when they sit on more than {@code maxPositions}
     * distinct pixels. With {@code perCell} less than all, only the first {@code perCell} rows of each of the index
     * grid's cells are read (a sample: only its null answer means anything).
     */
    private int[] collect(int c, int ax, int ay, int bx, int by, int maxPositions, int perCell) {
        double px0 = fx0 + ax * (double) cell - 1, px1 = fx0 + (bx + 1) * (double) cell + 1;
        double py0 = fy0 + ay * (double) cell - 1, py1 = fy0 + (by + 1) * (double) cell + 1;
        int[] order = grid.rows();
        int[][] out = {new int[64]};
        int[] found = {0};
        long[] keys = maxPositions < 1024 ? new long[maxPositions] : null;
        int[] distinct = {0};
        boolean[] tooMany = {false};
        grid.visit((px0 + ox) / world, (py0 + oy) / world, (px1 + ox) / world, (py1 + oy) / world,
                (from, to, inside) -> {
                    if (tooMany[0]) return;
                    for (int k = from, end = (int) Math.min(to, (long) from + perCell); k < end && !tooMany[0]; k++) {
                        int row = order[k];
                        if (cellOf(row) != c) continue;
                        if (keys != null) {
                            long key = ((long) (int) Math.floor(ix.mercX(row) * world - ox) << 32)
                                    ^ ((int) Math.floor(ix.mercY(row) * world - oy) & 0xffffffffL);
                            int at = 0;
                            while (at < distinct[0] && keys[at] != key) at++;
                            if (at == distinct[0]) {
                                if (at == keys.length) {
                                    tooMany[0] = true;
                                    return;
                                }
                                keys[distinct[0]++] = key;
                            }
                        }
                        if (found[0] == out[0].length) out[0] = Arrays.copyOf(out[0], found[0] * 2);
                        out[0][found[0]++] = row;
                    }
                });
        return tooMany[0] ? null : Arrays.copyOf(out[0], found[0]);
    }
}
