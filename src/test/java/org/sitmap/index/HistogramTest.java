package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitmap.index.Fixtures.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

class HistogramTest {
    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    private final IncidentIndex index = IncidentIndex.of(Fixtures.catalog(), List.of(
            incident(1, "2020-06-01", "A", 35.5, 36.5, SubEventType.ARMED_CLASH, "SAA"),
            incident(2, "2020-06-02", "A", 35.5, 36.5, SubEventType.ARMED_CLASH, "SAA", "SDF"),
            incident(3, "2020-06-09", "B", 35.5, 36.5, SubEventType.SHELLING, "SDF"),
            incident(4, "2020-07-15", "B", 35.5, 36.5, SubEventType.SHELLING, "HTS"),
            Incident.builder().id(5).sourceKey("t:5").date(LocalDate.parse("2020-06-01"))
                    .datePrecision(DatePrecision.MONTH).place("C").position(35.8, 36.3)
                    .subEventType(SubEventType.AIR_DRONE_STRIKE).actor("Moscow", "RUS").build()));
    private final int saa = index.catalog().ordinal("SAA");
    private final int sdf = index.catalog().ordinal("SDF");
    private final int rus = index.catalog().ordinal("RUS");
    private final int hts = index.catalog().ordinal("HTS");

    @Test
    void bucketsFloorToDayMondayAndFirstOfMonth() {
        assertThat(Bucket.WEEK.floor(day("2020-06-03"))).isEqualTo(day("2020-06-01")); // a Wednesday → Monday
        assertThat(Bucket.WEEK.floor(day("2020-06-01"))).isEqualTo(day("2020-06-01"));
        assertThat(Bucket.WEEK.floor(day("1969-12-31"))).isEqualTo(day("1969-12-29"));
        assertThat(Bucket.WEEK.next(day("2020-06-07"))).isEqualTo(day("2020-06-08"));
        assertThat(Bucket.MONTH.floor(day("2020-02-29"))).isEqualTo(day("2020-02-01"));
        assertThat(Bucket.MONTH.next(day("2020-02-29"))).isEqualTo(day("2020-03-01"));
        assertThat(Bucket.DAY.next(day("2020-02-29"))).isEqualTo(day("2020-03-01"));
        int[] s = Bucket.MONTH.starts(day("2020-01-15"), day("2020-03-02"));
        assertThat(s).containsExactly(day("2020-01-01"), day("2020-02-01"), day("2020-03-01"), day("2020-04-01"));
    }

    @Test
    void bucketFollowsZoom() {
        assertThat(Bucket.forZoom(60, 1200, 4)).isEqualTo(Bucket.DAY);
        assertThat(Bucket.forZoom(2 * 365, 1200, 4)).isEqualTo(Bucket.WEEK);
        assertThat(Bucket.forZoom(10 * 365, 1200, 4)).isEqualTo(Bucket.MONTH);
    }

    @Test
    void countsExactRowsPerBucketAndPrimaryFaction() {
        Histogram h = Histogram.of(Selection.all(index), day("2020-06-01"), day("2020-07-31"), Bucket.MONTH);
        assertThat(h.buckets()).isEqualTo(2);
        assertThat(h.exact(0, saa)).isEqualTo(2); // the SAA+SDF incident stacks under its primary faction
        assertThat(h.exact(0, sdf)).isEqualTo(1);
        assertThat(h.exact(1, hts)).isEqualTo(1);
        assertThat(h.exact(0, rus)).isZero();
        assertThat(h.uncertain(0, rus)).isEqualTo(1f); // the June month-precision strike: all in June
        assertThat(h.total(0)).isEqualTo(4f);
        assertThat(h.max()).isEqualTo(4f);
    }

    @Test
    void spansAreSpreadOverTheBucketsTheyOverlap() {
        Histogram h = Histogram.of(Selection.all(index), day("2020-06-01"), day("2020-06-30"), Bucket.WEEK);
        float sum = 0;
        for (int b = 0; b < h.buckets(); b++) {
            assertThat(h.uncertain(b, rus)).isLessThan(0.25f); // never a full incident on one week
            sum += h.uncertain(b, rus);
        }
        assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        // first week of June 2020 (Mon 1 - Sun 7): 7 of 30 days
        assertThat(h.uncertain(0, rus)).isCloseTo(7f / 30, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(h.exact(1, sdf)).isEqualTo(1);
    }

    @Test
    void rowsOutsideTheRangeAreNotCountedAndSpansAreClipped() {
        Histogram h = Histogram.of(Selection.all(index), day("2020-06-16"), day("2020-06-17"), Bucket.DAY);
        assertThat(h.buckets()).isEqualTo(2);
        assertThat(h.total(0)).isCloseTo(1f / 30, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(h.exact(0, saa) + h.exact(1, saa)).isZero();
        assertThat(h.bucketOf(day("2020-06-17"))).isEqualTo(1);
        assertThat(h.bucketOf(day("2020-06-18"))).isEqualTo(-1);
    }

    @Test
    void followsTheSelectionItIsGiven() {
        Selection onlySdf = new IndexFilter(index, FilterSpec.ALL.withFactions(Set.of("SDF")), null,
                IndexFilter.FactionRule.PRIMARY).apply();
        Histogram h = Histogram.of(onlySdf, day("2020-06-01"), day("2020-07-31"), Bucket.MONTH);
        assertThat(h.total(0)).isEqualTo(1f);
        assertThat(h.exact(0, sdf)).isEqualTo(1);
        assertThat(h.exact(0, saa)).isZero();
    }

    @Test
    void primaryRuleDropsAnIncidentWhoseColourIsOffAnyRuleKeepsIt() {
        FilterSpec noSaa = FilterSpec.ALL.withFactions(Set.of("SDF", "RUS", "HTS"));
        assertThat(new IndexFilter(index, noSaa, null, IndexFilter.FactionRule.PRIMARY).apply().count()).isEqualTo(3);
        assertThat(new IndexFilter(index, noSaa, null).apply().count()).isEqualTo(4);
    }
}
