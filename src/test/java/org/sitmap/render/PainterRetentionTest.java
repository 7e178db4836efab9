package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;

/**
 * A painter lives as long as its window, across the stores the window opens and every index a team store grows into;
 * once a picture of an index is drawn and its hit tester let go, the painter must not keep that index reachable
 * (at ten million incidents an index is 500 MB: the bench's heap after opening a store held two of them).
 */
class PainterRetentionTest {
    @Test
    void aPaintedIndexIsNotKeptAliveByThePainter() {
        MapFramePainter painter = new MapFramePainter();
        Raster r = new Raster(400, 300);
        // zoomed in far enough for single markers with labels: the label painter's per-index cache is filled
        Viewport vp = new Viewport(35.5, 36.6, 7, 400, 300);
        WeakReference<IncidentIndex> first = paintOnce(painter, r, vp, 1);
        assertThat(first.get()).as("the test must hold nothing itself").isNull();
        // a second index painted keeps the painter's caches in use for that one
        WeakReference<IncidentIndex> second = paintOnce(painter, r, vp, 2);
        assertThat(second.get()).isNull();
    }

    /** Paints a fresh index and returns a weak reference to it after trying hard to collect it. */
    private static WeakReference<IncidentIndex> paintOnce(MapFramePainter painter, Raster r, Viewport vp, long seed) {
        WeakReference<IncidentIndex> ref = paint(painter, r, vp, seed);
        for (int k = 0; k < 50 && ref.get() != null; k++) {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) pressure[j] = new byte[1 << 16];
        }
        return ref;
    }

    private static WeakReference<IncidentIndex> paint(MapFramePainter painter, Raster r, Viewport vp, long seed) {
        IncidentIndex ix = Fixtures.random(Fixtures.catalog(), 300, seed);
        HitTester hits = painter.paint(r, vp, Selection.all(ix), IncidentPainter.Options.DEFAULT);
        assertThat(hits.singles()).as("labelled single markers drawn").isPositive();
        return new WeakReference<>(ix);
    }
}
