package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;

/**
 * Town labels for the places that have incidents shown: names from {@link IncidentIndex#place(int)}, dark text on
 * a white halo, placed greedily by priority (incident count, most first) at the first of four positions around
 * the place (right, left, above, below) that overlaps no label already placed; a label that fits nowhere is
 * left out. Below {@link #DETAIL_ZOOM} only the busiest places are named.
 *
 * <p>Threading: stateless apart from fonts; call from one drawing thread at a time.
 */
public final class LabelPainter {
    /** From this zoom on every place with incidents is a label candidate. */
    public static final double DETAIL_ZOOM = 8;
    private static final int FEW = 14;
    private final Font font;
    private final int markerGap;

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

    /** Draws the labels for {@code sel} and returns them in placement order. */
    public List<Placed> paint(Raster r, Viewport vp, Selection sel) {
        Graphics2D g = r.graphics();
        try {
            return paint(g, r.width(), r.height(), vp, sel);
        } finally {
            g.dispose();
        }
    }

    /** Draws the labels into {@code g} (a picture of the given size) and returns them in placement order. */
    public List<Placed> paint(Graphics2D g, int width, int height, Viewport vp, Selection sel) {
        List<Placed> placed = new ArrayList<>();
        if (sel == null || sel.count() == 0) return placed;
        IncidentIndex ix = sel.index();
        Map<Integer, int[]> byPlace = new HashMap<>();   // placeRef -> {count, first located row}
        for (int k = 0; k < sel.count(); k++) {
            int row = sel.row(k);
            if (ix.geoPrecision(row) == 0 || !ix.located(row) || ix.place(row).isBlank()) continue;
            double x = vp.x(ix.lon(row));
            double y = vp.y(ix.lat(row));
            if (x < 0 || y < 0 || x >= width || y >= height) continue;
            int[] e = byPlace.computeIfAbsent(ix.placeRef(row), p -> new int[] {0, row});
            e[0]++;
            // prefer an exact position to name the place
            if (ix.geoPrecision(row) < ix.geoPrecision(e[1])) e[1] = row;
        }
        List<int[]> order = new ArrayList<>(byPlace.values());
        order.sort((a, b) -> a[0] != b[0] ? b[0] - a[0] : ix.place(a[1]).compareTo(ix.place(b[1])));
        int limit = vp.zoom() >= DETAIL_ZOOM ? order.size() : Math.min(FEW, order.size());
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < limit; k++) {
            int row = order.get(k)[1];
            String name = ix.place(row);
            int x = (int) Math.floor(vp.x(ix.lon(row)));
            int y = (int) Math.floor(vp.y(ix.lat(row)));
            int tw = fm.stringWidth(name);
            int th = fm.getAscent() + fm.getDescent();
            Rectangle[] candidates = {
                    new Rectangle(x + markerGap, y - th / 2, tw, th),
                    new Rectangle(x - markerGap - tw, y - th / 2, tw, th),
                    new Rectangle(x - tw / 2, y - markerGap - th, tw, th),
                    new Rectangle(x - tw / 2, y + markerGap, tw, th),
            };
            for (Rectangle c : candidates) {
                if (c.x < 0 || c.y < 0 || c.x + c.width > width || c.y + c.height > height) continue;
                if (overlaps(c, placed)) continue;
                drawHalo(g, name, c.x, c.y + fm.getAscent());
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
