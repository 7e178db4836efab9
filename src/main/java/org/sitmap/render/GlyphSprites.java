package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.Map;
import org.sitmap.model.FactionCatalog;

/**
 * Pre-drawn pieces of cluster symbols, stamped into a raster without Java2D per cluster: the digits 0-9 and "k"
 * (white with a dark halo) for counts, and cluster discs per (dominant faction, second faction, radius).
 *
 * <p>Threading: not thread-safe (lazy cache); owned by one {@link IncidentPainter}.
 */
final class GlyphSprites {
    private static final String CHARS = "0123456789k";
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private final FactionCatalog catalog;
    private final double scale;
    private final Sprite[] glyphs = new Sprite[CHARS.length()];
    private final Map<Integer, Sprite> discs = new HashMap<>();

    /** A premultiplied ARGB picture with its size. */
    record Sprite(int[] px, int w, int h, int advance) { }

    GlyphSprites(FactionCatalog catalog) {
        this(catalog, 1);
    }

    /** @param scale size of digits and outlines relative to the screen (dpi / 96 for print exports) */
    GlyphSprites(FactionCatalog catalog, double scale) {
        this.catalog = catalog;
        this.scale = scale;
        for (int i = 0; i < CHARS.length(); i++) glyphs[i] = drawGlyph(CHARS.substring(i, i + 1));
    }

    private Sprite drawGlyph(String s) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D pg = probe.createGraphics();
        Font font = scale == 1 ? FONT : FONT.deriveFont((float) (11 * scale));
        TextLayout tl = new TextLayout(s, font, pg.getFontRenderContext());
        pg.dispose();
        int adv = (int) Math.ceil(tl.getAdvance());
        int h = (int) Math.ceil(tl.getAscent() + tl.getDescent()) + 4;
        int w = adv + 4;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(2, 2 + tl.getAscent()));
        g.setStroke(new BasicStroke((float) (2.4 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0, 0, 0, 190));
        g.draw(outline);
        g.setColor(Color.WHITE);
        g.fill(outline);
        g.dispose();
        return new Sprite(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h, adv);
    }

    /** Stamps a count ("7", "153", "12k") centred on (cx, cy). */
    void stampCount(Raster r, int count, int cx, int cy) {
        String s = count >= 10000 ? (count / 1000) + "k" : Integer.toString(count);
        if (r.vector() != null) {
            Font font = scale == 1 ? FONT : FONT.deriveFont((float) (11 * scale));
            Graphics2D g = r.vector().graphics();
            TextLayout tl = new TextLayout(s, font, g.getFontRenderContext());
            int h = (int) Math.ceil(tl.getAscent() + tl.getDescent()) + 4;
            float x = (float) (cx - Math.ceil(tl.getAdvance()) / 2.0);
            float baseline = cy - h / 2 + 2 + tl.getAscent();
            r.vector().haloText(s, font, x, baseline, (float) (2.4 * scale), new Color(0, 0, 0, 190), Color.WHITE);
            return;
        }
        int total = 0;
        for (int i = 0; i < s.length(); i++) total += glyphs[CHARS.indexOf(s.charAt(i))].advance();
        int x = cx - total / 2 - 2;
        for (int i = 0; i < s.length(); i++) {
            Sprite g = glyphs[CHARS.indexOf(s.charAt(i))];
            stamp(r, g, x, cy - g.h() / 2);
            x += g.advance();
        }
    }

    /** Stamps a disc of {@code radius} in the dominant faction's colour, ringed by the second's (-1: none). */
    void stampDisc(Raster r, int dominant, int second, int radius, int cx, int cy) {
        if (r.vector() != null) {
            int size = discSize(radius);
            paintDisc(r.vector().graphics(), cx - size / 2 + size / 2.0, cy - size / 2 + size / 2.0, dominant, second,
                    radius);
            return;
        }
        int key = (dominant * 65 + second + 1) * 128 + Math.min(127, radius);
        Sprite s = discs.computeIfAbsent(key, k -> drawDisc(dominant, second, radius));
        stamp(r, s, cx - s.w() / 2, cy - s.h() / 2);
    }

    private int discSize(int radius) {
        return 2 * radius + (int) Math.ceil(5 * scale);
    }

    private Sprite drawDisc(int dominant, int second, int radius) {
        int size = discSize(radius);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        paintDisc(g, size / 2.0, size / 2.0, dominant, second, radius);
        g.dispose();
        return new Sprite(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), size, size, size);
    }

    /** A cluster disc centred on (cx, cy) with Java2D: for the sprites and for vector exports. */
    private void paintDisc(Graphics2D g, double cx, double cy, int dominant, int second, int radius) {
        Ellipse2D disc = new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius);
        g.setColor(IncidentPainter.withAlpha(catalog.get(dominant).rgb(), 215));
        g.fill(disc);
        if (second >= 0) {
            double rr = radius - 2 * scale;
            g.setStroke(new BasicStroke((float) (3.5 * scale)));
            g.setColor(IncidentPainter.withAlpha(catalog.get(second).rgb(), 235));
            g.draw(new Ellipse2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr));
        }
        g.setStroke(new BasicStroke((float) (1.5 * scale)));
        g.setColor(Color.WHITE);
        g.draw(disc);
    }

    /**
     * Source-over stamp with top-left at (x0, y0), clipped. A transparent destination pixel takes the source as it
     * is (source-over onto nothing adds nothing: {@code mulPre(0, f) == 0}), so the blend is computed only where
     * something lies below.
     */
    static void stamp(Raster r, Sprite s, int x0, int y0) {
        int[] dst = r.pixels();
        int[] px = s.px();
        int sw = s.w();
        int w = r.width();
        int h = r.height();
        int ya = Math.max(0, -y0);
        int yb = Math.min(s.h(), h - y0);
        int xa = Math.max(0, -x0);
        int xb = Math.min(sw, w - x0);
        for (int y = ya; y < yb; y++) {
            int si = y * sw;
            int di = (y0 + y) * w + x0;
            for (int x = xa; x < xb; x++) {
                int src = px[si + x];
                if (src == 0) continue;
                int d = dst[di + x];
                dst[di + x] = d == 0 || src >>> 24 == 255 ? src : src + MarkerSprites.mulPre(d, 255 - (src >>> 24));
            }
        }
    }
}
