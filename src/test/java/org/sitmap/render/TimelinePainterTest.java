package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

class TimelinePainterTest {
    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    @Test
    void barsInFactionColourSpansLighterOutsideTheBrushDimmed() {
        FactionCatalog cat = org.sitmap.index.Fixtures.catalog();
        List<Incident> l = new java.util.ArrayList<>();
        for (int k = 0; k < 10; k++) {
            l.add(org.sitmap.index.Fixtures.incident(k + 1, "2020-06-10", "A", 35, 36, SubEventType.SHELLING, "SDF"));
        }
        l.add(Incident.builder().id(99).sourceKey("t:99").date(LocalDate.parse("2020-06-01"))
                .datePrecision(DatePrecision.MONTH).place("B").position(35.0, 36.0)
                .subEventType(SubEventType.SHELLING).eventType(SubEventType.SHELLING.type()).actor("x", "SDF").build());
        IncidentIndex ix = IncidentIndex.of(cat, l);
        Histogram h = Histogram.of(Selection.all(ix), day("2020-06-01"), day("2020-06-30"), Bucket.DAY);
        Raster r = new Raster(300, 100);
        TimelinePainter.View v = new TimelinePainter.View(day("2020-06-01"), day("2020-06-30"), day("2020-06-08"),
                day("2020-06-12"));
        new TimelinePainter(cat).paint(r, h, v);
        int sdf = 0xff000000 | cat.byCode("SDF").orElseThrow().rgb();
        int barsBottom = 100 - TimelinePainter.AXIS - 1;
        int x10 = (int) v.x(day("2020-06-10"), 300) + 4;
        assertThat(r.pixels()[barsBottom * 300 + x10]).isEqualTo(sdf);
        // 20 June: only the month-precision share, lighter than the faction colour and dimmed (outside the brush)
        int x20 = (int) v.x(day("2020-06-20"), 300) + 4;
        int p = r.pixels()[barsBottom * 300 + x20];
        assertThat(p).isNotEqualTo(sdf);
        assertThat(p).isNotEqualTo(0xfffafafa);
        // the top of the strip above the bars is background inside the brush, dimmed outside
        int inside = r.pixels()[20 * 300 + (int) v.x(day("2020-06-09"), 300) + 4];
        int outside = r.pixels()[20 * 300 + x20];
        assertThat(inside).isEqualTo(0xfffafafa);
        assertThat(outside).isNotEqualTo(inside);
    }
}
