package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

/**
 * The marker picture keeps its lists of rows near and in view between frames: a painter that drew other views and
 * selections before (larger and smaller lists, the grid's cull and the full pass, one half and two) draws the same
 * pixels and hit targets as a new painter.
 */
class MarkerScratchTest {
    private final FactionCatalog cat = Fixtures.catalog();

    @Test
    void aPainterThatDrewOtherFramesDrawsWhatANewOneDraws() {
        IncidentIndex ix = Fixtures.random(cat, 3 * IncidentPainter.NEAR_ROWS, 33);
        int[] part = new int[ix.size()];
        int np = 0;
        for (int r = 0; r < ix.size(); r += 7) part[np++] = r;
        Selection all = Selection.all(ix);
        Selection some = new Selection(ix, part, np);
        Viewport[] views = {new Viewport(34.9, 37.3, 10.5, 640, 400), new Viewport(35.5, 36.8, 12, 500, 300),
            new Viewport(34.9, 37.3, 8, 640, 400), new Viewport(34.6, 36.9, 11, 700, 420)};
        IncidentPainter.Options markers = IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.MARKERS);
        IncidentPainter reused = new IncidentPainter(cat);
        int drawn = 0;
        for (int round = 0; round < 2; round++) {
            for (Viewport vp : views) {
                for (Selection sel : new Selection[] {all, some}) {
                    Raster a = new Raster(vp.width(), vp.height());
                    HitTester ha = reused.paint(a, vp, sel, markers);
                    Raster b = new Raster(vp.width(), vp.height());
                    HitTester hb = new IncidentPainter(cat).paint(b, vp, sel, markers);
                    assertThat(a.pixels()).isEqualTo(b.pixels());
                    assertThat(ha.singles()).isEqualTo(hb.singles());
                    for (int k = 0; k < ha.singles(); k++) {
                        assertThat(ha.singleRow(k)).isEqualTo(hb.singleRow(k));
                        assertThat(ha.singleX(k)).isEqualTo(hb.singleX(k));
                        assertThat(ha.singleY(k)).isEqualTo(hb.singleY(k));
                    }
                    drawn += ha.singles();
                }
            }
        }
        assertThat(drawn).isPositive();
    }
}
