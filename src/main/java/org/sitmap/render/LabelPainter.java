package org.sitmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.render.label.LabelPlacer;
import org.sitmap.render.label.LabelStyle;

/**
 * All the names on the map, placed by the one {@link LabelPlacer}: the places of the incidents drawn as markers
 * (dark bold text on a white halo), the selected incident's place first, then places by incidents shown, then
 * whatever basemap names the caller hands in (towns, roads, governorates, countries). No text lands on another or
 * on a marker or cluster disc; a place that fits nowhere near its marker may sit a little away with a leader line,
 * else it is left out. A cluster disc is never named after one of its places: its count is in the disc and its
 * places are in the hover text. A basemap town named like an incident place right there is left to the incident's
 * label. Places known only approximately (a district, an area) get no label unless selected.
 *
 * <p>Threading: not thread-safe (a cache of label sprites); one instance per drawing thread. A picture of many
 * markers gathers its candidates on the split's helper thread ({@link org.sitmap.index.Split}) while the calling
 * thread makes the obstacles; the call returns after both.
 */
public final class LabelPainter {
    /** Priority of the selected incident's place. */
    public static final double SELECTED = 1000;
    /** Base priority of an incident place (plus its incidents shown, up to 99). */
    public static final double INCIDENT = 800;
    /** At most this many incident places are tried per picture (the busiest). */
    static final int MAX_PLACES = 600;
    /** Only this many (the busiest) may move away from their marker with a leader line. */
    static final int MAX_LEADERS = 120;
    /** Above this many markers their obstacles are merged by cell ({@link #denseObstacles}). */
    static final int DENSE_MARKERS = 20_000;
    /** Cell side of merged marker obstacles, in pixels. */
    static final int DENSE_CELL_PX = 16;
    /**
     * Above this many markers the incidents' label candidates are gathered on the split's helper while this thread
     * makes the markers' obstacles ({@link org.sitmap.index.Split}).
     */
    static final int CONCURRENT_MARKERS = 20_000;
    /** The markers from which the two passes run side by side (a field so that a test can compare both ways). */
    int concurrentFrom = CONCURRENT_MARKERS;
    private final LabelStyle style;
    private final int markerGap;
    private final Map<SpriteKey, Stamp> sprites = new HashMap<>();
    private final TownDots dots = new TownDots();
    /** Per place ref of {@link #blankIndex}'s index: 0 not yet known, 1 a blank name, 2 a name. */
    private byte[] blank = new byte[0];
    /**
     * The index {@link #blank} belongs to, held weakly: a painter outlives the stores a window opens, and a strong
     * reference kept the previous store's whole index alive beside the new one until the next picture with labels.
     */
    private WeakReference<IncidentIndex> blankIndex = new WeakReference<>(null);
    /** Per place ref: its entry in the picture's list of places, -1 when none (reset after each picture). */
    private int[] slot = new int[0];

    public LabelPainter() {
        this(new Font(Font.SANS_SERIF, Font.BOLD, 12), 7);
    }

    /** @param markerGap distance in pixels between the place and its label */
    public LabelPainter(Font font, int markerGap) {
        this.style = new LabelStyle(font, new Color(25, 25, 25), new Color(255, 255, 255, 225), null, null);
        this.markerGap = markerGap;
    }

    /**
     * Places and draws the labels of one picture.
     *
     * @param sel         the incidents shown (may be null)
     * @param drawn       where {@link IncidentPainter} drew them in this raster (markers and discs are obstacles)
     * @param selectedRow the selected row, or -1
     * @param basemap     basemap names as candidates (may be empty)
     * @param markerR     marker radius in pixels (the obstacle each marker makes)
     * @param reserved    areas kept free of labels (the scale bar)
     * @return the labels placed, in placement order
     */
    public List<LabelPlacer.Placed> paint(Raster r, Viewport vp, Selection sel, HitTester drawn, int selectedRow,
                                          List<LabelPlacer.Candidate> basemap, double markerR,
                                          List<java.awt.geom.Rectangle2D> reserved) {
        LabelPlacer placer = new LabelPlacer(r.width(), r.height());
        for (java.awt.geom.Rectangle2D area : reserved) placer.reserve(area);
        double mr = markerR > 0 ? markerR : Math.max(5, markerGap - 2);
        // the markers' obstacles here, the incidents' candidates (a pass over the same markers, touching neither
        // the placer nor the raster) beside them on the split's helper when the markers are many
        @SuppressWarnings("unchecked")
        List<LabelPlacer.Candidate>[] found = new List[1];
        org.sitmap.index.Split.halves(2, drawn.singles() > concurrentFrom ? 2 : 3, (half, from, to) -> {
            for (int part = from; part < to; part++) {
                if (part == 0) {
                    found[0] = incidentCandidates(sel, drawn, selectedRow, mr);
                } else if (drawn.singles() <= DENSE_MARKERS) {
                    for (int k = 0; k < drawn.singles(); k++) obstacle(placer, r.width(), r.height(),
                            drawn.singleX(k), drawn.singleY(k), mr + 1);
                } else {
                    denseObstacles(placer, r.width(), r.height(), drawn, mr + 1);
                }
            }
        });
        for (int c = 0; c < drawn.clusters(); c++) {
            placer.obstacle(drawn.clusterX(c), drawn.clusterY(c), drawn.clusterRadius(c) + 1);
        }
        List<LabelPlacer.Candidate> candidates = new ArrayList<>(found[0]);
        Map<String, List<double[]>> byName = new HashMap<>();
        for (LabelPlacer.Candidate c : candidates) {
            byName.computeIfAbsent(key(c.text()), k -> new ArrayList<>()).add(new double[] {c.x(), c.y()});
        }
        for (LabelPlacer.Candidate c : basemap) {
            if (c.dotR() > 0 && sameNearby(byName.get(key(c.text())), c.x(), c.y(), 24)) continue;
            if (c.dotR() > 0 && c.style() instanceof LabelStyle st && st.dot() != null && underMarker(drawn, c, mr)) {
                // the incident's marker stands on the town: its name is kept, its dot is not drawn over the marker
                c = new LabelPlacer.Candidate(c.text(), c.priority(), c.x(), c.y(), c.width(), c.height(), c.gap(),
                        c.dotR(), c.fixed(), c.leader(), st.withoutDot());
            }
            candidates.add(c);
        }
        List<LabelPlacer.Placed> placed = placer.place(candidates);
        // a vector export draws every label as vectors and real text where the screen stamps sprites
        VectorMarks vector = r.vector();
        Graphics2D g = null;
        for (LabelPlacer.Placed p : placed) {
            if (vector == null && p.candidate().style() instanceof LabelStyle st) {
                // a raster picture: the town dot stamped from a sprite made at its fraction of a pixel, the leader
                // drawn, the text stamped from a cached sprite (drawn once per text and style, at the box's
                // whole-pixel position), not outlined and stroked again each frame
                LabelPlacer.Candidate c = p.candidate();
                if (st.dot() != null && c.dotR() > 0) dots.stamp(r, st, c.x(), c.y(), c.dotR());
                if (p.leader()) {
                    if (g == null) g = r.graphics();
                    LabelStyle.paintLeader(g, p);
                }
                stamp(r, p, st);
                continue;
            }
            if (g == null) g = vector != null ? vector.graphics() : r.graphics();
            LabelStyle.paint(g, p, vector != null);
        }
        if (g != null && vector == null) g.dispose();
        return placed;
    }

    /**
     * A dense marker picture: one obstacle per occupied cell of {@link #DENSE_CELL_PX} pixels (the box around the
     * markers in it) instead of one per marker, so tens of thousands of markers cost one grid pass. Coarser than
     * the markers themselves, so fewer names fit among them: there was no room there anyway.
     */
    private static void denseObstacles(LabelPlacer placer, int w, int h, HitTester drawn, double r) {
        int cw = w / DENSE_CELL_PX + 1;
        int ch = h / DENSE_CELL_PX + 1;
        float[] box = new float[cw * ch * 4];   // min x, min y, max x, max y; min x NaN while empty
        java.util.Arrays.fill(box, Float.NaN);
        for (int k = 0; k < drawn.singles(); k++) {
            float x = drawn.singleX(k), y = drawn.singleY(k);
            if (!(x >= 0 && y >= 0 && x < w && y < h)) {
                obstacle(placer, w, h, x, y, r);   // outside the picture: a few, kept as they are
                continue;
            }
            int c = 4 * ((int) y / DENSE_CELL_PX * cw + (int) x / DENSE_CELL_PX);
            if (Float.isNaN(box[c])) {
                box[c] = x; box[c + 1] = y; box[c + 2] = x; box[c + 3] = y;
            } else {
                box[c] = Math.min(box[c], x); box[c + 1] = Math.min(box[c + 1], y);
                box[c + 2] = Math.max(box[c + 2], x); box[c + 3] = Math.max(box[c + 3], y);
            }
        }
        for (int c = 0; c < box.length; c += 4) {
            if (Float.isNaN(box[c])) continue;
            if (box[c] == box[c + 2] && box[c + 1] == box[c + 3]) {
                placer.obstacle(box[c], box[c + 1], r);   // one position: its label may still touch it
            } else {
                placer.reserve(new java.awt.geom.Rectangle2D.Double(box[c] - r, box[c + 1] - r,
                        box[c + 2] - box[c] + 2 * r, box[c + 3] - box[c + 1] + 2 * r));
            }
        }
    }

    /**
     * A marker's obstacle, unless its box lies wholly outside the picture (touching an edge at most): no label is
     * placed outside the picture, so it could not keep one away (a culled picture has thousands in its margin).
     */
    private static void obstacle(LabelPlacer placer, int w, int h, double x, double y, double r) {
        if (reaches(w, h, x, y, r)) placer.obstacle(x, y, r);
    }

    /** True when the obstacle of a marker at (x, y) of radius r reaches into a picture w × h (more than its edge). */
    static boolean reaches(int w, int h, double x, double y, double r) {
        double x0 = x - r, y0 = y - r, side = 2 * r;   // the obstacle's box as LabelPlacer makes it
        return x0 + side > 0 && y0 + side > 0 && x0 < w && y0 < h;
    }

    private List<LabelPlacer.Candidate> incidentCandidates(Selection sel, HitTester drawn, int selectedRow,
                                                           double mr) {
        List<LabelPlacer.Candidate> out = new ArrayList<>();
        if (sel == null || drawn.singles() == 0) return out;
        IncidentIndex ix = sel.index();
        // per place: markers drawn for it and where (rows of one place share one pixel, displaced or not); the
        // place refs index plain arrays kept between pictures, so tens of thousands of markers cost no boxing
        if (blankIndex.get() != ix) {
            blankIndex = new WeakReference<>(ix);
            blank = new byte[64];
        }
        List<double[]> places = new ArrayList<>();
        for (int k = 0; k < drawn.singles(); k++) {
            int row = drawn.singleRow(k);
            boolean selected = row == selectedRow;
            if (!selected && ix.geoPrecision(row) != 1) continue;
            int ref = ix.placeRef(row);
            if (ref >= blank.length) blank = java.util.Arrays.copyOf(blank, Math.max(ref + 1, 2 * blank.length));
            if (blank[ref] == 0) blank[ref] = (byte) (ix.place(row).isBlank() ? 1 : 2);
            if (blank[ref] == 1) continue;
            if (ref >= slot.length) {
                int old = slot.length;
                slot = java.util.Arrays.copyOf(slot, Math.max(ref + 1, 2 * old));
                java.util.Arrays.fill(slot, old, slot.length, -1);
            }
            double[] e;
            if (slot[ref] < 0) {
                e = new double[] {0, drawn.singleX(k), drawn.singleY(k), row, 0, ref};
                slot[ref] = places.size();
                places.add(e);
            } else {
                e = places.get(slot[ref]);
            }
            e[0]++;
            if (selected) {
                e[3] = row;
                e[4] = 1;
                e[1] = drawn.singleX(k);
                e[2] = drawn.singleY(k);
            }
        }
        for (double[] e : places) slot[(int) e[5]] = -1;
        // the busiest places first (ties by name, so the placement does not depend on hash order); past
        // MAX_PLACES a picture has no room left anyway, so the rest are not measured or tried
        List<double[]> order = places;
        order.sort(java.util.Comparator.<double[]>comparingDouble(e -> -(e[4] > 0 ? 1e9 : e[0]))
                .thenComparing(e -> ix.place((int) e[3])));
        for (double[] e : order.subList(0, Math.min(MAX_PLACES, order.size()))) {
            String name = ix.place((int) e[3]);
            double priority = e[4] > 0 ? SELECTED : INCIDENT + Math.min(99, e[0]);
            out.add(new LabelPlacer.Candidate(name, priority, e[1], e[2], style.width(name), style.height(name),
                    Math.max(markerGap, mr + 2), 0, false, out.size() < MAX_LEADERS, style));
        }
        return out;
    }

    /** True when a marker or disc drawn covers the town dot of {@code c} (checked for up to 5,000 markers). */
    private static boolean underMarker(HitTester drawn, LabelPlacer.Candidate c, double mr) {
        if (drawn.singles() > 5000) return false;
        double reach = mr + c.dotR();
        for (int k = 0; k < drawn.singles(); k++) {
            if (Math.hypot(drawn.singleX(k) - c.x(), drawn.singleY(k) - c.y()) < reach) return true;
        }
        for (int k = 0; k < drawn.clusters(); k++) {
            if (Math.hypot(drawn.clusterX(k) - c.x(), drawn.clusterY(k) - c.y()) < drawn.clusterRadius(k)) return true;
        }
        return false;
    }

    private static boolean sameNearby(List<double[]> at, double x, double y, double within) {
        if (at == null) return false;
        for (double[] p : at) if (Math.hypot(p[0] - x, p[1] - y) <= within) return true;
        return false;
    }

    /** A name reduced to its letters, lower case, for "the same town" (Ma`arrat / Maarrat). */
    static String key(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetter(c)) b.append(c);
        return b.toString();
    }

    /** A label's text in one style: the key of its sprite. */
    private record SpriteKey(LabelStyle style, String text) { }

    /** A label's sprite and the margin around its box (room for the halo). */
    private record Stamp(GlyphSprites.Sprite sprite, int pad) { }

    private void stamp(Raster r, LabelPlacer.Placed p, LabelStyle st) {
        String text = p.candidate().text();
        SpriteKey key = new SpriteKey(st, text);
        Stamp s = sprites.get(key);
        if (s == null) {
            if (sprites.size() > 4000) sprites.clear();
            // room for the halo's stroke around the measured box on every side
            int pad = (int) Math.ceil(2 * st.font().getSize2D() / 12f) + 1;
            int w = (int) Math.ceil(p.box().getWidth()) + 1 + 2 * pad;
            int h = (int) Math.ceil(p.box().getHeight()) + 1 + 2 * pad;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            st.draw(g, text, pad, pad);
            g.dispose();
            s = new Stamp(new GlyphSprites.Sprite(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), w, h,
                    w), pad);
            sprites.put(key, s);
        }
        GlyphSprites.stamp(r, s.sprite(), (int) Math.round(p.box().getX()) - s.pad(),
                (int) Math.round(p.box().getY()) - s.pad());
    }
}
