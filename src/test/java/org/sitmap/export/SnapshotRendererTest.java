package org.sitmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitmap.model.BBox;
import org.sitmap.render.Corner;
import org.sitmap.render.Raster;
import org.sitmap.render.ScaleBarPainter;
import org.sitmap.render.Viewport;
import org.sitmap.render.basemap.BasemapPainter;
import org.sitmap.tiles.LocalTileSource;
import org.sitmap.tiles.TileChain;

/** Layout of the decorations: switched off, moved, scaled for print. */
class SnapshotRendererTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.parse("2026-01-02T03:04:00Z");
    private final TileChain local = new TileChain(List.of(), new LocalTileSource(BasemapPainter.shared()));

    private Raster render(SnapshotSpec spec) {
        return new SnapshotRenderer(local).render(spec, new SnapshotRenderer.Content(null, List.of(), WHEN, null)).raster();
    }

    private static boolean sameRegion(Raster a, Raster b, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (a.pixels()[y * a.width() + x] != b.pixels()[y * b.width() + x]) return false;
            }
        }
        return true;
    }

    @Test
    void elementsCanBeSwitchedOffAndMoved() {
        SnapshotSpec base = SnapshotSpec.defaults().withPixels(800, 500).withBbox(new BBox(36, 35, 37.5, 36.3))
                .withTexts("A title", "", "");
        Map<Element, Corner> none = base.elementsCopy();
        none.keySet().removeIf(e -> e != Element.LABELS);
        Raster bare = render(base.withElements(none));
        Raster full = render(base);
        assertThat(sameRegion(bare, full, 0, 0, 200, 60)).as("title drawn top left").isFalse();
        assertThat(sameRegion(bare, full, 0, 440, 200, 60)).as("scale bar drawn bottom left").isFalse();
        Map<Element, Corner> moved = base.elementsCopy();
        moved.put(Element.TITLE, Corner.BOTTOM_RIGHT);
        moved.remove(Element.FILTERS);
        moved.remove(Element.ATTRIBUTION);
        moved.remove(Element.NORTH_ARROW);
        Raster m = render(base.withElements(moved));
        assertThat(sameRegion(bare, m, 0, 0, 300, 100)).as("nothing left top left").isTrue();
        assertThat(sameRegion(bare, m, 600, 440, 200, 60)).as("title bottom right").isFalse();
    }

    @Test
    void markingBandsAtTopAndBottomPushOverlaysInside() {
        SnapshotSpec base = SnapshotSpec.defaults().withPixels(600, 400).withTexts("", "", "SECRET");
        Raster r = render(base);
        // the bands: a dark red rule under the top band and over the bottom one
        int top = r.pixels()[(22) * 600 + 300] & 0xffffff;
        int bottom = r.pixels()[(400 - 24) * 600 + 300] & 0xffffff;
        assertThat(top).isEqualTo(0x960000);
        assertThat(bottom).isEqualTo(0x960000);
    }

    @Test
    void printScaleKeepsTheAreaAndTheScaleBarTrue() {
        SnapshotSpec print = SnapshotSpec.defaults().withCenter(35.9, 36.6, 9).withPaper(Paper.A4, true, 300);
        Viewport s = print.screenViewport(null);   // what the analyst sees: 1123 x 794 screen pixels
        Viewport p = print.viewport(null);         // the printed pixels
        assertThat(s.width()).isEqualTo(1123);
        assertThat(p.width()).isEqualTo(3508);
        assertThat(p.lon(0)).isCloseTo(s.lon(0), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(p.lat(p.height())).isCloseTo(s.lat(s.height()), org.assertj.core.data.Offset.offset(1e-3));
        // the scale bar is drawn in screen units (scaled by dpi/96): one screen pixel is `scale` printed pixels
        assertThat(s.metresPerPixel()).isCloseTo(p.metresPerPixel() * print.scale(),
                org.assertj.core.data.Offset.offset(s.metresPerPixel() * 1e-9));
        assertThat(ScaleBarPainter.niceMetres(s.metresPerPixel(), ScaleBarPainter.MAX_PX)).isEqualTo(20_000);
    }
}
