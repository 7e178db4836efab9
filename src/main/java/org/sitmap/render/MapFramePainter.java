package org.sitmap.render;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

/**
 * One frame of the incident layer as the window shows it: incidents (markers, clusters or heat), the map's names
 * (the places drawn, not in heat mode, and the basemap's towns, roads and areas, placed together by one label
 * placer) and the scale bar, over a transparent background. The window's map layer,
 * the benchmark and the snapshot export all draw through this, so what is measured and exported is what is seen.
 * Not thread-safe: one instance per drawing thread (it caches sprites).
 */
public final class MapFramePainter {
    private final LabelPainter labels;
    private final double scale;
    private final org.sitmap.render.basemap.BasemapPainter basemap =
            org.sitmap.render.basemap.BasemapPainter.shared();
    private IncidentPainter painter;
    private List<org.sitmap.render.label.LabelPlacer.Placed> lastLabels = List.of();
    private FactionCatalog painterCatalog;
    private Viewport candidatesView;
    private List<org.sitmap.render.label.LabelPlacer.Candidate> candidates = List.of();

    /** The screen's frame painter. */
    public MapFramePainter() {
        this(1);
    }

    /** @param scale symbol and text size relative to the screen (dpi / 96 for print exports; 1 on screen) */
    public MapFramePainter(double scale) {
        this.scale = scale;
        this.labels = scale == 1 ? new LabelPainter()
                : new LabelPainter(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(12 * scale)),
                (int) Math.round(7 * scale));
    }

    /**
     * Clears {@code r} and draws the selection over {@code vp}; {@code sel} may be null (only the scale bar).
     *
     * @return where the incidents were drawn, for hover and click
     */
    public HitTester paint(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o) {
        return paint(r, vp, sel, o, true);
    }

    /**
     * As {@link #paint(Raster, Viewport, Selection, IncidentPainter.Options)}; {@code basemapNames} false leaves
     * out the local basemap's names (when the tiles under the frame come from elsewhere and carry their own).
     */
    public HitTester paint(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o, boolean basemapNames) {
        r.clear(0);
        HitTester hits = paint(r, vp, sel, o, true, basemapNames,
                List.of(new Rectangle2D.Double(0, r.height() - 56, ScaleBarPainter.MAX_PX + 40, 56)));
        ScaleBarPainter.paint(r, vp, Corner.BOTTOM_LEFT);
        return hits;
    }

    /**
     * Draws incidents and the map's names over whatever {@code r} holds, without clearing it and without the scale
     * bar (an export places its own decorations): the incidents' place names (unless {@code withLabels} is false
     * or in heat mode) and, with {@code basemapNames}, the basemap's town, road and area names, all placed together
     * by one label placer (the basemap tiles under the frame carry no names).
     */
    public HitTester paintIncidents(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o,
                                    boolean withLabels, boolean basemapNames) {
        return paint(r, vp, sel, o, withLabels, basemapNames, List.of());
    }

    /** As above, keeping the {@code reserved} areas (an export's legend, title, bands) free of names. */
    public HitTester paintIncidents(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o,
                                    boolean withLabels, boolean basemapNames, List<Rectangle2D> reserved) {
        return paint(r, vp, sel, o, withLabels, basemapNames, reserved);
    }

    private HitTester paint(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o, boolean withLabels,
                            boolean basemapNames, List<Rectangle2D> reserved) {
        HitTester hits = HitTester.EMPTY;
        IncidentPainter painter = null;
        if (sel != null) {
            painter = incidents(sel.index().catalog());
            hits = painter.paint(r, vp, sel, o);
        }
        boolean incidentNames = sel != null && withLabels && o.mode() != IncidentPainter.Mode.HEAT;
        lastLabels = List.of();
        if (!incidentNames && !basemapNames) return hits;
        List<org.sitmap.render.label.LabelPlacer.Candidate> base = basemapNames ? basemapCandidates(vp) : List.of();
        lastLabels = labels.paint(r, vp, incidentNames ? sel : null, hits, o.selectedRow(), base,
                painter == null ? 5 * scale : painter.sprites().radius(), reserved);
        return hits;
    }

    /**
     * The basemap's names for {@code vp}, kept while the view does not change (a brush drag, playback and a filter
     * change draw frame after frame over the same view): they depend on the view alone.
     */
    private List<org.sitmap.render.label.LabelPlacer.Candidate> basemapCandidates(Viewport vp) {
        if (!vp.equals(candidatesView)) {
            candidates = basemap.labelCandidates(vp, scale);
            candidatesView = vp;
        }
        return candidates;
    }

    /** The labels of the last frame drawn, in placement order (for tests and diagnostics). */
    public List<org.sitmap.render.label.LabelPlacer.Placed> lastLabels() { return lastLabels; }

    /** The incident painter for {@code catalog} (made again when the catalog changes). */
    public IncidentPainter incidents(FactionCatalog catalog) {
        if (painter == null || painterCatalog != catalog) {
            painter = scale == 1 ? new IncidentPainter(catalog)
                    : new IncidentPainter(catalog, (int) Math.round(5 * scale));
            painterCatalog = catalog;
        }
        return painter;
    }

    /** The options the screen uses, adapted to this painter's scale (cluster cell and split zoom grow with it). */
    public IncidentPainter.Options scaled(IncidentPainter.Options o) {
        if (scale == 1) return o;
        return new IncidentPainter.Options(o.mode(), (int) Math.round(o.clusterPx() * scale),
                o.splitZoom() + Math.log(scale) / Math.log(2), o.selectedRow());
    }
}
