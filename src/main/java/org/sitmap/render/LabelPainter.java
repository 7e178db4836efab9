package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;

/**
 * Town labels for the places that have incidents shown: names from {@link IncidentIndex#place(int)}, dark text on
 * a white halo, for places with at least one exactly located incident, placed greedily by priority (incident count, most first) at the first of four positions around
 * the place (right, left, above, below) that overlaps no label already placed; a label that fits nowhere is
 * left out. Below {@link #DETAIL_ZOOM} only the busiest places are named.
 *
 * <p>Threading: not thread-safe (a cache of label sprites); one instance per drawing thread.
 */
public final class LabelPainter {
    /** From this zoom on every place with incidents is a label candidate. */
    public static final double DETAIL_ZOOM = 8;
    private static final int FEW = 14;
    private final Font font;
    private final int markerGap;
    private static final int HALO = 3;
    private final java.util.HashMap<String, GlyphSprites.Sprite> sprites = new java.util.HashMap<>();
    private FontMetrics metrics;

    /** A label that was drawn: the text and its box in picture pixels. */
    public record Placed(String name, Rectangle box, int count) { }

    public LabelPainter() {
        this(new Font(Font.SANS_SERIF, Font.BOLD, 12), 7);
    }

    /** @param markerGap distance in pixels between the place and its label */
    public LabelPainter(Font font, int markerGap) {
        this.font = font;
        this.markerGap = markerGap;
    }

    /**
     * Draws the labels for {@code sel} into a raster and returns them in placement order. Each name is drawn once
     * into a small cached sprite and stamped, so redraws cost no text layout.
     */
    public List<Placed> paint(Raster r, Viewport vp, Selection sel) {
        return paint(r, vp, sel, null);
    }

    /**
     * As {@link #paint(Raster, Viewport, Selection)}, placing the label of a place drawn inside a cluster around
     * that cluster's disc (so the name does not cross it); {@code drawn} is what {@link IncidentPainter} returned
     * for the same raster, or null.
     */
    public List<Placed> paint(Raster r, Viewport vp, Selection sel, HitTester drawn) {
        int[] clusterOf = drawn == null || drawn.clusters() == 0 || sel == null ? null : drawn.clusterOfRows(sel.index().size());
        if (metrics == null) {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE).createGraphics();
            g.setFont(font);
            metrics = g.getFontMetrics();
            g.dispose();
        }
        return place(r.width(), r.height(), vp, sel, metrics, drawn, clusterOf, (name, x, top) -> {
            GlyphSprites.Sprite s = sprites.get(name);
            if (s == null) {
                if (sprites.size() > 4000) sprites.clear();
                s = drawSprite(name);
                sprites.put(name, s);
            }
            GlyphSprites.stamp(r, s, x - HALO, top - HALO);
        });
    }

    /** Draws the labels into {@code g} (a picture of the given size) as vectors; returns them in placement order. */
    public List<Placed> paint(Graphics2D g, int width, int height, Viewport vp, Selection sel) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        return place(width, height, vp, sel, fm, null, null, (name, x, top) -> drawHalo(g, name, x, top + fm.getAscent()));
    }

    private interface Drawer {
        void draw(String name, int x, int top);
    }

    private GlyphSprites.Sprite drawSprite(String name) {
        int w = metrics.stringWidth(name) + 2 * HALO;
        int h = metrics.getAscent() + metrics.getDescent() + 2 * HALO;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        drawHalo(g, name, HALO, HALO + metrics.getAscent());
        g.dispose();
        return new GlyphSprites.Sprite(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h, w);
    }

    private List<Placed> place(int width, int height, Viewport vp, Selection sel, FontMetrics fm, HitTester drawn,
                               int[] clusterOf, Drawer drawer) {
        List<Placed> placed = new ArrayList<>();
        if (sel == null || sel.count() == 0) return placed;
        IncidentIndex ix = sel.index();
        // per place ref: incidents in view, and the row that names it (an exactly located one preferred)
        int[] count = new int[64];
        int[] named = new int[64];
        double world = vp.worldPixels();
        double ox = vp.originX();
        double oy = vp.originY();
        // cull in Web Mercator units first (NaN, an unlocated row, fails too)
        float mxMin = (float) ((ox - 1) / world), mxMax = (float) ((ox + width + 1) / world);
        float myMin = (float) ((oy - 1) / world), myMax = (float) ((oy + height + 1) / world);
        int[] rows = sel.rows();
        for (int k = 0, total = sel.count(); k < total; k++) {
            int row = rows[k];
            float mx = ix.mercX(row);
            if (!(mx >= mxMin && mx <= mxMax)) continue;
            float my = ix.mercY(row);
            if (!(my >= myMin && my <= myMax) || ix.geoPrecision(row) == 0) continue;
            double x = mx * world - ox;
            double y = my * world - oy;
            if (x < 0 || y < 0 || x >= width || y >= height) continue;
            int ref = ix.placeRef(row);
            if (ref >= count.length) {
                int n = Math.max(ref + 1, count.length * 2);
                count = java.util.Arrays.copyOf(count, n);
                named = java.util.Arrays.copyOf(named, n);
            }
            if (count[ref]++ == 0 || ix.geoPrecision(row) < ix.geoPrecision(named[ref])) named[ref] = row;
        }
        // a place known only approximately (a district, a governorate) is not a town: no label
        List<int[]> order = new ArrayList<>();
        for (int ref = 0; ref < count.length; ref++) {
            if (count[ref] > 0 && ix.geoPrecision(named[ref]) == 1 && !ix.place(named[ref]).isBlank()) {
                order.add(new int[] {count[ref], named[ref]});
            }
        }
        order.sort((a, b) -> a[0] != b[0] ? b[0] - a[0] : ix.place(a[1]).compareTo(ix.place(b[1])));
        int limit = vp.zoom() >= DETAIL_ZOOM ? order.size() : Math.min(FEW, order.size());
        boolean[] labelled = null;
        for (int k = 0; k < limit; k++) {
            int row = order.get(k)[1];
            String name = ix.place(row);
            int x = (int) Math.floor(vp.x(ix.lon(row)));
            int y = (int) Math.floor(vp.y(ix.lat(row)));
            int gap = markerGap;
            if (labelled == null && clusterOf != null) labelled = new boolean[drawn.clusters()];
            if (clusterOf != null && clusterOf[row] >= 0 && labelled[clusterOf[row]] && vp.zoom() < DETAIL_ZOOM) {
                continue;   // zoomed out: one name per cluster, its busiest place (places come busiest first)
            }
            if (clusterOf != null && clusterOf[row] >= 0 && !labelled[clusterOf[row]]) {
                // the busiest place of a cluster is named beside the disc; when zoomed in, the others beside
                // their own positions
                int c = clusterOf[row];
                labelled[c] = true;
                x = (int) drawn.clusterX(c);
                y = (int) drawn.clusterY(c);
                gap = (int) Math.ceil(drawn.clusterRadius(c)) + 2;
            }
            int tw = fm.stringWidth(name);
            int th = fm.getAscent() + fm.getDescent();
            Rectangle[] candidates = {
                    new Rectangle(x + gap, y - th / 2, tw, th),
                    new Rectangle(x - gap - tw, y - th / 2, tw, th),
                    new Rectangle(x - tw / 2, y - gap - th, tw, th),
                    new Rectangle(x - tw / 2, y + gap, tw, th),
            };
            for (Rectangle c : candidates) {
                if (c.x < 0 || c.y < 0 || c.x + c.width > width || c.y + c.height > height) continue;
                if (overlaps(c, placed)) continue;
                drawer.draw(name, c.x, c.y);
                placed.add(new Placed(name, c, order.get(k)[0]));
                break;
            }
        }
        return placed;
    }

    private static boolean overlaps(Rectangle c, List<Placed> placed) {
        Rectangle grown = new Rectangle(c.x - 2, c.y - 1, c.width + 4, c.height + 2);
        for (Placed p : placed) if (grown.intersects(p.box())) return true;
        return false;
    }

    /** Dark text with a white halo, legible on any basemap. */
    public static void drawHalo(Graphics2D g, String text, float x, float baseline) {
        TextLayout tl = new TextLayout(text, g.getFont(), g.getFontRenderContext());
        Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x, baseline));
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 225));
        g.draw(outline);
        g.setColor(new Color(25, 25, 25));
        g.fill(outline);
    }
}
