package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

/**
 * Draws a {@link Selection} of incidents over a {@link Viewport} into a {@link Raster}: faction colour, event-type
 * shape, precision shown honestly (exact solid, approximate hollow, unresolved not drawn, week/month dates
 * lighter). Three ways, chosen by {@link Options#mode()}:
 * <ul>
 *   <li>markers: one pre-drawn sprite per row stamped into the int[] ({@link MarkerSprites}); rows landing on
 *       the same pixel get a count badge;</li>
 *   <li>clusters: rows binned into a screen grid of {@link Options#clusterPx()} cells (neighbouring cells
 *       merged); a cell of one row is a marker, a cell of many a graduated circle (a pie of its factions) with a
 *       count; zooming in separates them;</li>
 *   <li>AUTO: the density rule: a cell's rows are drawn as markers while they stay legible (few distinct
 *       positions; markers that would overlap displaced onto a small ring with leader lines), and as a disc only
 *       where they would really pile up. A few dozen incidents are never clustered;</li>
 *   <li>heat: {@link HeatPainter}, a kernel density in a colour ramp, for large data.</li>
 * </ul>
 * Returns a {@link HitTester} of what it drew, to be published with the raster.
 *
 * <p>Threading: not thread-safe (it keeps scratch arrays and a sprite cache); one instance per drawing thread.
 * The selection and index it reads are immutable.
 */
public final class IncidentPainter {
    /** How incidents are drawn. */
    public enum Mode { AUTO, MARKERS, CLUSTERS, HEAT }

    /**
     * @param mode          drawing mode
     * @param clusterPx     cluster cell size in pixels
     * @param splitZoom     in AUTO mode over very large selections (more than {@value #AUTO_MARKER_ROWS} rows),
     *                      from this zoom on every incident is its own marker (the fast path)
     * @param selectedRow   the row to ring as selected, or -1
     */
    public record Options(Mode mode, int clusterPx, double splitZoom, int selectedRow) {
        public static final Options DEFAULT = new Options(Mode.AUTO, 44, 11, -1);

        public Options withSelectedRow(int row) { return new Options(mode, clusterPx, splitZoom, row); }

        public Options withMode(Mode m) { return new Options(m, clusterPx, splitZoom, selectedRow); }
    }

    private static final Font BADGE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private final FactionCatalog catalog;
    private final MarkerSprites sprites;
    private final HeatPainter heat = new HeatPainter();
    private final GlyphSprites glyphs;
    /** Symbol scale relative to the screen (marker radius / 5): cluster discs and digits grow with it. */
    private final double scale;
    /** Per pixel of the last marker frame: sprite key + 1 in the high 16 bits, rows on it (saturating) in the low. */
    private int[] pixelCell = new int[0];
    private int[] owner = new int[0];
    /** Cluster frames' per-row scratch (cell of each selected row; rows bucketed by cell), kept between frames. */
    private int[] cellScratch = new int[0], bucketScratch = new int[0];
    /** More pixels with stacked rows than this: no count badges (they would cover the map). */
    private static final int STACK_BADGES = 3000;
    /** The pixels that got a second row in the last marker frame (the first {@link #STACK_BADGES}). */
    private final int[] stackedAt = new int[STACK_BADGES];
    /** From this many sprites a marker picture stamps on two threads. */
    private static final int SPLIT_STAMPS = 4000;
    /** The sprites of the last marker frame, in stamping order. */
    private int[] stampKey = new int[1024], stampX = new int[1024], stampY = new int[1024];

    public IncidentPainter(FactionCatalog catalog) {
        this(catalog, 5);
    }

    /** @param markerRadius marker radius in pixels (5 on screen; exports at high dpi use more) */
    public IncidentPainter(FactionCatalog catalog, int markerRadius) {
        this.catalog = catalog;
        this.sprites = new MarkerSprites(catalog, markerRadius);
        this.scale = markerRadius / 5.0;
        this.glyphs = new GlyphSprites(catalog, scale);
    }

    public MarkerSprites sprites() { return sprites; }

    /** A group of more distinct positions than this is a cluster disc in AUTO mode. */
    static final int MAX_SPREAD = 12;
    /** More overlapping positions than this in one group make it a cluster disc in AUTO mode. */
    static final int MAX_RING = 8;
    /**
     * In AUTO mode a selection of more rows than this is drawn as plain markers (stamped per pixel, the fast path)
     * from {@link Options#splitZoom()} on; smaller ones always follow the density rule.
     */
    static final int AUTO_MARKER_ROWS = 200_000;
    /** A marker picture with more rows in view than this aggregates its dense cells (one marker per cell). */
    static final int DENSE_ROWS = 50_000;
    /** Side of a dense-view cell in pixels. */
    static final int DENSE_PX = 6;
    /** Rows in one cell from which it is dense. */
    static final int DENSE_CELL = 6;
    /** From this many selected rows a marker picture culls by the index's grid ({@link #nearRows}). */
    static final int NEAR_ROWS = 50_000;

    /** Draws {@code sel} over whatever {@code r} holds; returns what went where. */
    public HitTester paint(Raster r, Viewport vp, Selection sel, Options o) {
        HitTester.Builder hits = new HitTester.Builder(vp);
        if (sel == null || sel.count() == 0) return hits.build();
        if (o.mode() == Mode.HEAT) {
            heat.paint(r, vp, sel, hits);
        } else if (o.mode() == Mode.MARKERS || (o.mode() == Mode.AUTO && sel.count() > AUTO_MARKER_ROWS
                && vp.zoom() >= o.splitZoom() - 1e-6)) {
            paintMarkers(r, vp, sel, hits);
        } else {
            paintClusters(r, vp, sel, o, hits, o.mode() == Mode.CLUSTERS);
        }
        if (o.selectedRow() >= 0) highlight(r, vp, sel.index(), o.selectedRow());
        return hits.build();
    }

    /** The sprite key of a row: faction colour, type shape, precision style. */
    public static int styleOf(IncidentIndex ix, int row) {
        boolean uncertainDate = ix.datePrecision(row) >= 2 || ix.dayEnd(row) > ix.day(row);   // week/month or a span
        int style = (ix.geoPrecision(row) >= 2 ? MarkerSprites.HOLLOW : 0) | (uncertainDate ? MarkerSprites.LIGHT : 0);
        return MarkerSprites.key(ix.primaryFaction(row), ix.eventType(row), style);
    }

    /** The cull of a marker picture: the view's box in Web Mercator units and its projection to pixels. */
    private record Cull(IncidentIndex ix, float mxMin, float mxMax, float myMin, float myMax, double world, double ox,
                        double oy, int w, int h, int m) {
        /**
         * Lists {row, x, y} of {@code rows[from, to)} that fall in the view (NaN positions and rows without one
         * fail), in their order, into {@code inView[slot]}, and the number of ints used into {@code found[slot]}.
         */
        void rows(int[] rows, int from, int to, int[][] inView, int[] found, int slot) {
            int[] out = new int[Math.min(to - from, 1024) * 3];
            int c = 0;
            for (int k = from; k < to; k++) {
                int row = rows[k];
                float mx = ix.mercX(row);
                if (!(mx >= mxMin && mx <= mxMax)) continue;
                float my = ix.mercY(row);
                if (!(my >= myMin && my <= myMax) || ix.geoPrecision(row) == 0) continue;
                int x = (int) Math.floor(mx * world - ox);
                int y = (int) Math.floor(my * world - oy);
                if (x < -m || y < -m || x >= w + m || y >= h + m) continue;
                if (c == out.length) out = Arrays.copyOf(out, out.length * 2);
                out[c] = row;
                out[c + 1] = x;
                out[c + 2] = y;
                c += 3;
            }
            inView[slot] = out;
            found[slot] = c;
        }
    }

    private void paintMarkers(Raster r, Viewport vp, Selection sel, HitTester.Builder hits) {
        IncidentIndex ix = sel.index();
        int w = r.width();
        int h = r.height();
        ensureScratch(w * h);
        Arrays.fill(pixelCell, 0, w * h, 0);
        double world = vp.worldPixels();
        double ox = vp.originX();
        double oy = vp.originY();
        int m = sprites.size();
        int stacked = 0;
        int[] rows = sel.rows();
        // cull in Web Mercator units first: most rows of a zoomed-in view are far outside it (NaN fails too); the
        // cull and projection of a large selection run as two halves (Split), each listing its rows in view in
        // order, then they are stamped in selection order here
        float mxMin = (float) ((ox - m - 1) / world), mxMax = (float) ((ox + w + m + 1) / world);
        float myMin = (float) ((oy - m - 1) / world), myMax = (float) ((oy + h + m + 1) / world);
        int n = sel.count();
        int[][] inView = new int[2][];
        int[] found = new int[2];
        int[] near = nearRows(sel, mxMin, myMin, mxMax, myMax);
        Cull cull = new Cull(ix, mxMin, mxMax, myMin, myMax, world, ox, oy, w, h, m);
        // a zoomed-in view of many rows: only the rows of the grid cells under the view, in selection order
        if (near != null) cull.rows(near, 0, near.length, inView, found, 0);
        else org.sitmap.index.Split.halves(n, (half, from, to) -> cull.rows(rows, from, to, inView, found, half));
        // a dense view (more than DENSE_ROWS rows in it): where a cell of DENSE_PX pixels holds DENSE_CELL rows
        // or more, their markers cover each other; only the last one (on top) is stamped there
        int total = (found[0] + found[1]) / 3;
        hits.reserve(total, 0);
        int cw = (w + 2 * m) / DENSE_PX + 1;
        int[] cellRows = null;
        int[] cellLast = null;
        if (total > DENSE_ROWS) {
            cellRows = new int[cw * ((h + 2 * m) / DENSE_PX + 1)];
            cellLast = new int[cellRows.length];
            for (int half = 0, seq = 0; half < 2; half++) {
                int[] list = inView[half];
                for (int i = 0; list != null && i < found[half]; i += 3, seq++) {
                    int c = (list[i + 2] + m) / DENSE_PX * cw + (list[i + 1] + m) / DENSE_PX;
                    cellRows[c]++;
                    cellLast[c] = seq;
                }
            }
        }
        int ns = 0;
        for (int half = 0, seq = -1; half < 2; half++) {
            int[] list = inView[half];
            for (int i = 0; list != null && i < found[half]; i += 3) {
                seq++;
                int row = list[i];
                int x = list[i + 1];
                int y = list[i + 2];
                hits.single(x + 0.5f, y + 0.5f, row);
                if (cellRows != null) {
                    int c = (y + m) / DENSE_PX * cw + (x + m) / DENSE_PX;
                    if (cellRows[c] >= DENSE_CELL && cellLast[c] != seq) continue;
                }
                int key = styleOf(ix, row) + 1;
                if (x >= 0 && y >= 0 && x < w && y < h) {
                    int p = y * w + x;
                    int cell = pixelCell[p];
                    int count = cell & 0xffff;
                    if (count == 1 && stacked++ < STACK_BADGES) stackedAt[stacked - 1] = p;
                    if (count < 0xffff) count++;
                    if (cell >>> 16 == key) {   // the same sprite on the same pixel: nothing would change
                        pixelCell[p] = cell & 0xffff0000 | count;
                        continue;
                    }
                    pixelCell[p] = key << 16 | count;
                }
                if (ns == stampKey.length) {
                    stampKey = Arrays.copyOf(stampKey, ns * 2);
                    stampX = Arrays.copyOf(stampX, ns * 2);
                    stampY = Arrays.copyOf(stampY, ns * 2);
                }
                stampKey[ns] = key - 1;
                stampX[ns] = x;
                stampY[ns++] = y;
            }
        }
        stamp(r, ns);
        if (stacked > 0 && stacked <= STACK_BADGES) stackBadges(r, w, stacked);
    }

    /**
     * The selected rows in the grid cells ({@link org.sitmap.index.SpatialOrder}) overlapping the Web Mercator box,
     * ascending (the selection's order), or null when the selection is small or the box holds a large part of the
     * rows: then one pass over the selection is cheaper.
     */
    static int[] nearRows(Selection sel, double mx0, double my0, double mx1, double my1) {
        IncidentIndex ix = sel.index();
        int n = sel.count();
        if (n < NEAR_ROWS) return null;
        org.sitmap.index.SpatialOrder grid = ix.spatial();
        if (grid.count(mx0, my0, mx1, my1) > n / 4) return null;
        int[] rows = sel.rows();
        long[] member = null;
        if (n != ix.size()) {   // a part of the index (rows ascending, so all rows means rows[k] == k)
            member = new long[(ix.size() + 63) >>> 6];
            for (int k = 0; k < n; k++) member[rows[k] >>> 6] |= 1L << rows[k];
        }
        long[] near = new long[(ix.size() + 63) >>> 6];
        long[] sel0 = member;
        int[] order = grid.rows();
        int[] total = {0};
        grid.visit(mx0, my0, mx1, my1, (from, to, inside) -> {
            for (int k = from; k < to; k++) {
                int r = order[k];
                if (sel0 != null && ((sel0[r >>> 6] >>> r) & 1L) == 0) continue;
                near[r >>> 6] |= 1L << r;
                total[0]++;
            }
        });
        int[] out = new int[total[0]];
        int c = 0;
        for (int k = 0; k < near.length; k++) {
            long bits = near[k];
            while (bits != 0) {
                out[c++] = (k << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return out;
    }

    /**
     * Stamps the first {@code n} collected sprites in order. Many of them on a pixel raster: the raster's upper and
     * lower halves on two threads ({@link org.sitmap.index.Split}), each stamping every sprite clipped to its half,
     * so every pixel sees the same stamps in the same order as on one thread.
     */
    private void stamp(Raster r, int n) {
        int[] keys = stampKey, xs = stampX, ys = stampY;
        if (r.vector() != null || n < SPLIT_STAMPS) {
            for (int k = 0; k < n; k++) sprites.stamp(r, keys[k], xs[k], ys[k]);
            return;
        }
        for (int k = 0; k < n; k++) sprites.prepare(r, keys[k]);
        int h = r.height();
        org.sitmap.index.Split.halves(n, SPLIT_STAMPS, (half, from, to) -> {
            boolean whole = from == 0 && to == n;
            int y0 = whole || half == 0 ? 0 : h / 2;
            int y1 = whole || half == 1 ? h : h / 2;
            for (int k = 0; k < n; k++) sprites.stampBand(r, keys[k], xs[k], ys[k], y0, y1);
        });
    }

    /** Count badges on the {@code stacked} pixels holding two rows or more, in pixel order. */
    private void stackBadges(Raster r, int w, int stacked) {
        int off = sprites.radius() + 4;
        Arrays.sort(stackedAt, 0, stacked);
        for (int k = 0; k < stacked; k++) {
            int p = stackedAt[k];
            glyphs.stampCount(r, pixelCell[p] & 0xffff, p % w + off, p / w - off);
        }
    }

    private void paintClusters(Raster r, Viewport vp, Selection sel, Options o, HitTester.Builder hits,
                               boolean discs) {
        IncidentIndex ix = sel.index();
        int w = r.width();
        int h = r.height();
        int cell = Math.max(4, o.clusterPx());
        // the grid is anchored in world pixels, so panning does not regroup clusters
        double world = vp.worldPixels();
        long gx0 = (long) Math.floor(vp.originX() / cell) - 1;
        long gy0 = (long) Math.floor(vp.originY() / cell) - 1;
        int gw = (int) ((long) Math.floor((vp.originX() + w) / cell) + 2 - gx0);
        int gh = (int) ((long) Math.floor((vp.originY() + h) / cell) + 2 - gy0);
        int cells = gw * gh;
        int nf = catalog.size();
        if (cellScratch.length < sel.count()) cellScratch = new int[sel.count()];
        int[] cellOf = cellScratch;
        double ox = vp.originX();
        double oy = vp.originY();
        double fx0 = (double) gx0 * cell - ox;
        double fy0 = (double) gy0 * cell - oy;
        int[] rows = sel.rows();
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
                int row = rows[k];
                cellOf[k] = -1;
                float mx = ix.mercX(row);
                if (ix.geoPrecision(row) == 0 || Float.isNaN(mx)) continue;
                double x = mx * world - ox;
                double y = ix.mercY(row) * world - oy;
                double gxf = (x - fx0) / cell;
                double gyf = (y - fy0) / cell;
                if (gxf < 0 || gyf < 0 || gxf >= gw || gyf >= gh) continue;
                int c = (int) gyf * gw + (int) gxf;
                cellOf[k] = c;
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
        int[] firstHalf = countH[1] == null ? null : countH[0].clone();
        if (countH[1] != null) {
            for (int c = 0; c < cells; c++) {
                count[c] += countH[1][c];
                sumX[c] += sumXH[1][c];
                sumY[c] += sumYH[1][c];
            }
            for (int c = 0; c < factionCount.length; c++) factionCount[c] += factionH[1][c];
        }
        mergeNeighbours(count, sumX, sumY, factionCount, nf, gw, gh, cell);
        // bucket the rows by merged cell (counting sort) for the hit tester
        int[] start = new int[cells + 1];
        for (int c = 0; c < cells; c++) start[c + 1] = start[c] + count[c];
        int[] fill = Arrays.copyOf(start, cells);
        if (bucketScratch.length < start[cells]) bucketScratch = new int[start[cells]];
        int[] bucket = bucketScratch;
        hits.reserve(0, start[cells]);
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
        for (int c = 0; c < cells; c++) {
            int n = count[c];
            if (n == 0) continue;
            float x = (float) (sumX[c] / n);
            float y = (float) (sumY[c] / n);
            if (!discs && spread(r, vp, ix, bucket, start[c], start[c + 1], hits)) continue;
            if (n == 1) {
                int row = bucket[start[c]];
                hits.single(x, y, row);
                sprites.stamp(r, styleOf(ix, row), (int) Math.floor(x), (int) Math.floor(y));
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
            hits.cluster(x, y, rad, bucket, start[c], n);
        }
    }

    /**
     * The density rule of AUTO mode: draws the rows {@code bucket[from..to)} of one group as markers when that
     * keeps them legible, and says so. Rows on one pixel are one marker with a count badge; markers that would
     * overlap (centres closer than a marker's width) are displaced onto a small ring around their centre, each
     * with a leader line to a dot at its true position, as a GIS's point displacement does. A group of more than
     * {@link #MAX_SPREAD} distinct positions, or with more than {@link #MAX_RING} overlapping ones, stays a
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
            sprites.stamp(r, styleOf(ix, row), (int) dx[i], (int) dy[i]);
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

    private void highlight(Raster r, Viewport vp, IncidentIndex ix, int row) {
        if (row >= ix.size() || !ix.located(row) || ix.geoPrecision(row) == 0) return;
        double x = Math.floor(vp.x(ix.lon(row))) + 0.5;
        double y = Math.floor(vp.y(ix.lat(row))) + 0.5;
        // the selected incident is drawn on top even when it sits inside a cluster
        sprites.stamp(r, styleOf(ix, row), (int) Math.floor(x), (int) Math.floor(y));
        double rad = sprites.radius() + 5;
        Graphics2D g = r.graphics();
        g.setStroke(new BasicStroke(4f));
        g.setColor(new Color(255, 255, 255, 230));
        g.draw(new Ellipse2D.Double(x - rad, y - rad, 2 * rad, 2 * rad));
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(0, 90, 255));
        g.draw(new Ellipse2D.Double(x - rad, y - rad, 2 * rad, 2 * rad));
        g.dispose();
    }

    static Color withAlpha(int rgb, int alpha) {
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }

    private void ensureScratch(int n) {
        if (pixelCell.length < n) pixelCell = new int[n];
    }
}
