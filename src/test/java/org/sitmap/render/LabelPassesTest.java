package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;
import org.sitmap.render.label.LabelPlacer;

/**
 * The names of a picture of many markers, whose candidates are gathered on the split's helper while the calling
 * thread makes the markers' obstacles, are those of the two passes one after the other on one thread: the same
 * labels in the same places and order, and the same pixels.
 */
class LabelPassesTest {
    private final FactionCatalog cat = Fixtures.catalog();

    @Test
    void gatheringCandidatesBesideTheObstaclesPlacesTheSameNames() {
        IncidentIndex ix = towns(300, 240, 41);
        IncidentPainter.Options markers = IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.MARKERS);
        // a dense picture (obstacles merged by cell) and one of singles (an obstacle each), both past the bound
        for (Viewport vp : new Viewport[] {new Viewport(35.0, 38.0, 9, 640, 400),
                new Viewport(35.0, 38.0, 9.6, 640, 400)}) {
            Raster base = new Raster(vp.width(), vp.height());
            HitTester hits = new IncidentPainter(cat).paint(base, vp, Selection.all(ix), markers);
            assertThat(hits.singles()).isGreaterThan(LabelPainter.CONCURRENT_MARKERS);
            LabelPainter serial = new LabelPainter();
            serial.concurrentFrom = Integer.MAX_VALUE;
            Raster a = copy(base);
            List<LabelPlacer.Placed> pa = serial.paint(a, vp, Selection.all(ix), hits, -1, List.of(), 5, List.of());
            Raster b = copy(base);
            List<LabelPlacer.Placed> pb = new LabelPainter().paint(b, vp, Selection.all(ix), hits, -1, List.of(), 5,
                    List.of());
            assertThat(pa).isNotEmpty();
            assertThat(pb).isEqualTo(pa);
            assertThat(b.pixels()).isEqualTo(a.pixels());
        }
    }

    /** {@code perTown} incidents a few pixels around each of {@code towns} places scattered over the views. */
    private IncidentIndex towns(int towns, int perTown, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, towns * perTown);
        double[] lat = new double[towns];
        double[] lon = new double[towns];
        for (int t = 0; t < towns; t++) {
            lat[t] = 34.5 + r.nextDouble();
            lon[t] = 37.1 + 1.8 * r.nextDouble();
        }
        for (int i = 0; i < towns * perTown; i++) {
            int t = r.nextInt(towns);
            int f = r.nextInt(cat.size());
            b.add(i + 1, 16000 + r.nextInt(3000), 16000 + r.nextInt(3000), lat[t] + 0.01 * r.nextGaussian(),
                    lon[t] + 0.01 * r.nextGaussian(), 1L << f, f, r.nextInt(6), -1, 1 + r.nextInt(3),
                    r.nextInt(10) < 8 ? 1 : 2, -1, "Town " + t);
        }
        return b.build();
    }

    private static Raster copy(Raster r) {
        Raster c = new Raster(r.width(), r.height());
        System.arraycopy(r.pixels(), 0, c.pixels(), 0, r.pixels().length);
        return c;
    }
}
