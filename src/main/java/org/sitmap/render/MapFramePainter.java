package org.sitmap.render;

import java.awt.Font;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

/**
 * One frame of the incident layer as the window shows it: incidents (markers, clusters or heat), the town labels
 * of the places drawn (not in heat mode) and the scale bar, over a transparent background. The window's map layer,
 * the benchmark and the snapshot export all draw through this, so what is measured and exported is what is seen.
 * Not thread-safe: one instance per drawing thread (it caches sprites).
 */
public final class MapFramePainter {
    private final LabelPainter labels;
    private final double scale;
    private IncidentPainter painter;
    private FactionCatalog painterCatalog;

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
        r.clear(0);
        HitTester hits = paintIncidents(r, vp, sel, o, true);
        ScaleBarPainter.paint(r, vp, Corner.BOTTOM_LEFT);
        return hits;
    }

    /**
     * Draws incidents and (unless {@code withLabels} is false or in heat mode) their town labels over whatever
     * {@code r} holds, without clearing it and without the scale bar (an export places its own decorations).
     */
    public HitTester paintIncidents(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o,
                                    boolean withLabels) {
        HitTester hits = HitTester.EMPTY;
        if (sel != null) {
            hits = incidents(sel.index().catalog()).paint(r, vp, sel, o);
            if (withLabels && o.mode() != IncidentPainter.Mode.HEAT) labels.paint(r, vp, sel, hits);
        }
        return hits;
    }

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
