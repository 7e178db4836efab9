package org.sitmap.render.label;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one label placer of the map: incident place names, the basemap's town, road, governorate and country names
 * and the selected incident's name are placed together in one picture, by priority (highest first; ties keep the
 * order given), so that no two texts overlap and no text covers a marker or a town dot other than its own.
 *
 * <p>A candidate with an anchor point tries twelve positions around it (right, left, the four diagonals, above,
 * below, right and left shifted up and down) at its gap; when {@link Candidate#leader()} allows, the same again at
 * three larger distances, drawn
 * with a thin leader line to the anchor. A fixed candidate (an area name) is tried only centred on its anchor. A
 * candidate that fits nowhere is left out, and its dot with it. Works in picture pixels and knows nothing of fonts:
 * the caller measures the texts. Pure and cheap (a uniform grid of occupied boxes); not thread-safe (one placer
 * per picture).
 */
public final class LabelPlacer {
    /** Room kept between two texts, in pixels. */
    static final double PAD = 2;
    private static final int CELL = 64;

    /**
     * A text to place.
     *
     * @param text     the text
     * @param priority higher is placed first
     * @param x        anchor x (the place), picture pixels
     * @param y        anchor y
     * @param width    text width in pixels
     * @param height   text height in pixels
     * @param gap      distance from the anchor to the text (the marker or dot radius plus a little)
     * @param dotR     radius of a dot drawn at the anchor with the label (0: none; a basemap town), an obstacle
     *                 for every other label once placed
     * @param fixed    true: only centred on the anchor (area names)
     * @param leader   true: may move further away with a leader line
     * @param style    the caller's drawing style, handed back untouched
     */
    public record Candidate(String text, double priority, double x, double y, double width, double height,
                            double gap, double dotR, boolean fixed, boolean leader, Object style) { }

    /**
     * A placed label.
     *
     * @param candidate what was asked
     * @param box       the text's box in picture pixels
     * @param leader    true when drawn away from its anchor with a leader line
     */
    public record Placed(Candidate candidate, Rectangle2D box, boolean leader) { }

    private final int width;
    private final int height;
    private final List<Rectangle2D>[] grid;
    private final int gw;
    private final int gh;

    /** A placer for a picture of {@code width} × {@code height} pixels. */
    @SuppressWarnings("unchecked")
    public LabelPlacer(int width, int height) {
        this.width = width;
        this.height = height;
        gw = Math.max(1, (width + CELL - 1) / CELL);
        gh = Math.max(1, (height + CELL - 1) / CELL);
        grid = new List[gw * gh];
    }

    /** A marker (circle of radius r at x, y) that no label may cover, except the label anchored on it. */
    public void obstacle(double x, double y, double r) {
        add(new Obstacle(x - r, y - r, 2 * r, 2 * r, x, y));
    }

    /** An area no label may cover (a scale bar, a legend). */
    public void reserve(Rectangle2D area) {
        add(new Obstacle(area.getX(), area.getY(), area.getWidth(), area.getHeight(), Double.NaN, Double.NaN));
    }

    /** Places the candidates, highest priority first; returns the placed ones in placement order. */
    public List<Placed> place(List<Candidate> candidates) {
        List<Candidate> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparingDouble(Candidate::priority).reversed());   // stable: ties keep their order
        List<Placed> placed = new ArrayList<>();
        for (Candidate c : order) {
            Placed p = tryPlace(c);
            if (p == null) continue;
            placed.add(p);
            add(new Rectangle2D.Double(p.box().getX() - PAD, p.box().getY() - PAD, p.box().getWidth() + 2 * PAD,
                    p.box().getHeight() + 2 * PAD));
            if (c.dotR() > 0) obstacle(c.x(), c.y(), c.dotR() + 1);
        }
        return placed;
    }

    private Placed tryPlace(Candidate c) {
        double w = c.width();
        double h = c.height();
        if (c.fixed()) {
            Rectangle2D box = new Rectangle2D.Double(c.x() - w / 2, c.y() - h / 2, w, h);
            return free(box, c) ? new Placed(c, box, false) : null;
        }
        if (c.dotR() > 0) {
            // the dot itself must not sit on a text already placed
            Rectangle2D dot = new Rectangle2D.Double(c.x() - c.dotR(), c.y() - c.dotR(), 2 * c.dotR(), 2 * c.dotR());
            if (hitsLabel(dot)) return null;
        }
        int rings = c.leader() ? 4 : 1;
        for (int ring = 0; ring < rings; ring++) {
            double g = c.gap() + ring * 18;
            double d = g * 0.7071;
            double[][] pos = {
                {c.x() + g, c.y() - h / 2}, {c.x() - g - w, c.y() - h / 2},
                {c.x() + d, c.y() - d - h}, {c.x() + d, c.y() + d},
                {c.x() - d - w, c.y() - d - h}, {c.x() - d - w, c.y() + d},
                {c.x() - w / 2, c.y() - g - h}, {c.x() - w / 2, c.y() + g},
                {c.x() + g, c.y() - 1.5 * h}, {c.x() + g, c.y() + 0.5 * h},
                {c.x() - g - w, c.y() - 1.5 * h}, {c.x() - g - w, c.y() + 0.5 * h}};
            for (double[] p : pos) {
                Rectangle2D box = new Rectangle2D.Double(p[0], p[1], w, h);
                if (free(box, c)) return new Placed(c, box, ring > 0);
            }
        }
        return null;
    }

    private boolean free(Rectangle2D box, Candidate c) {
        if (box.getMinX() < 0 || box.getMinY() < 0 || box.getMaxX() > width || box.getMaxY() > height) return false;
        int x0 = cell(box.getMinX(), gw), x1 = cell(box.getMaxX(), gw);
        int y0 = cell(box.getMinY(), gh), y1 = cell(box.getMaxY(), gh);
        for (int gy = y0; gy <= y1; gy++) {
            for (int gx = x0; gx <= x1; gx++) {
                List<Rectangle2D> l = grid[gy * gw + gx];
                if (l == null) continue;
                for (Rectangle2D r : l) {
                    if (!r.intersects(box)) continue;
                    if (r instanceof Obstacle o && Math.abs(o.cx - c.x()) < 0.5 && Math.abs(o.cy - c.y()) < 0.5) {
                        continue;   // its own marker
                    }
                    return false;
                }
            }
        }
        return true;
    }

    private boolean hitsLabel(Rectangle2D box) {
        int x0 = cell(box.getMinX(), gw), x1 = cell(box.getMaxX(), gw);
        int y0 = cell(box.getMinY(), gh), y1 = cell(box.getMaxY(), gh);
        for (int gy = y0; gy <= y1; gy++) {
            for (int gx = x0; gx <= x1; gx++) {
                List<Rectangle2D> l = grid[gy * gw + gx];
                if (l == null) continue;
                for (Rectangle2D r : l) if (!(r instanceof Obstacle) && r.intersects(box)) return true;
            }
        }
        return false;
    }

    private void add(Rectangle2D r) {
        int x0 = cell(r.getMinX(), gw), x1 = cell(r.getMaxX(), gw);
        int y0 = cell(r.getMinY(), gh), y1 = cell(r.getMaxY(), gh);
        for (int gy = y0; gy <= y1; gy++) {
            for (int gx = x0; gx <= x1; gx++) {
                int k = gy * gw + gx;
                if (grid[k] == null) grid[k] = new ArrayList<>(4);
                grid[k].add(r);
            }
        }
    }

    private static int cell(double v, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.floor(v / CELL)));
    }

    /** A marker's box, remembering its centre (a label may touch its own marker). */
    private static final class Obstacle extends Rectangle2D.Double {
        final double cx;
        final double cy;

        Obstacle(double x, double y, double w, double h, double cx, double cy) {
            super(x, y, w, h);
            this.cx = cx;
            this.cy = cy;
        }
    }
}
