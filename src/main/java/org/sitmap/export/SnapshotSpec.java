package org.sitmap.export;

import java.util.EnumMap;
import java.util.Map;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.BBox;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.Viewport;

/**
 * Everything that decides a map snapshot's pixels: the area (a bounding box to fit, or a centre and zoom; neither:
 * the shown incidents, else Syria), the output size in pixels with the scale of symbols and text ({@code dpi / 96}
 * for paper, 1 for a pixel size), the texts, which elements are drawn where, the filter and whether the network
 * may be used. The window and {@code sitmap export} build the same spec for the same view, so they give the same
 * picture.
 *
 * @param bbox      area to fit, or null
 * @param centerLat centre latitude (with {@code centerLon} and {@code zoom}), or null
 * @param centerLon centre longitude, or null
 * @param zoom      Web Mercator zoom at screen scale (96 dpi), or null
 * @param width     output width in pixels
 * @param height    output height in pixels
 * @param dpi       dots per inch; symbols and text are scaled by {@code dpi / 96}
 * @param paper     the paper size the pixels were derived from (for the PDF page), or null for a pixel size
 * @param landscape paper orientation
 * @param title     title, may be blank
 * @param subtitle  subtitle, may be blank
 * @param marking   the marking line drawn at top and bottom (classification, handling caveat), may be blank
 * @param elements  the elements drawn and their corners (absent: switched off)
 * @param filter    which incidents are shown
 * @param mode      how incidents are drawn (as on screen)
 * @param offline   no network: cached tiles and the local basemap only
 */
public record SnapshotSpec(BBox bbox, Double centerLat, Double centerLon, Double zoom, int width, int height,
                           int dpi, Paper paper, boolean landscape, String title, String subtitle, String marking,
                           Map<Element, Corner> elements, FilterSpec filter, IncidentPainter.Mode mode,
                           boolean offline) {
    /** Dots per inch of a screen: at this density one output pixel is one screen pixel. */
    public static final int SCREEN_DPI = 96;
    /** Syria with a little margin (what is shown when nothing else says where). */
    public static final BBox SYRIA = new BBox(35.6, 32.25, 42.45, 37.4);

    public SnapshotSpec {
        if (width < 16 || height < 16 || (long) width * height > 120_000_000L) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " out of range (16 to ~10000 px a side)");
        }
        if (dpi < 24 || dpi > 1200) throw new IllegalArgumentException("dpi " + dpi + " outside 24..1200");
        if ((centerLat == null) != (centerLon == null) || (centerLat == null) != (zoom == null)) {
            throw new IllegalArgumentException("a centre needs latitude, longitude and zoom");
        }
        if (zoom != null && (zoom < 0 || zoom > 20)) throw new IllegalArgumentException("zoom " + zoom + " outside 0..20");
        title = title == null ? "" : title.strip();
        subtitle = subtitle == null ? "" : subtitle.strip();
        marking = marking == null ? "" : marking.strip();
        elements = Map.copyOf(elements);
        filter = filter == null ? FilterSpec.ALL : filter;
        mode = mode == null ? IncidentPainter.Mode.AUTO : mode;
    }

    /** A 1920×1080 snapshot of everything, every element at its default corner, offline. */
    public static SnapshotSpec defaults() {
        return new SnapshotSpec(null, null, null, null, 1920, 1080, SCREEN_DPI, null, true, "", "", "",
                Element.defaults(), FilterSpec.ALL, IncidentPainter.Mode.AUTO, true);
    }

    /** Symbol and text scale: {@code dpi / 96}. */
    public double scale() { return dpi / (double) SCREEN_DPI; }

    public boolean shows(Element e) { return elements.containsKey(e) && (e != Element.MARKING || !marking.isBlank()); }

    public Corner corner(Element e) { return elements.getOrDefault(e, e.defaultCorner()); }

    /** The same spec fitting {@code box} (no centre). */
    public SnapshotSpec withBbox(BBox box) {
        return new SnapshotSpec(box, null, null, null, width, height, dpi, paper, landscape, title, subtitle, marking,
                elements, filter, mode, offline);
    }

    /** The same spec centred at a point and zoom (no box). */
    public SnapshotSpec withCenter(double lat, double lon, double z) {
        return new SnapshotSpec(null, lat, lon, z, width, height, dpi, paper, landscape, title, subtitle, marking,
                elements, filter, mode, offline);
    }

    /** The same spec at a pixel size (screen scale, no paper). */
    public SnapshotSpec withPixels(int w, int h) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, w, h, SCREEN_DPI, null, landscape, title, subtitle,
                marking, elements, filter, mode, offline);
    }

    /** The same spec on paper at a density. */
    public SnapshotSpec withPaper(Paper p, boolean land, int d) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, p.widthPx(land, d), p.heightPx(land, d), d, p, land,
                title, subtitle, marking, elements, filter, mode, offline);
    }

    public SnapshotSpec withTexts(String t, String sub, String mark) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, width, height, dpi, paper, landscape, t, sub, mark,
                elements, filter, mode, offline);
    }

    public SnapshotSpec withElements(Map<Element, Corner> els) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, width, height, dpi, paper, landscape, title,
                subtitle, marking, els, filter, mode, offline);
    }

    public SnapshotSpec withFilter(FilterSpec f) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, width, height, dpi, paper, landscape, title,
                subtitle, marking, elements, f, mode, offline);
    }

    public SnapshotSpec withMode(IncidentPainter.Mode m) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, width, height, dpi, paper, landscape, title,
                subtitle, marking, elements, filter, m, offline);
    }

    public SnapshotSpec withOffline(boolean off) {
        return new SnapshotSpec(bbox, centerLat, centerLon, zoom, width, height, dpi, paper, landscape, title,
                subtitle, marking, elements, filter, mode, off);
    }

    /** A copy of the element map to edit. */
    public Map<Element, Corner> elementsCopy() {
        Map<Element, Corner> m = new EnumMap<>(Element.class);
        m.putAll(elements);
        return m;
    }

    /**
     * The viewport at screen scale (output size divided by {@link #scale()}): the area as the analyst sees it.
     * Without a box or centre: the located incidents of {@code shown} with a margin (else Syria).
     */
    public Viewport screenViewport(Selection shown) {
        int lw = Math.max(1, (int) Math.round(width / scale()));
        int lh = Math.max(1, (int) Math.round(height / scale()));
        if (centerLat != null) return new Viewport(centerLat, centerLon, zoom, lw, lh);
        BBox box = bbox != null ? bbox : filter.bbox() != null ? filter.bbox() : extent(shown);
        return Viewport.fit(box, lw, lh);
    }

    /** The viewport of the output pixels: same centre, zoom raised by log2 of the scale. */
    public Viewport viewport(Selection shown) {
        Viewport s = screenViewport(shown);
        return new Viewport(s.centerLat(), s.centerLon(), Math.min(22, s.zoom() + Math.log(scale()) / Math.log(2)),
                width, height);
    }

    /** The located incidents' extent with a 10 % margin (at least ~0.1°), or Syria when none are located. */
    static BBox extent(Selection sel) {
        if (sel == null) return SYRIA;
        IncidentIndex ix = sel.index();
        double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
        int n = 0;
        for (int k = 0; k < sel.count(); k++) {
            int r = sel.row(k);
            if (!ix.located(r) || ix.geoPrecision(r) == 0) continue;
            minLon = Math.min(minLon, ix.lon(r));
            maxLon = Math.max(maxLon, ix.lon(r));
            minLat = Math.min(minLat, ix.lat(r));
            maxLat = Math.max(maxLat, ix.lat(r));
            n++;
        }
        if (n == 0) return SYRIA;
        double mx = Math.max(0.05, (maxLon - minLon) * 0.1);
        double my = Math.max(0.05, (maxLat - minLat) * 0.1);
        return new BBox(Math.max(-180, minLon - mx), Math.max(-85, minLat - my), Math.min(180, maxLon + mx),
                Math.min(85, maxLat + my));
    }
}
