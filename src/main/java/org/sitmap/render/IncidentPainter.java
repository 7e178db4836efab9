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
    private final ClusterPicture clusters;
    /** Symbol scale relative to the screen (marker radius / 5): cluster discs and digits grow with it. */
    private final double scale;
    /** Per pixel of the last marker frame: sprite key + 1 in the high 16 bits, rows on it (saturating) in the low. */
    private int[] pixelCell = new int[0];
    /** More pixels with stacked rows than this: no count badges (they would cover the map). */
    private static final int STACK_BADGES = 3000;
    /** The pixels that got a second row in the last marker frame (the first {@link #STACK_BADGES}). */
    private final int[] stackedAt = new int[STACK_BADGES];
    /** From this many sprites a marker picture stamps on two threads. */
    private static final int SPLIT_STAMPS = 4000;
    /** Bands of rows a marker picture of many sprites is stamped in, shared by two threads ({@link #stamp}). */
    static final int STAMP_BANDS = 8;
    int stampBands = STAMP_BANDS;   // a field so that a test can compare one band and many
    /** The sprites of the last marker frame, in stamping order. */
    private int[] stampKey = new int[1024], stampX = new int[1024], stampY = new int[1024];
    /** Per band of a split stamping: the sprites' hidden-pixel test and the indices kept. */
    private final HiddenSprites[] hidden = {new HiddenSprites(), new HiddenSprites()};
    private final int[][] keptScratch = {new int[0], new int[0]};
    final MarkerCollect collect = new MarkerCollect();   // the per-row pass after the cull

    public IncidentPainter(FactionCatalog catalog) {
        this(catalog, 5);
    }

    /** @param markerRadius marker radius in pixels (5 on screen; exports at high dpi use more) */
    public IncidentPainter(FactionCatalog catalog, int markerRadius) {
        this.catalog = catalog;
        this.sprites = new MarkerSprites(catalog, markerRadius);
        this.scale = markerRadius / 5.0;
        this.glyphs = new GlyphSprites(catalog, scale);
        this.clusters = new ClusterPicture(catalog, sprites, glyphs, scale);
    }

    public MarkerSprites sprites() { return sprites; }

    /** For tests: the cluster picture looks a cell's rows up from this many selected rows (else it buckets them). */
    void lazyClusterRows(int rows) { clusters.lazyRows = rows; }

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
            clusters.paint(r, vp, sel, o.clusterPx(), hits, o.mode() == Mode.CLUSTERS);
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
        // a zoomed-in view of many rows: only the rows of the grid cells under the view, in selection order (two
        // halves too when they are many)
        int[] scan = near != null ? near : rows;
        org.sitmap.index.Split.halves(near != null ? near.length : n,
                (half, from, to) -> cull.rows(scan, from, to, inView, found, half));
        // a dense view (more than DENSE_ROWS rows in it): where a cell of DENSE_PX pixels holds DENSE_CELL rows
        // or more, their markers cover each other; only the last one (on top) is stamped there
        // every row in view a hit target; in a dense view only the top row of a crowded cell kept (MarkerCollect,
        // two halves of the rows on two threads); then the kept rows in order, here
        collect.collect(ix, inView, found, w, h, m, hits);
        int ns = 0;
        for (int half = 0; half < 2; half++) {
            int[] list = collect.kept[half];
            for (int i = 0, end = collect.keptInts[half]; i < end; i += 3) {
                int x = list[i];
                int y = list[i + 1];
                int key = list[i + 2];
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
     * Stamps the first {@code n} collected sprites in order. Many of them on a pixel raster: cut into {@link
     * #stampBands} bands of rows (about as many sprite centres each) that the two threads of {@link
     * org.sitmap.index.Split} take in turn, each stamping every sprite reaching its band clipped to it, so every pixel
     * sees the same stamps in the same order as on one thread, and neither thread idles while bands are left. In each
     * band the sprites that later opaque pixels hide there are left out ({@link HiddenSprites}): no pixel changes.
     */
    private void stamp(Raster r, int n) {
        int[] keys = stampKey, xs = stampX, ys = stampY;
        if (r.vector() != null) {
            for (int k = 0; k < n; k++) sprites.stamp(r, keys[k], xs[k], ys[k]);
            return;
        }
        for (int k = 0; k < n; k++) sprites.prepare(r, keys[k]);
        int w = r.width();
        int[] edges = bandEdges(ys, n, r.height(), n >= SPLIT_STAMPS ? stampBands : 1);
        int bands = edges.length - 1;
        // per band, the sprites whose rows reach it, in order (a sprite reaches one band or two)
        int[] start = new int[bands + 1];
        int[] members = bands == 1 ? null : bandMembers(ys, n, edges, start);
        if (bands == 1) start[1] = n;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        // two workers (the helper and this thread) when there are bands to share, else one, here
        org.sitmap.index.Split.halves(bands > 1 ? 2 : 1, 2, (half, from, to) -> {
            if (keptScratch[half].length < n) keptScratch[half] = new int[n];
            int[] kept = keptScratch[half];
            for (int b = next.getAndIncrement(); b < bands; b = next.getAndIncrement()) {
                int y0 = edges[b];
                int y1 = edges[b + 1];
                // sprites hidden in this band by later opaque pixels are left out: the same pixels (HiddenSprites)
                int nk = hidden[half].keep(sprites, keys, xs, ys, members, start[b], start[b + 1], w, y0, y1, kept);
                for (int i = 0; i < nk; i++) {
                    int k = kept[i];
                    sprites.stampBand(r, keys[k], xs[k], ys[k], y0, y1);
                }
            }
        });
    }

    /**
     * The sprites {@code [0, n)} whose rows reach each band of {@code edges}, band after band, each in order; the
     * band {@code b}'s are {@code [start[b], start[b + 1])} of the array returned.
     */
    private int[] bandMembers(int[] ys, int n, int[] edges, int[] start) {
        int bands = edges.length - 1;
        int h = edges[bands];
        int[] bandAt = new int[h];
        for (int b = 0; b < bands; b++) Arrays.fill(bandAt, edges[b], edges[b + 1], b);
        int size = sprites.size();
        int up = size / 2;
        for (int k = 0; k < n; k++) {
            int y0 = ys[k] - up;
            int y1 = y0 + size - 1;
            if (y1 < 0 || y0 >= h) continue;
            int b1 = bandAt[Math.min(h - 1, y1)];
            for (int b = bandAt[Math.max(0, y0)]; b <= b1; b++) start[b + 1]++;
        }
        for (int b = 0; b < bands; b++) start[b + 1] += start[b];
        int[] fill = Arrays.copyOf(start, bands);
        int[] out = new int[start[bands]];
        for (int k = 0; k < n; k++) {
            int y0 = ys[k] - up;
            int y1 = y0 + size - 1;
            if (y1 < 0 || y0 >= h) continue;
            int b1 = bandAt[Math.min(h - 1, y1)];
            for (int b = bandAt[Math.max(0, y0)]; b <= b1; b++) out[fill[b]++] = k;
        }
        return out;
    }

    /**
     * Rows cutting a raster {@code h} high into at most {@code bands} bands with about as many of the {@code n}
     * sprites' centres each: ascending from 0 to {@code h}, each band at least one row.
     */
    static int[] bandEdges(int[] ys, int n, int h, int bands) {
        if (bands <= 1 || h < 2 || n == 0) return new int[] {0, h};
        int[] perRow = new int[h + 1];
        for (int k = 0; k < n; k++) perRow[Math.max(0, Math.min(h, ys[k]))]++;
        int[] edges = new int[bands + 1];
        int c = 1;
        long sum = 0;
        for (int y = 0; y < h - 1 && c < bands; y++) {
            sum += perRow[y];
            // a cut after row y for each share of the centres passed there
            while (c < bands && sum * bands >= (long) c * n) edges[c++] = y + 1;
        }
        int m = 1;
        for (int k = 1; k < c; k++) if (edges[k] > edges[m - 1]) edges[m++] = edges[k];
        edges[m++] = h;
        return java.util.Arrays.copyOf(edges, m);
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
