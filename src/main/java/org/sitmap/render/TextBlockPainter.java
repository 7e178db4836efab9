package org.sitmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks of text on a translucent white box, anchored at a {@link Corner}: the title block (title, subtitle, date
 * range, active filters), the attribution and the creation date. Each line has a style (bold title, plain body,
 * small print). Lines longer than {@code maxWidth} are cut with an ellipsis.
 *
 * <p>Stateless; any thread.
 */
public final class TextBlockPainter {
    /** How a line looks. */
    public enum Style {
        TITLE(new Font(Font.SANS_SERIF, Font.BOLD, 20), new Color(20, 20, 20)),
        SUBTITLE(new Font(Font.SANS_SERIF, Font.PLAIN, 14), new Color(40, 40, 40)),
        BODY(new Font(Font.SANS_SERIF, Font.PLAIN, 12), new Color(50, 50, 50)),
        SMALL(new Font(Font.SANS_SERIF, Font.PLAIN, 10), new Color(70, 70, 70));

        final Font font;
        final Color color;

        Style(Font font, Color color) {
            this.font = font;
            this.color = color;
        }

        public Font font() { return font; }
    }

    /** One line of text in a style. */
    public record Line(String text, Style style) { }

    private TextBlockPainter() { }

    /**
     * Draws the lines (blank ones skipped) into {@code g} at a corner; returns the box, or an empty rectangle at
     * the corner when there is nothing to draw. Right corners align the text to the right.
     */
    public static Rectangle paint(Graphics2D g, int width, int height, List<Line> lines, Corner corner, int margin,
                                  int maxWidth) {
        List<Line> shown = new ArrayList<>();
        for (Line l : lines) if (l.text() != null && !l.text().isBlank()) shown.add(l);
        if (shown.isEmpty()) return new Rectangle(corner.x(width, 0, margin), corner.y(height, 0, margin), 0, 0);
        int pad = 6;
        int textW = 0;
        int textH = 0;
        List<String> texts = new ArrayList<>();
        for (Line l : shown) {
            FontMetrics fm = g.getFontMetrics(l.style().font);
            String t = fit(l.text().strip(), fm, maxWidth);
            texts.add(t);
            textW = Math.max(textW, fm.stringWidth(t));
            textH += fm.getHeight();
        }
        int w = textW + 2 * pad;
        int h = textH + 2 * pad;
        int x = corner.x(width, w, margin);
        int y = corner.y(height, h, margin);
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRoundRect(x, y, w, h, 6, 6);
        boolean right = corner == Corner.TOP_RIGHT || corner == Corner.BOTTOM_RIGHT;
        int cy = y + pad;
        for (int i = 0; i < shown.size(); i++) {
            Style s = shown.get(i).style();
            g.setFont(s.font);
            FontMetrics fm = g.getFontMetrics();
            g.setColor(s.color);
            int tx = right ? x + w - pad - fm.stringWidth(texts.get(i)) : x + pad;
            g.drawString(texts.get(i), tx, cy + fm.getAscent());
            cy += fm.getHeight();
        }
        return new Rectangle(x, y, w, h);
    }

    /** {@code text}, cut with an ellipsis to fit {@code maxWidth} pixels. */
    static String fit(String text, FontMetrics fm, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) return text;
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > maxWidth) t = t.substring(0, t.length() - 1);
        return t.strip() + "…";
    }
}
