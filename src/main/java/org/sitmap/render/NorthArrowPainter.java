package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Path2D;

/**
 * A north arrow. On a Web Mercator map north is straight up everywhere, so the arrow always points to the top of
 * the picture.
 *
 * <p>Stateless; any thread.
 */
public final class NorthArrowPainter {
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private NorthArrowPainter() { }

    /** Draws the arrow into {@code g} (a picture of the given size) at a corner; returns its box. */
    public static Rectangle paint(Graphics2D g, int width, int height, Corner corner, int margin) {
        int w = 30;
        int h = 46;
        int x = corner.x(width, w, margin);
        int y = corner.y(height, h, margin);
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRoundRect(x, y, w, h, 6, 6);
        double cx = x + w / 2.0;
        double top = y + 18;
        double bottom = y + h - 5;
        Path2D left = new Path2D.Double();
        left.moveTo(cx, top);
        left.lineTo(cx - 8, bottom);
        left.lineTo(cx, bottom - 7);
        left.closePath();
        Path2D right = new Path2D.Double();
        right.moveTo(cx, top);
        right.lineTo(cx + 8, bottom);
        right.lineTo(cx, bottom - 7);
        right.closePath();
        g.setColor(new Color(30, 30, 30));
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(right);
        g.setFont(FONT);
        int tw = g.getFontMetrics().stringWidth("N");
        g.drawString("N", (float) (cx - tw / 2.0), y + 15);
        return new Rectangle(x, y, w, h);
    }
}
