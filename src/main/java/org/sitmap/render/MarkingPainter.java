package org.sitmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * The marking line (a classification or handling caveat) as a full-width band at the top and at the bottom of
 * the picture, bold and centred, so it survives cropping into a slide. Other overlays are laid out inside the
 * bands ({@link #HEIGHT}).
 *
 * <p>Stateless; any thread.
 */
public final class MarkingPainter {
    /** Height of each band in (unscaled) pixels. */
    public static final int HEIGHT = 24;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private MarkingPainter() { }

    /** Draws the band with {@code text} at the top and at the bottom of a picture of the given size. */
    public static void paint(Graphics2D g, int width, int height, String text) {
        if (text == null || text.isBlank()) return;
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        String t = TextBlockPainter.fit(text.strip(), fm, width - 16);
        int tx = (width - fm.stringWidth(t)) / 2;
        for (int y : new int[] {0, height - HEIGHT}) {
            g.setColor(new Color(255, 255, 255, 235));
            g.fillRect(0, y, width, HEIGHT);
            g.setColor(new Color(150, 0, 0));
            g.fillRect(0, y == 0 ? HEIGHT - 2 : y, width, 2);
            g.drawString(t, tx, y + (HEIGHT - fm.getHeight()) / 2 + fm.getAscent());
        }
    }
}
