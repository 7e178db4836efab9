package org.sitmap.export;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitmap.index.Selection;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.LegendPainter;
import org.sitmap.render.MarkingPainter;
import org.sitmap.render.NorthArrowPainter;
import org.sitmap.render.Raster;
import org.sitmap.render.ScaleBarPainter;
import org.sitmap.render.TextBlockPainter;
import org.sitmap.render.TextBlockPainter.Line;
import org.sitmap.render.TextBlockPainter.Style;
import org.sitmap.render.VectorMarks;
import org.sitmap.render.Viewport;
import org.sitmap.render.basemap.BasemapPainter;
import org.sitmap.tiles.MbTilesSource;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileComposer;
import org.sitmap.tiles.TileOrigin;
import org.sitmap.tiles.TileSource;

/**
 * Composes a map snapshot into one {@link Raster}, with the same painters as the screen: basemap (vector basemap
 * and whatever tiles the chain has, {@link TileComposer}) → incidents and town labels ({@link MapFramePainter}, as the
 * window's map layer draws them, with the screen's options) → legend of what is shown → scale bar true at the centre latitude → north arrow → title,
 * subtitle, date range and active filters → attribution → creation date → marking bands at top and bottom.
 * At a paper density every symbol and text is scaled by {@code dpi / 96}, so the page looks like the screen at
 * print size.
 *
 * <p>Threading: not thread-safe (painters keep scratch arrays); one renderer per export thread. Blocks on tile
 * downloads when the chain is online.
 */
public final class SnapshotRenderer {
    private static final int MARGIN = 12;
    private static final int GAP = 6;
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final TileChain chain;
    private MapFramePainter frame;
    private double frameScale;

    /** @param chain where basemap tiles come from ({@code TileChain.forExport(offline, pack)}) */
    public SnapshotRenderer(TileChain chain) {
        this.chain = chain;
    }

    /**
     * What one snapshot needs besides the spec.
     *
     * @param shown       the incidents that pass the spec's filter
     * @param dataSources the sources of those incidents, for the attribution (may be empty)
     * @param created     the creation time printed on the map
     * @param caption     a caption replacing the date range line (animation frames), or null
     */
    public record Content(Selection shown, List<String> dataSources, ZonedDateTime created, String caption) {
        public Content {
            dataSources = List.copyOf(dataSources);
        }
    }

    /** A rendered snapshot: the pixels, the viewport they show and which tile sources contributed. */
    public record Result(Raster raster, Viewport viewport, Set<TileOrigin> tiles) { }

    /** Renders a whole snapshot. */
    public Result render(SnapshotSpec spec, Content content) {
        Result base = basemap(spec, content.shown());
        drawOver(base.raster(), spec, base.viewport(), base.tiles(), content);
        return base;
    }

    /** The basemap alone (an animation draws it once and copies it under every frame). */
    public Result basemap(SnapshotSpec spec, Selection shown) {
        Viewport vp = spec.viewport(shown);
        Raster r = new Raster(vp.width(), vp.height());
        Set<TileOrigin> used;
        double s = spec.scale();
        if (s == 1.0) {
            used = TileComposer.compose(chain, vp, r);
        } else {
            Viewport screen = spec.screenViewport(shown);
            Graphics2D g = r.graphics();
            try {
                g.translate((vp.width() - screen.width() * s) / 2, (vp.height() - screen.height() * s) / 2);
                g.scale(s, s);
                BasemapPainter painter = chain.local().painter();
                painter.paintGround(g, screen);
            } finally {
                g.dispose();
            }
            used = EnumSet.of(TileOrigin.LOCAL);
            used.addAll(TileComposer.overlay(chain, vp, r));
        }
        return new Result(r, vp, used);
    }

    /** Draws incidents and every decoration of {@code spec} over a raster that holds the basemap of {@code vp}. */
    public void drawOver(Raster r, SnapshotSpec spec, Viewport vp, Set<TileOrigin> tiles, Content content) {
        paintIncidents(r, spec, vp, tiles, content);
        Graphics2D g = r.graphics();
        try {
            decorate(g, spec, tiles, content);
        } finally {
            g.dispose();
        }
    }

    /**
     * As {@link #drawOver(Raster, SnapshotSpec, Viewport, Set, Content)} for a vector export: the incidents,
     * labels and decorations are drawn as vectors and text into {@code g} (a PDF page in the viewport's pixel
     * coordinates) by the same painters; a heat surface goes in as an image.
     */
    public void drawOver(Graphics2D g, SnapshotSpec spec, Viewport vp, Set<TileOrigin> tiles, Content content) {
        Raster marks = new Raster(vp.width(), vp.height());
        VectorMarks vector = new VectorMarks(g);
        marks.drawVectors(vector);
        paintIncidents(marks, spec, vp, tiles, content);
        vector.flushPixels(marks);
        Graphics2D d = (Graphics2D) g.create();
        try {
            decorate(d, spec, tiles, content);
        } finally {
            d.dispose();
        }
    }

    /**
     * The incidents and every name on the map (incident places and, over the local basemap, its towns, roads and
     * areas), placed around the decorations' boxes so that no name hides under one.
     */
    private void paintIncidents(Raster r, SnapshotSpec spec, Viewport vp, Set<TileOrigin> tiles, Content content) {
        Selection shown = content.shown();
        double s = spec.scale();
        // the local basemap's names are placed with the incidents' labels; tiles from elsewhere carry their own
        boolean basemapNames = tiles.size() == 1 && tiles.contains(TileOrigin.LOCAL);
        Viewport screen = spec.screenViewport(shown);
        // lay the decorations out first (into a throwaway picture), so that no name hides under a box or a band
        List<java.awt.geom.Rectangle2D> reserved = new ArrayList<>();
        java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Graphics2D layout = scratch.createGraphics();
        try {
            for (Rectangle box : decorate(layout, screen.width(), screen.height(), spec, screen, tiles, content)) {
                reserved.add(new java.awt.geom.Rectangle2D.Double(box.x * s, box.y * s, box.width * s,
                        box.height * s));
            }
        } finally {
            layout.dispose();
        }
        MapFramePainter frame = frame(s);
        IncidentPainter.Options o = frame.scaled(IncidentPainter.Options.DEFAULT.withMode(spec.mode()));
        frame.paintIncidents(r, vp, shown != null && shown.count() > 0 ? shown : null, o, spec.shows(Element.LABELS),
                basemapNames, reserved);
    }

    private void decorate(Graphics2D g, SnapshotSpec spec, Set<TileOrigin> tiles, Content content) {
        double s = spec.scale();
        Viewport screen = spec.screenViewport(content.shown());
        g.scale(s, s);
        decorate(g, screen.width(), screen.height(), spec, screen, tiles, content);
    }

    private MapFramePainter frame(double s) {
        if (frame == null || frameScale != s) {
            frame = new MapFramePainter(s);
            frameScale = s;
        }
        return frame;
    }

    /**
     * Lays out the decorations in a picture of w × h screen pixels (elements sharing a corner are stacked) and
     * returns their boxes (the marking bands included).
     */
    private List<Rectangle> decorate(Graphics2D g, int w, int h, SnapshotSpec spec, Viewport screen,
                                     Set<TileOrigin> tiles, Content content) {
        List<Rectangle> boxes = new ArrayList<>();
        int band = spec.shows(Element.MARKING) ? MarkingPainter.HEIGHT : 0;
        Map<Corner, Integer> used = new EnumMap<>(Corner.class);
        for (Corner c : Corner.values()) used.put(c, band);
        int maxText = (int) (w * 0.45);
        for (Element e : Element.values()) {
            boolean captionOnly = e == Element.FILTERS && !spec.shows(e) && content.caption() != null;
            if ((!spec.shows(e) && !captionOnly) || e.defaultCorner() == null) continue;
            Corner c = spec.corner(e);
            int off = used.get(c);
            boolean top = c == Corner.TOP_LEFT || c == Corner.TOP_RIGHT;
            Graphics2D gg = (Graphics2D) g.create();
            Rectangle box;
            try {
                if (top) gg.translate(0, off);
                int hh = h - off;
                box = switch (e) {
                    case TITLE -> TextBlockPainter.paint(gg, w, hh, List.of(new Line(spec.title(), Style.TITLE),
                            new Line(spec.subtitle(), Style.SUBTITLE)), c, MARGIN, (int) (w * 0.62));
                    case FILTERS -> TextBlockPainter.paint(gg, w, hh, captionOnly
                            ? List.of(new Line(content.caption(), Style.SUBTITLE)) : filterLines(spec, content),
                            c, MARGIN, maxText);
                    case LEGEND -> legend(gg, w, hh, inView(content.shown(), screen), c);
                    case CREATED -> TextBlockPainter.paint(gg, w, hh, List.of(new Line("Created "
                            + CREATED.format(content.created().withZoneSameInstant(ZoneOffset.UTC)), Style.SMALL)),
                            c, MARGIN, maxText);
                    case SCALE_BAR -> ScaleBarPainter.paint(gg, w, hh, screen, c, MARGIN);
                    case ATTRIBUTION -> TextBlockPainter.paint(gg, w, hh, attribution(tiles, content.dataSources()),
                            c, MARGIN, maxText);
                    case NORTH_ARROW -> NorthArrowPainter.paint(gg, w, hh, c, MARGIN);
                    default -> new Rectangle();
                };
            } finally {
                gg.dispose();
            }
            if (box.height > 0) used.put(c, off + box.height + GAP);
            if (box.height > 0) boxes.add(new Rectangle(box.x, box.y + (top ? off : 0), box.width, box.height));
        }
        if (spec.shows(Element.MARKING)) {
            MarkingPainter.paint(g, w, h, spec.marking());
            boxes.add(new Rectangle(0, 0, w, MarkingPainter.HEIGHT));
            boxes.add(new Rectangle(0, h - MarkingPainter.HEIGHT, w, MarkingPainter.HEIGHT));
        }
        return boxes;
    }

    /** The located rows of {@code sel} that fall inside the picture (the legend lists only what is shown). */
    static Selection inView(Selection sel, Viewport vp) {
        if (sel == null) return null;
        org.sitmap.index.IncidentIndex ix = sel.index();
        int[] rows = new int[sel.count()];
        int n = 0;
        double world = vp.worldPixels(), ox = vp.originX(), oy = vp.originY();
        for (int k = 0; k < sel.count(); k++) {
            int r = sel.row(k);
            if (ix.geoPrecision(r) == 0 || !ix.located(r)) continue;
            double x = ix.mercX(r) * world - ox, y = ix.mercY(r) * world - oy;
            if (x >= 0 && y >= 0 && x < vp.width() && y < vp.height()) rows[n++] = r;
        }
        return new Selection(ix, rows, n);
    }

    private static Rectangle legend(Graphics2D g, int w, int h, Selection shown, Corner c) {
        if (shown == null) return new Rectangle();
        LegendPainter.Model m = LegendPainter.Model.of(shown);
        if (m.factions().isEmpty()) return new Rectangle();
        return LegendPainter.paint(g, w, h, m, c, MARGIN, true);
    }

    /** The date range (or the caption) and the active filters. */
    static List<Line> filterLines(SnapshotSpec spec, Content content) {
        List<Line> lines = new ArrayList<>();
        String range = content.caption() != null ? content.caption() : FilterText.dateRange(spec.filter(), content.shown());
        lines.add(new Line(range, Style.SUBTITLE));
        int n = content.shown() == null ? 0 : content.shown().count();
        lines.add(new Line(n + (n == 1 ? " incident" : " incidents") + " shown", Style.BODY));
        for (String f : FilterText.describe(spec.filter())) lines.add(new Line(f, Style.BODY));
        return lines;
    }

    /** Attribution lines: the basemap's sources, tile providers used, the data sources. */
    List<Line> attribution(Set<TileOrigin> tiles, List<String> dataSources) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Basemap: " + BasemapPainter.attribution(), Style.SMALL));
        if (tiles.contains(TileOrigin.OPENSTREETMAP)) {
            lines.add(new Line(TileOrigin.OPENSTREETMAP.attribution(), Style.SMALL));
        }
        if (tiles.contains(TileOrigin.MBTILES)) {
            for (TileSource src : chain.sources()) {
                if (src instanceof MbTilesSource m && !m.attribution().isBlank()) {
                    lines.add(new Line("Tiles: " + m.attribution(), Style.SMALL));
                }
            }
        }
        if (!dataSources.isEmpty()) lines.add(new Line("Data: " + String.join("; ", dataSources), Style.SMALL));
        return lines;
    }
}
