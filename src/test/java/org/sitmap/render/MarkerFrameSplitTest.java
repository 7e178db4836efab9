package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;

/**
 * The marker picture's shortcuts change nothing drawn: culling by the index's grid finds the rows a pass over the
 * whole selection finds (all rows and a part of them), and stamping the raster's two halves on two threads gives
 * the pixels of stamping on one.
 */
class MarkerFrameSplitTest {
    private final FactionCatalog cat = Fixtures.catalog();

    @Test
    void aZoomedInPictureCulledByTheGridEqualsThePictureOfTheRowsInView() {
        IncidentIndex ix = Fixtures.random(cat, 3 * IncidentPainter.NEAR_ROWS, 21);
        Viewport vp = new Viewport(34.9, 37.3, 10.5, 640, 400);
        Selection all = Selection.all(ix);
        int[] part = new int[ix.size()];
        int np = 0;
        for (int r = 0; r < ix.size(); r += 3) part[np++] = r;
        for (Selection sel : new Selection[] {all, new Selection(ix, part, np)}) {
            // the rows near the view (50 px around it): a selection this small takes the full pass
            int[] inView = new int[sel.count()];
            int nv = 0;
            for (int k = 0; k < sel.count(); k++) {
                int r = sel.row(k);
                double x = vp.x(ix.lon(r)), y = vp.y(ix.lat(r));
                if (x > -50 && y > -50 && x < vp.width() + 50 && y < vp.height() + 50) inView[nv++] = r;
            }
            assertThat(nv).isBetween(100, IncidentPainter.NEAR_ROWS - 1);
            double world = vp.worldPixels();
            int[] near = IncidentPainter.nearRows(sel, vp.originX() / world, vp.originY() / world,
                    (vp.originX() + vp.width()) / world, (vp.originY() + vp.height()) / world);
            assertThat(near).as("grid cull used").isNotNull().isSorted();
            int[] sorted = sel.rows().clone();
            for (int r : near) assertThat(Arrays.binarySearch(sorted, 0, sel.count(), r)).isNotNegative();

            IncidentPainter.Options markers = IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.MARKERS);
            Raster culled = new Raster(vp.width(), vp.height());
            HitTester a = new IncidentPainter(cat).paint(culled, vp, sel, markers);
            Raster scanned = new Raster(vp.width(), vp.height());
            HitTester b = new IncidentPainter(cat).paint(scanned, vp, new Selection(ix, inView, nv), markers);
            assertThat(a.singles()).isEqualTo(b.singles()).isPositive();
            for (int k = 0; k < a.singles(); k++) assertThat(a.singleRow(k)).isEqualTo(b.singleRow(k));
            assertThat(culled.pixels()).isEqualTo(scanned.pixels());
        }
    }

    @Test
    void aClusterPictureOfManyRowsListsEachRowOnceInSelectionOrder() {
        IncidentIndex ix = Fixtures.random(cat, 120_000, 5);   // binned and bucketed as two halves
        Viewport vp = Viewport.fit(new org.sitmap.model.BBox(35.5, 32.3, 42.4, 37.4), 800, 500);
        HitTester hits = new IncidentPainter(cat).paint(new Raster(800, 500), vp, Selection.all(ix),
                IncidentPainter.Options.DEFAULT);
        assertThat(hits.clusters()).isPositive();
        java.util.BitSet seen = new java.util.BitSet(ix.size());
        for (int c = 0; c < hits.clusters(); c++) {
            int[] rows = hits.hit(hits.clusterX(c), hits.clusterY(c), 0).clusterRows();
            assertThat(rows).isSorted();
            for (int r : rows) {
                assertThat(seen.get(r)).isFalse();
                seen.set(r);
            }
        }
        for (int k = 0; k < hits.singles(); k++) seen.set(hits.singleRow(k));
        int located = 0;
        for (int r = 0; r < ix.size(); r++) if (ix.geoPrecision(r) > 0) located++;
        assertThat(seen.cardinality()).isEqualTo(located);
    }

    @Test
    void stampingTwoBandsGivesThePixelsOfStampingOnce() {
        MarkerSprites sprites = new MarkerSprites(cat, 5);
        SplittableRandom rnd = new SplittableRandom(8);
        int w = 300, h = 200, n = 5000;
        int[] key = new int[n], x = new int[n], y = new int[n];
        for (int k = 0; k < n; k++) {
            key[k] = MarkerSprites.key(rnd.nextInt(cat.size()), rnd.nextInt(6), rnd.nextInt(4));
            x[k] = rnd.nextInt(w + 20) - 10;   // some off the edges
            y[k] = rnd.nextInt(h + 20) - 10;
        }
        Raster once = new Raster(w, h);
        for (int k = 0; k < n; k++) sprites.stamp(once, key[k], x[k], y[k]);
        Raster bands = new Raster(w, h);
        for (int k = 0; k < n; k++) sprites.prepare(bands, key[k]);
        for (int k = 0; k < n; k++) sprites.stampBand(bands, key[k], x[k], y[k], h / 2, h);   // bottom first
        for (int k = 0; k < n; k++) sprites.stampBand(bands, key[k], x[k], y[k], 0, h / 2);
        assertThat(bands.pixels()).isEqualTo(once.pixels());
    }

    @Test
    void manyRowsInViewGiveTheTargetsAndPixelsOfOnePassOnOneThread() {
        IncidentIndex ix = Fixtures.random(cat, 300_000, 33);
        Viewport vp = new Viewport(34.85, 39.0, 8, 640, 400);
        int[] part = new int[ix.size()];
        int np = 0;
        for (int r = 0; r < ix.size(); r += 2) part[np++] = r;
        IncidentPainter.Options markers = IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.MARKERS);
        // every row: a dense view (crowded cells keep their top row); every other row: under the dense rule's bound
        for (Selection sel : new Selection[] {Selection.all(ix), new Selection(ix, part, np)}) {
            IncidentPainter one = new IncidentPainter(cat);
            one.stampBands = 1;
            one.collect.splitRows = Integer.MAX_VALUE;
            Raster a = new Raster(vp.width(), vp.height());
            HitTester ha = one.paint(a, vp, sel, markers);
            assertThat(ha.singles() > IncidentPainter.DENSE_ROWS).isEqualTo(sel.count() == ix.size());
            for (int bands : new int[] {2, 7, IncidentPainter.STAMP_BANDS}) {
                IncidentPainter two = new IncidentPainter(cat);
                two.stampBands = bands;
                two.collect.splitRows = 1000;
                Raster b = new Raster(vp.width(), vp.height());
                HitTester hb = two.paint(b, vp, sel, markers);
                assertThat(hb.singles()).isEqualTo(ha.singles()).isGreaterThan(MarkerCollect.SPLIT_ROWS);
                for (int k = 0; k < ha.singles(); k++) {
                    assertThat(hb.singleRow(k)).isEqualTo(ha.singleRow(k));
                    assertThat(hb.singleX(k)).isEqualTo(ha.singleX(k));
                    assertThat(hb.singleY(k)).isEqualTo(ha.singleY(k));
                }
                assertThat(b.pixels()).as("%d bands", bands).isEqualTo(a.pixels());
            }
        }
    }

    @Test
    void bandsCutTheRasterInOrderWithoutEmptyBands() {
        int[] ys = {5, 5, 5, 5, 5, 5, 90, 91, 92, -4, 130};
        assertThat(IncidentPainter.bandEdges(ys, ys.length, 100, 4)).startsWith(0).endsWith(100).isSorted()
                .doesNotHaveDuplicates();
        assertThat(IncidentPainter.bandEdges(ys, ys.length, 100, 1)).containsExactly(0, 100);
        assertThat(IncidentPainter.bandEdges(new int[0], 0, 100, 4)).containsExactly(0, 100);
        int[] even = new int[1000];
        for (int k = 0; k < even.length; k++) even[k] = k / 10;
        assertThat(IncidentPainter.bandEdges(even, even.length, 100, 4)).containsExactly(0, 25, 50, 75, 100);
    }
}
