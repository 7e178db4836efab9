package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

import static org.sitmap.render.IncidentPainter.MAX_RING;
import static org.sitmap.render.IncidentPainter.MAX_SPREAD;

/**
 * The cluster picture of {@link IncidentPainter} (modes AUTO below the split zoom, and CLUSTERS): rows binned into a
 * grid of cells anchored in world pixels, neighbouring cells merged, each merged cell drawn as markers (the density
 * rule, {@link #spread}) or as a disc with its count.
 *
 * <p>Two ways to find a cell's rows, with the same result: a small selection buckets its rows by cell every frame
 * (a counting sort) and copies each disc's rows into the hit tester; a selection of at least {@link #LAZY_ROWS}
 * rows making up half of its index or more bins only the sums, and a cell's rows are looked up when needed (a cell
 * the density rule may draw as markers, a disc hovered or clicked) through the index's grid ({@link ClusterCells}),
 * so a frame makes one pass over the rows instead of three.
 *
 * <p>Threading: not thread-safe (scratch arrays); owned by one {@link IncidentPainter}.
 */
final class ClusterPicture {
    /** From this many selected rows (and half of the index) a cell's rows are looked up, not bucketed. */
    static final int LAZY_ROWS = 200_000;

    private final FactionCatalog catalog;
    private final MarkerSprites sprites;
    private final GlyphSprites glyphs;
    private final double scale;
    /** Merged cell of each cell of the last frame (a cell absorbed by a neighbour points at it). */
    private int[] owner = new int[0];
    /** Small selections' per-row scratch (cell of each selected row; rows bucketed by cell), kept between frames. */
    private int[] cellScratch = new int[0], bucketScratch = new int[0];
    /** Rows from which the lookup is used (a field so that a test can compare both ways on a small picture). */
    int lazyRows = LAZY_ROWS;

    ClusterPicture(FactionCatalog catalog, MarkerSprites sprites, GlyphSprites glyphs, double scale) {
        this.catalog = catalog;
        this.sprites = sprites;
        this.glyphs = glyphs;
        this.scale = scale;
    }

    /** Draws {@code sel} as the cluster picture with cells of {@code cellPx} pixels; {@code discs}: never markers. */
    void paint(Raster r, Viewport vp, Selection sel, int cellPx, HitTester.Builder hits, boolean discs) {
        IncidentIndex ix = sel.index();
        int w = r.width();
        int h = r.height();
        int cell = Math.max(4, cellPx);
        // the grid is anchored in world pixels, so panning does not regroup clusters
        double world = vp.worldPixels();
        long gx0 = (long) Math.floor(vp.originX() / cell) - 1;
        long gy0 = (long) Math.floor(vp.originY() / cell) - 1;
        int gw = (int) ((long) Math.floor((vp.originX() + w) / cell) + 2 - gx0);
        int gh = (int) ((long) Math.floor((vp.originY() + h) / cell) + 2 - gy0);
        int cells = gw * gh;
        int nf = catalog.size();
        boolean lazy = sel.count() >= lazyRows && 2L * sel.count() >= ix.size();
        if (!lazy && cellScratch.length < sel.count()) cellScratch = new int[sel.count()];
        int[] cellOf = lazy ? null : cellScratch;
        double ox = vp.originX();
        double oy = vp.originY();
        double fx0 = (double) gx0 * cell - ox;
        double fy0 = (double) gy0 * cell - oy;
        int[] rows = sel.rows();
        // every row of the index (rows ascending and distinct: rows[k] == k): the row number is read from k, not
        // from the selection's array
        boolean every = sel.count() == ix.size();
        // rows binned into cells: a large selection as two halves (Split), each into its own sums, added after
        int[][] countH = new int[2][];
        double[][] sumXH = new double[2][];
        double[][] sumYH = new double[2][];
        int[][] factionH = new int[2][];
        org.sitmap.index.Split.halves(sel.count(), (half, from, to) -> {
            int[] count = new int[cells];
            double[] sumX = new double[cells];
            double[] sumY = new double[cells];
            int[] factionCount = new int[cells * nf];
            for (int k = from; k < to; k++) {
                int row = every ? k : rows[k];
                if (cellOf != null) cellOf[k] = -1;
                float mx = ix.mercX(row);
                if (ix.geoPrecision(row) == 0 || Float.isNaN(mx)) continue;
                double x = mx * world - ox;
                double y = ix.mercY(row) * world - oy;
                double gxf = (x - fx0) / cell;
                double gyf = (y - fy0) / cell;
                if (gxf < 0 || gyf < 0 || gxf >= gw || gyf >= gh) continue;
                int c = (int) gyf * gw + (int) gxf;
                if (cellOf != null) cellOf[k] = c;
                count[c]++;
                sumX[c] += x;
                sumY[c] += y;
                factionCount[c * nf + ix.primaryFaction(row)]++;
            }
            countH[half] = count;
            sumXH[half] = sumX;
            sumYH[half] = sumY;
            factionH[half] = factionCount;
        });
        int[] count = countH[0];
        double[] sumX = sumXH[0];
        double[] sumY = sumYH[0];
        int[] factionCount = factionH[0];
        int[] firstHalf = countH[1] == null || lazy ? null : countH[0].clone();
        if (countH[1] != null) {
            for (int c = 0; c < cells; c++) {
                count[c] += countH[1][c];
                sumX[c] += sumXH[1][c];
                sumY[c] += sumYH[1][c];
            }
            for (int c = 0; c < factionCount.length; c++) factionCount[c] += factionH[1][c];
        }
        mergeNeighbours(count, sumX, sumY, factionCount, nf, gw, gh, cell);
        ClusterCells lookup = null;
        int[] start = null;
        int[] bucket = null;
        if (lazy) {
            lookup = new ClusterCells(sel, world, ox, oy, fx0, fy0, cell, gw, gh, Arrays.copyOf(owner, cells));
            hits.lookup(lookup);
        } else {
            start = new int[cells + 1];
            for (int c = 0; c < cells; c++) start[c + 1] = start[c] + count[c];
            bucket = bucket(sel, cells, start, firstHalf);
            hits.reserve(0, start[cells]);
        }
        for (int c = 0; c < cells; c++) {
            int n = count[c];
            if (n == 0) continue;
            float x = (float) (sumX[c] / n);
            float y = (float) (sumY[c] / n);
            int[] cellRows = bucket;
            int from = lazy ? 0 : start[c];
            if (lazy && (!discs || n == 1)) {
                // the density rule needs the rows only of a cell of few distinct positions (order does not matter
                // to its decision; the rows come ascending, as bucketed)
                cellRows = lookup.rows(c, discs ? Integer.MAX_VALUE : MAX_SPREAD);
            }
            if (!discs && cellRows != null && spread(r, vp, ix, cellRows, from, from + n, hits)) continue;
            if (n == 1) {
                int row = cellRows[from];
                hits.single(x, y, row);
                sprites.stamp(r, IncidentPainter.styleOf(ix, row), (int) Math.floor(x), (int) Math.floor(y));
                continue;
            }
            int off = c * nf;
            int dominant = 0;
            for (int f = 1; f < nf; f++) if (factionCount[off + f] > factionCount[off + dominant]) dominant = f;
            int second = -1;
            for (int f = 0; f < nf; f++) {
                if (f != dominant && factionCount[off + f] * 5 >= n
                        && (second < 0 || factionCount[off + f] > factionCount[off + second])) second = f;
            }
            int rad = (int) Math.min(cell * 0.56, (6 + 2.6 * Math.log(n) / Math.log(2)) * scale);
            glyphs.stampDisc(r, dominant, second, rad, (int) x, (int) y);
            glyphs.stampCount(r, n, (int) x, (int) y);
            if (lazy) hits.cluster(x, y, rad, c, n);
            else hits.cluster(x, y, rad, bucket, start[c], n);
        }
    }

    /** The selected rows bucketed by merged cell (counting sort), each cell in selection order. */
    private int[] bucket(Selection sel, int cells, int[] start, int[] firstHalf) {
        int[] rows = sel.rows();
        int[] cellOf = cellScratch;
        int[] fill = Arrays.copyOf(start, cells);
        if (bucketScratch.length < start[cells]) bucketScratch = new int[start[cells]];
        int[] bucket = bucketScratch;
        int[] own = owner;
        if (firstHalf == null) {
            for (int k = 0, n = sel.count(); k < n; k++) {
                int c = cellOf[k];
                if (c >= 0) bucket[fill[own[c]]++] = rows[k];
            }
        } else {
            // the same halves as the binning: the first half's rows of a cell go first, then the second's, so
            // each cell keeps the selection's order and the halves write apart
            int[] fill1 = new int[cells];
            for (int c = 0; c < cells; c++) fill1[own[c]] += firstHalf[c];
            for (int c = 0; c < cells; c++) fill1[c] += start[c];
            org.sitmap.index.Split.halves(sel.count(), (half, from, to) -> {
                int[] f = half == 0 ? fill : fill1;
                for (int k = from; k < to; k++) {
                    int c = cellOf[k];
                    if (c >= 0) bucket[f[own[c]]++] = rows[k];
                }
            });
        }
        return bucket;
    }

    /**
     * The density rule of AUTO mode: draws the rows {@code bucket[from..to)} of one group as markers when that
     * keeps them legible, and says so. Rows on one pixel are one marker with a count badge; markers that would
     * overlap (centres closer than a marker's width) are displaced onto a small ring around their centre, each
     * with a leader line to a dot at its true position, as a GIS's point displacement does. A group of more than
     * {@link IncidentPainter#MAX_SPREAD} distinct positions, or with more than {@link IncidentPainter#MAX_RING} overlapping ones, stays a
     * cluster disc (false).
     */
    private boolean spread(Raster r, Viewport vp, IncidentIndex ix, int[] bucket, int from, int to,
                           HitTester.Builder hits) {
        double world = vp.worldPixels();
        int n = to - from;
        // distinct pixel positions, in order of first appearance (at most MAX_SPREAD + 1 are looked at, so a big
        // dense cell gives up after a few rows without allocating anything of its size)
        int cap = Math.min(n, MAX_SPREAD);
        long[] keys = new long[cap];
        double[] px = new double[cap];
        double[] py = new double[cap];
        int[] posOf = new int[Math.min(n, 64)];
        int p = 0;
        for (int k = 0; k < n; k++) {
            int row = bucket[from + k];
            int x = (int) Math.floor(ix.mercX(row) * world - vp.originX());
            int y = (int) Math.floor(ix.mercY(row) * world - vp.originY());
            long key = ((long) x << 32) ^ (y & 0xffffffffL);
            int at = 0;
            while (at < p && keys[at] != key) at++;
            if (at == p) {
                if (p == MAX_SPREAD) return false;
                keys[p] = key;
                px[p] = x;
                py[p] = y;
                p++;
            }
            if (k == posOf.length) posOf = Arrays.copyOf(posOf, Math.min(n, 2 * k));
            posOf[k] = at;
        }
        // overlapping positions: connected components under "closer than a marker's width"
        double reach = 2 * sprites.radius() + 2 * scale;
        int[] comp = new int[p];
        for (int i = 0; i < p; i++) comp[i] = i;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                if (Math.hypot(px[i] - px[j], py[i] - py[j]) < reach) union(comp, i, j);
            }
        }
        int[] size = new int[p];
        for (int i = 0; i < p; i++) if (++size[find(comp, i)] > MAX_RING) return false;
        double[] dx = px.clone();
        double[] dy = py.clone();
        for (int root = 0; root < p; root++) {
            if (size[root] < 2) continue;
            ring(comp, root, size[root], px, py, dx, dy, reach);
        }
        int[] stack = new int[p];
        for (int k = 0; k < n; k++) stack[posOf[k]]++;
        Graphics2D g = null;
        for (int i = 0; i < p; i++) {
            if (dx[i] == px[i] && dy[i] == py[i]) continue;
            if (g == null) {
                g = r.graphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                g.setStroke(new BasicStroke((float) (1.2 * scale)));
            }
            g.setColor(new Color(60, 60, 60, 200));
            g.draw(new java.awt.geom.Line2D.Double(px[i] + 0.5, py[i] + 0.5, dx[i] + 0.5, dy[i] + 0.5));
            double d = 1.8 * scale;
            g.fill(new Ellipse2D.Double(px[i] + 0.5 - d, py[i] + 0.5 - d, 2 * d, 2 * d));
        }
        if (g != null) g.dispose();
        for (int k = 0; k < n; k++) {
            int row = bucket[from + k];
            int i = posOf[k];
            hits.single((float) dx[i] + 0.5f, (float) dy[i] + 0.5f, row);
            sprites.stamp(r, IncidentPainter.styleOf(ix, row), (int) dx[i], (int) dy[i]);
        }
        int off = sprites.radius() + (int) Math.round(4 * scale);
        for (int i = 0; i < p; i++) if (stack[i] >= 2) glyphs.stampCount(r, stack[i], (int) dx[i] + off, (int) dy[i] - off);
        return true;
    }

    /** Puts the positions of one overlapping component on a ring around their centre, in their angular order. */
    private static void ring(int[] comp, int root, int k, double[] px, double[] py, double[] dx, double[] dy,
                             double reach) {
        int[] members = new int[k];
        int m = 0;
        double cx = 0, cy = 0;
        for (int i = 0; i < comp.length; i++) {
            if (find(comp, i) != root) continue;
            members[m++] = i;
            cx += px[i];
            cy += py[i];
        }
        double mx = cx / k, my = cy / k;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = members[i];
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> Math.atan2(py[i] - my, px[i] - mx)));
        double radius = reach / (2 * Math.sin(Math.PI / k));
        double base = Math.atan2(py[order[0]] - my, px[order[0]] - mx);
        if (px[order[0]] == mx && py[order[0]] == my) base = -Math.PI / 2;
        for (int j = 0; j < k; j++) {
            double a = base + 2 * Math.PI * j / k;
            dx[order[j]] = Math.round(mx + radius * Math.cos(a));
            dy[order[j]] = Math.round(my + radius * Math.sin(a));
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /**
     * Grid cells cut clusters arbitrarily: visiting cells from the fullest down, each absorbs its not yet visited
     * neighbours (8-neighbourhood) whose centroid lies within 0.9 cell of its own. Fills {@link #owner}.
     */
    private void mergeNeighbours(int[] count, double[] sumX, double[] sumY, int[] fc, int nf, int gw, int gh, int cell) {
        int cells = count.length;
        if (owner.length < cells) owner = new int[cells];
        int nonEmpty = 0;
        for (int c = 0; c < cells; c++) {
            owner[c] = c;
            if (count[c] > 0) nonEmpty++;
        }
        long[] order = new long[nonEmpty];
        int k = 0;
        for (int c = 0; c < cells; c++) if (count[c] > 0) order[k++] = ((long) (Integer.MAX_VALUE - count[c]) << 32) | c;
        Arrays.sort(order);
        boolean[] visited = new boolean[cells];
        double limit = 0.9 * cell * 0.9 * cell;
        for (long key : order) {
            int c = (int) key;
            if (owner[c] != c) continue;
            visited[c] = true;
            int gx = c % gw;
            int gy = c / gw;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = gx + dx;
                    int ny = gy + dy;
                    if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
                    int nb = ny * gw + nx;
                    if (count[nb] == 0 || visited[nb] || owner[nb] != nb) continue;
                    double ddx = sumX[c] / count[c] - sumX[nb] / count[nb];
                    double ddy = sumY[c] / count[c] - sumY[nb] / count[nb];
                    if (ddx * ddx + ddy * ddy > limit) continue;
                    owner[nb] = c;
                    visited[nb] = true;
                    count[c] += count[nb];
                    sumX[c] += sumX[nb];
                    sumY[c] += sumY[nb];
                    for (int f = 0; f < nf; f++) fc[c * nf + f] += fc[nb * nf + f];
                    count[nb] = 0;
                }
            }
        }
    }
}
