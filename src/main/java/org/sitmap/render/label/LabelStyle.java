package org.sitmap.render.label;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;

/**
 * How a label is drawn: font, text colour, a halo (or, for a road number, a shield: a filled rounded box) and the
 * dot of a basemap town. Measures its texts with a fixed font render context, so the placer's boxes and the drawn
 * texts agree on every thread. Immutable.
 *
 * @param font   the font
 * @param color  text colour
 * @param halo   halo colour around the glyphs (ignored with a shield)
 * @param shield fill of a box behind the text (road numbers), or null
 * @param dot    outline colour of the town dot drawn at the anchor, or null for none
 */
public record LabelStyle(Font font, Color color, Color halo, Color shield, Color dot) {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** Halo pixels around the glyphs (and padding inside a shield). */
    public static final int HALO = 3;

    /** The same style without the town dot. */
    public LabelStyle withoutDot() {
        return new LabelStyle(font, color, halo, shield, null);
    }

    /** Text width in pixels, halo included. */
    public double width(String text) {
        return font.getStringBounds(text, FRC).getWidth() + (shield != null ? 2 * HALO : 2);
    }

    /** Text height in pixels (ascent plus descent, plus the shield's padding). */
    public double height(String text) {
        LineMetrics m = font.getLineMetrics(text, FRC);
        return Math.ceil(m.getAscent() + m.getDescent()) + (shield != null ? 2 : 0);
    }

    /**
     * Draws a placed label whose style is a {@code LabelStyle}: its town dot, its leader line when it sits away from
     * its anchor, and the text.
     */
    public static void paint(Graphics2D g, LabelPlacer.Placed p) {
        paint(g, p, false);
    }

    /** As {@link #paint(Graphics2D, LabelPlacer.Placed)}; {@code asText}: the letters as text (a PDF's), not outlines. */
    public static void paint(Graphics2D g, LabelPlacer.Placed p, boolean asText) {
        paintMarks(g, p);
        LabelPlacer.Candidate c = p.candidate();
        ((LabelStyle) c.style()).draw(g, c.text(), p.box().getX(), p.box().getY(), asText);
    }

    /**
     * Draws what a placed label has besides its text: the town dot and, when it sits away from its anchor, the
     * leader line (a raster picture stamps the text itself from a cached sprite afterwards).
     */
    public static void paintMarks(Graphics2D g, LabelPlacer.Placed p) {
        LabelPlacer.Candidate c = p.candidate();
        LabelStyle st = (LabelStyle) c.style();
        if (!(st.dot() != null && c.dotR() > 0) && !p.leader()) return;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (st.dot() != null && c.dotR() > 0) st.paintDot(g, c.x(), c.y(), c.dotR());
        if (p.leader()) paintLeader(g, p);
    }

    /**
     * Draws this style's town dot of radius {@code dotR} centred on (x, y) (anti-aliased: the caller's context has
     * it on). A raster picture stamps the same drawing from a sprite made at the same fraction of a pixel
     * ({@code render.TownDots}), so its pixels are these.
     */
    public void paintDot(Graphics2D g, double x, double y, double dotR) {
        java.awt.geom.Ellipse2D d = new java.awt.geom.Ellipse2D.Double(x - dotR, y - dotR, 2 * dotR, 2 * dotR);
        g.setColor(Color.WHITE);
        g.fill(d);
        g.setColor(dot);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(d);
        if (dotR >= 3) g.fill(new java.awt.geom.Ellipse2D.Double(x - 1.3, y - 1.3, 2.6, 2.6));
    }

    /** Draws the leader line of a label placed away from its anchor (anti-aliased: the caller's context has it on). */
    public static void paintLeader(Graphics2D g, LabelPlacer.Placed p) {
        LabelPlacer.Candidate c = p.candidate();
        LabelStyle st = (LabelStyle) c.style();
        java.awt.geom.Rectangle2D b = p.box();
        double ex = Math.max(b.getMinX(), Math.min(c.x(), b.getMaxX()));
        double ey = Math.max(b.getMinY(), Math.min(c.y(), b.getMaxY()));
        double len = Math.hypot(ex - c.x(), ey - c.y());
        double sx = c.x() + (ex - c.x()) * Math.min(1, c.gap() / Math.max(1e-9, len));
        double sy = c.y() + (ey - c.y()) * Math.min(1, c.gap() / Math.max(1e-9, len));
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(st.halo());
        g.draw(new java.awt.geom.Line2D.Double(sx, sy, ex, ey));
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(70, 70, 70));
        g.draw(new java.awt.geom.Line2D.Double(sx, sy, ex, ey));
    }

    /** Draws {@code text} into the box whose top-left corner is (x, y) (as measured by width and height). */
    public void draw(Graphics2D g, String text, double x, double y) {
        draw(g, text, x, y, false);
    }

    /**
     * As {@link #draw(Graphics2D, String, double, double)}; {@code asText}: the letters are drawn as text over the
     * halo (so a vector PDF holds searchable text), else as filled outlines.
     */
    public void draw(Graphics2D g, String text, double x, double y, boolean asText) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        LineMetrics m = font.getLineMetrics(text, FRC);
        TextLayout tl = new TextLayout(text, font, g.getFontRenderContext());
        if (shield != null) {
            double w = width(text);
            double h = height(text);
            g.setColor(shield);
            g.fill(new RoundRectangle2D.Double(x, y, w, h, 5, 5));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(new RoundRectangle2D.Double(x + 0.5, y + 0.5, w - 1, h - 1, 5, 5));
            g.setColor(color);
            if (asText) {
                g.setFont(font);
                g.drawString(text, (float) (x + HALO), (float) (y + 1 + m.getAscent()));
                return;
            }
            Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x + HALO, y + 1 + m.getAscent()));
            g.fill(outline);
            return;
        }
        Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x + 1, y + m.getAscent()));
        g.setStroke(new BasicStroke(3.2f * font.getSize2D() / 12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(halo);
        g.draw(outline);
        g.setColor(color);
        if (asText) {
            g.setFont(font);
            g.drawString(text, (float) (x + 1), (float) (y + m.getAscent()));
            return;
        }
        g.fill(outline);
    }
}
