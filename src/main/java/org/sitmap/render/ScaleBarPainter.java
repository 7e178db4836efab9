package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/**
 * A scale bar true at the viewport's centre latitude (Web Mercator stretches with latitude), of a round length
 * (1, 2 or 5 × 10^k metres or kilometres) no longer than {@link #MAX_PX} pixels.
 *
 * <p>Stateless; any thread.
 */
public final class ScaleBarPainter {
    /** The longest bar drawn, in pixels. */
    public static final int MAX_PX = 140;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private ScaleBarPainter() { }

    /** The longest round length in metres that fits in {@code maxPx} pixels at {@code metresPerPixel}. */
    public static double niceMetres(double metresPerPixel, int maxPx) {
        double max = metresPerPixel * maxPx;
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {5, 2, 1}) if (m * p <= max) return m * p;
        return p;
    }

    /** "500 m", "2 km", "50 km". */
    public static String label(double metres) {
        return metres >= 1000 ? Math.round(metres / 1000) + " km" : Math.round(metres) + " m";
    }

    /** Draws the bar into a raster at a corner; returns its box. */
    public static Rectangle paint(Raster r, Viewport vp, Corner corner) {
        Graphics2D g = r.graphics();
        try {
            return paint(g, r.width(), r.height(), vp, corner, 12);
        } finally {
            g.dispose();
        }
    }

    /** Draws the bar into {@code g} (a picture of the given size) at a corner, {@code margin} from the edges. */
    public static Rectangle paint(Graphics2D g, int width, int height, Viewport vp, Corner corner, int margin) {
        double mpp = vp.metresPerPixel();
        double metres = niceMetres(mpp, MAX_PX);
        int len = (int) Math.round(metres / mpp);
        String text = label(metres);
        g.setFont(FONT);
        int tw = g.getFontMetrics().stringWidth(text);
        int boxW = Math.max(len, tw) + 12;
        int boxH = 30;
        int x = corner.x(width, boxW, margin);
        int y = corner.y(height, boxH, margin);
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRoundRect(x, y, boxW, boxH, 6, 6);
        int bx = x + 6;
        int by = y + boxH - 8;
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(2f));
        g.drawLine(bx, by, bx + len, by);
        g.drawLine(bx, by - 5, bx, by);
        g.drawLine(bx + len, by - 5, bx + len, by);
        g.drawString(text, bx + (len - tw) / 2, y + 14);
        return new Rectangle(x, y, boxW, boxH);
    }
}
