package org.sitmap.render;

import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

/**
 * One frame of the incident layer as the window shows it: incidents (markers, clusters or heat), the town labels
 * of the places drawn (not in heat mode) and the scale bar, over a transparent background. The window's map layer,
 * the benchmark and the snapshot export all draw through this, so what is measured and exported is what is seen.
 * Not thread-safe: one instance per drawing thread (it caches sprites).
 */
public final class MapFramePainter {
    private final LabelPainter labels = new LabelPainter();
    private IncidentPainter painter;
    private FactionCatalog painterCatalog;

    /**
     * Clears {@code r} and draws the selection over {@code vp}; {@code sel} may be null (only the scale bar).
     *
     * @return where the incidents were drawn, for hover and click
     */
    public HitTester paint(Raster r, Viewport vp, Selection sel, IncidentPainter.Options o) {
        r.clear(0);
        HitTester hits = HitTester.EMPTY;
        if (sel != null) {
            hits = incidents(sel.index().catalog()).paint(r, vp, sel, o);
            if (o.mode() != IncidentPainter.Mode.HEAT) labels.paint(r, vp, sel, hits);
        }
        ScaleBarPainter.paint(r, vp, Corner.BOTTOM_LEFT);
        return hits;
    }

    /** The incident painter for {@code catalog} (made again when the catalog changes). */
    public IncidentPainter incidents(FactionCatalog catalog) {
        if (painter == null || painterCatalog != catalog) {
            painter = new IncidentPainter(catalog);
            painterCatalog = catalog;
        }
        return painter;
    }
}
