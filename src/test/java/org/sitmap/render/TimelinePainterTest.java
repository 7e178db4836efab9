package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;

class TimelinePainterTest {
    private final FactionCatalog cat = Fixtures.catalog();

    /** Ten exact SAA rows on day 19000, one HTS span 19010..19019 (uncertain). */
    private IncidentIndex index() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 11);
        int saa = cat.ordinal("SAA");
        int hts = cat.ordinal("HTS");
        for (int k = 0; k < 10; k++) b.add(k + 1, 19000, 19000, 35, 36, 1L << saa, saa, 0, -1, 1, 1, -1, "A");
        b.add(99, 19010, 19019, 35, 36, 1L << hts, hts, 0, -1, 1, 1, -1, "B");
        return b.build();
    }

    @Test
    void barsAreStackedInFactionColoursAndSpansAreLighter() {
        IncidentIndex ix = index();
        TimelineScale s = new TimelineScale(420, 140, 18996, 19025);   // 30 days, 13.3 px a day: daily bars
        assertThat(TimelineRenderer.bucketFor(s)).isEqualTo(Bucket.DAY);
        Raster r = new Raster(420, 140);
        Histogram h = new TimelineRenderer().draw(r, new TimelineRenderer.Request(ix, FilterSpec.ALL, null, s,
                new TimelinePainter.Marks(18996, 19025, null)));
        assertThat(h.total(h.bucketOf(19000))).isEqualTo(10);
        int saaRgb = cat.byCode("SAA").orElseThrow().rgb() & 0xffffff;
        int x = (int) s.x(19000.5);
        assertThat(r.pixels()[(s.plotBottom() - 3) * 420 + x] & 0xffffff).isEqualTo(saaRgb);
        assertThat(r.pixels()[(s.plotTop() + 3) * 420 + x] & 0xffffff).isEqualTo(saaRgb);   // the tallest bar
        int htsRgb = cat.byCode("HTS").orElseThrow().rgb() & 0xffffff;
        int xs = (int) s.x(19012.5);
        int spanTop = s.plotBottom() - 2;   // one tenth of an incident a day: a low hatched bar
        boolean hatched = false;
        for (int y = spanTop - 3; y < s.plotBottom(); y++) {
            int p = r.pixels()[y * 420 + xs] & 0xffffff;
            if (p != htsRgb && p != 0xffffff) hatched = true;
        }
        assertThat(hatched).isTrue();
        // nothing drawn where there are no incidents
        assertThat(r.pixels()[(s.plotBottom() - 3) * 420 + (int) s.x(19005.5)] & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void theBrushedWindowLiesOnAWhiteGroundTheRestOnGrey() {
        IncidentIndex ix = index();
        TimelineScale s = new TimelineScale(420, 140, 18996, 19025);
        Raster r = new Raster(420, 140);
        new TimelineRenderer().draw(r, new TimelineRenderer.Request(ix, FilterSpec.ALL, null, s,
                new TimelinePainter.Marks(19008, 19020, null)));
        int inside = r.pixels()[60 * 420 + (int) s.x(19015.5)];
        int outside = r.pixels()[60 * 420 + (int) s.x(19003.5)];
        assertThat(inside & 0xff).isGreaterThan(outside & 0xff);
    }

    @Test
    void spansAndCoarseDatesAreDrawnLightOnTheMap() {
        IncidentIndex ix = index();
        int span = ix.rowOf(99);
        int exact = ix.rowOf(1);
        assertThat(IncidentPainter.styleOf(ix, span))
                .isEqualTo(MarkerSprites.key(ix.primaryFaction(span), 0, MarkerSprites.LIGHT));
        assertThat(IncidentPainter.styleOf(ix, exact)).isEqualTo(MarkerSprites.key(ix.primaryFaction(exact), 0, 0));
        assertThat(Selection.all(ix).count()).isEqualTo(11);
    }
}
