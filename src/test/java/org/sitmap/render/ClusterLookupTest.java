package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.BBox;
import org.sitmap.model.FactionCatalog;

/**
 * The cluster picture of a large selection looks a cell's rows up through the index's grid instead of bucketing
 * every row each frame; this shows the shortcut changes nothing: the same pixels, the same single markers, the same
 * clusters with the same rows (hover and click), the same position of any row, for all rows and for a part of them,
 * in AUTO mode (cells drawn as markers by the density rule) and in CLUSTERS mode.
 */
class ClusterLookupTest {
    private final FactionCatalog cat = Fixtures.catalog();

    /** Rows spread over Syria, stacked on a few towns, crowded around others, and some unlocated, in random order. */
    private IncidentIndex mixed(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] towns = new double[60][];
        for (int t = 0; t < towns.length; t++) towns[t] = new double[] {32.5 + r.nextDouble() * 4.7, 35.7 + r.nextDouble() * 6.5};
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        for (int i = 0; i < n; i++) {
            int f = r.nextInt(cat.size());
            double lat, lon;
            int kind = r.nextInt(10);
            double[] town = towns[r.nextInt(towns.length)];
            if (kind < 3) {   // sparse over the country
                lat = 32.5 + r.nextDouble() * 4.7;
                lon = 35.7 + r.nextDouble() * 6.5;
            } else if (kind < 7) {   // stacked on a town
                lat = town[0];
                lon = town[1];
            } else {   // around a town
                lat = town[0] + r.nextGaussian() * 0.05;
                lon = town[1] + r.nextGaussian() * 0.05;
            }
            int geo = kind == 9 && r.nextInt(20) == 0 ? 0 : 1 + r.nextInt(3);
            b.add(i + 1, 16000 + r.nextInt(3000), 16000 + r.nextInt(3000), lat, lon, 1L << f, f, r.nextInt(6), -1,
                    1 + r.nextInt(3), geo, -1, "P" + r.nextInt(500));
        }
        return b.build();
    }

    @Test
    void lookingUpACellsRowsDrawsAndHitsWhatBucketingThemDoes() {
        IncidentIndex ix = mixed(60_000, 3);
        int[] part = new int[ix.size()];
        int np = 0;
        for (int r = 0; r < ix.size(); r++) if (r % 3 != 1) part[np++] = r;   // two thirds: still looked up
        Viewport[] views = {Viewport.fit(new BBox(35.5, 32.3, 42.4, 37.4), 800, 500),
                new Viewport(35.2, 37.0, 9, 640, 400), new Viewport(33.5, 36.3, 11, 500, 300)};
        IncidentPainter.Options[] modes = {IncidentPainter.Options.DEFAULT,
                IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.CLUSTERS)};
        int spreadCells = 0, lookedUp = 0;
        for (Selection sel : new Selection[] {Selection.all(ix), new Selection(ix, part, np)}) {
            for (Viewport vp : views) {
                for (IncidentPainter.Options o : modes) {
                    IncidentPainter bucketing = new IncidentPainter(cat);
                    bucketing.lazyClusterRows(Integer.MAX_VALUE);
                    IncidentPainter lookup = new IncidentPainter(cat);
                    lookup.lazyClusterRows(1);
                    Raster a = new Raster(vp.width(), vp.height());
                    Raster b = new Raster(vp.width(), vp.height());
                    HitTester ha = bucketing.paint(a, vp, sel, o);
                    HitTester hb = lookup.paint(b, vp, sel, o);
                    String what = vp + " " + o.mode() + " " + sel.count();
                    assertThat(b.pixels()).as(what).isEqualTo(a.pixels());
                    assertThat(hb.drawnRows()).as(what).isEqualTo(ha.drawnRows());
                    assertThat(hb.singles()).as(what).isEqualTo(ha.singles());
                    for (int k = 0; k < ha.singles(); k++) {
                        assertThat(hb.singleRow(k)).isEqualTo(ha.singleRow(k));
                        assertThat(hb.singleX(k)).isEqualTo(ha.singleX(k));
                        assertThat(hb.singleY(k)).isEqualTo(ha.singleY(k));
                    }
                    assertThat(hb.clusters()).as(what).isEqualTo(ha.clusters());
                    for (int c = 0; c < ha.clusters(); c++) {
                        assertThat(hb.clusterX(c)).isEqualTo(ha.clusterX(c));
                        assertThat(hb.clusterY(c)).isEqualTo(ha.clusterY(c));
                        assertThat(hb.clusterRadius(c)).isEqualTo(ha.clusterRadius(c));
                        assertThat(hb.clusterRows(c)).as(what).isEqualTo(ha.clusterRows(c));
                        HitTester.Hit x = ha.hit(ha.clusterX(c), ha.clusterY(c), 0);
                        HitTester.Hit y = hb.hit(ha.clusterX(c), ha.clusterY(c), 0);
                        assertThat(y.row()).isEqualTo(x.row());
                        assertThat(y.clusterRows()).isEqualTo(x.clusterRows());
                    }
                    assertThat(hb.clusterOfRows(ix.size())).isEqualTo(ha.clusterOfRows(ix.size()));
                    for (int r = 0; r < ix.size(); r += 97) {
                        assertThat(hb.positionOf(r)).as("row %d %s", r, what).isEqualTo(ha.positionOf(r));
                    }
                    if (o.mode() == IncidentPainter.Mode.AUTO) spreadCells += ha.singles();
                    lookedUp += ha.clusters();
                }
            }
        }
        assertThat(spreadCells).as("cells drawn as markers").isPositive();
        assertThat(lookedUp).as("clusters").isPositive();
    }
}
