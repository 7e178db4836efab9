package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void bucketsStartOnMondaysAndFirstDaysOfMonths() {
        assertThat(LocalDate.ofEpochDay(Bucket.WEEK.floor(day("2019-05-09"))).toString()).isEqualTo("2019-05-06");
        assertThat(LocalDate.ofEpochDay(Bucket.WEEK.floor(day("2019-05-06"))).toString()).isEqualTo("2019-05-06");
        assertThat(LocalDate.ofEpochDay(Bucket.WEEK.next(day("2019-05-12"))).toString()).isEqualTo("2019-05-13");
        assertThat(LocalDate.ofEpochDay(Bucket.WEEK.floor(day("1969-12-31"))).toString()).isEqualTo("1969-12-29");
        assertThat(LocalDate.ofEpochDay(Bucket.MONTH.floor(day("2016-02-29"))).toString()).isEqualTo("2016-02-01");
        assertThat(LocalDate.ofEpochDay(Bucket.MONTH.next(day("2016-02-29"))).toString()).isEqualTo("2016-03-01");
        assertThat(Bucket.DAY.next(day("2016-12-31"))).isEqualTo(day("2017-01-01"));
        assertThat(Bucket.forScale(5, 4)).isEqualTo(Bucket.DAY);
        assertThat(Bucket.forScale(1, 4)).isEqualTo(Bucket.WEEK);
        assertThat(Bucket.forScale(0.05, 4)).isEqualTo(Bucket.MONTH);
    }

    @Test
    void countsExactRowsPerBucketAndPrimaryFaction() {
        IncidentIndex ix = IncidentIndex.of(Fixtures.catalog(), List.of(
                Fixtures.incident(1, "2019-05-06", "A", 35, 36, SubEventType.SHELLING, "SAA"),
                Fixtures.incident(2, "2019-05-07", "A", 35, 36, SubEventType.SHELLING, "SAA", "HTS"),
                Fixtures.incident(3, "2019-05-13", "A", 35, 36, SubEventType.SHELLING, "HTS"),
                Fixtures.incident(4, "2019-07-01", "A", 35, 36, SubEventType.SHELLING, "HTS")));
        Histogram h = Histogram.of(Selection.all(ix), Bucket.WEEK, day("2019-05-01"), day("2019-05-31"));
        int saa = ix.catalog().ordinal("SAA");
        int hts = ix.catalog().ordinal("HTS");
        assertThat(h.start(0)).isEqualTo(day("2019-04-29"));
        assertThat(h.size()).isEqualTo(5);   // weeks of 29 Apr, 6, 13, 20, 27 May
        assertThat(h.count(1, saa)).isEqualTo(2);
        assertThat(h.count(2, hts)).isEqualTo(1);
        assertThat(h.total(0)).isZero();
        assertThat(h.rows()).isEqualTo(3);   // 1 July is outside the range
        assertThat(h.maxBar()).isEqualTo(2);
        assertThat(h.bucketOf(day("2019-05-14"))).isEqualTo(2);
        assertThat(h.bucketOf(day("2019-06-03"))).isEqualTo(-1);
    }

    @Test
    void spansAreSpreadOverTheBucketsTheyOverlapAsUncertain() {
        Incident month = Fixtures.incident(1, "2019-05-01", "A", 35, 36, SubEventType.SHELLING, "SAA").toBuilder()
                .datePrecision(DatePrecision.MONTH).build();
        Incident span = Fixtures.incident(2, "2019-05-06", "A", 35, 36, SubEventType.SHELLING, "HTS").toBuilder()
                .endDate(LocalDate.parse("2019-05-15")).build();   // ten days: 6-12 and 13-15 May
        IncidentIndex ix = IncidentIndex.of(Fixtures.catalog(), List.of(month, span));
        int saa = ix.catalog().ordinal("SAA");
        int hts = ix.catalog().ordinal("HTS");
        Histogram byMonth = Histogram.of(Selection.all(ix), Bucket.MONTH, day("2019-04-01"), day("2019-06-30"));
        assertThat(byMonth.total(1)).isZero();
        assertThat(byMonth.uncertain(1, saa)).isEqualTo(Histogram.UNIT);
        assertThat(byMonth.uncertain(1, hts)).isEqualTo(Histogram.UNIT);
        Histogram byWeek = Histogram.of(Selection.all(ix), Bucket.WEEK, day("2019-05-06"), day("2019-05-19"));
        assertThat(byWeek.uncertain(0, hts)).isEqualTo(700);
        assertThat(byWeek.uncertain(1, hts)).isEqualTo(300);
        // the month row: 7 of its 31 days in each visible week; the days outside the range are not counted
        assertThat(byWeek.uncertain(0, saa) + byWeek.uncertain(1, saa)).isBetween(14 * 1000 / 31 - 1, 14 * 1000 / 31 + 1);
        Histogram byDay = Histogram.of(Selection.all(ix), Bucket.DAY, day("2019-04-01"), day("2019-06-30"));
        int sum = 0;
        for (int b = 0; b < byDay.size(); b++) sum += byDay.uncertainTotal(b);
        assertThat(sum).isEqualTo(2 * Histogram.UNIT);
        assertThat(byDay.uncertain(byDay.bucketOf(day("2019-05-10")), hts)).isEqualTo(100);
    }

    @Test
    void theFilterWithoutItsDatesGivesContextOutsideTheBrush() {
        IncidentIndex ix = IncidentIndex.of(Fixtures.catalog(), List.of(
                Fixtures.incident(1, "2019-05-06", "A", 35, 36, SubEventType.SHELLING, "SAA"),
                Fixtures.incident(2, "2019-06-07", "A", 35, 36, SubEventType.SHELLING, "HTS"),
                Fixtures.incident(3, "2019-07-13", "A", 35, 36, SubEventType.SHELLING, "SAA")));
        FilterSpec spec = FilterSpec.ALL.withFactions(Set.of("SAA")).withDates(LocalDate.parse("2019-05-01"),
                LocalDate.parse("2019-05-31"));
        Selection context = new IndexFilter(ix, spec, null).apply(false);
        Histogram h = Histogram.of(context, Bucket.MONTH, day("2019-01-01"), day("2019-12-31"));
        assertThat(h.total(4)).isEqualTo(1);
        assertThat(h.total(5)).isZero();
        assertThat(h.total(6)).isEqualTo(1);
    }

    @Test
    void theDateFilterKeepsASpanOverlappingTheWindow() {
        Incident span = Fixtures.incident(1, "2019-05-01", "A", 35, 36, SubEventType.SHELLING, "SAA").toBuilder()
                .endDate(LocalDate.parse("2019-05-20")).build();
        Incident month = Fixtures.incident(2, "2019-04-01", "A", 35, 36, SubEventType.SHELLING, "SAA").toBuilder()
                .datePrecision(DatePrecision.MONTH).build();
        IncidentIndex ix = IncidentIndex.of(Fixtures.catalog(), List.of(span, month));
        FilterSpec window = FilterSpec.ALL.withDates(LocalDate.parse("2019-05-10"), LocalDate.parse("2019-05-12"));
        assertThat(new IndexFilter(ix, window, null).apply().count()).isEqualTo(1);
        FilterSpec april = FilterSpec.ALL.withDates(LocalDate.parse("2019-04-30"), LocalDate.parse("2019-05-02"));
        assertThat(new IndexFilter(ix, april, null).apply().count()).isEqualTo(2);
        FilterSpec june = FilterSpec.ALL.withDates(LocalDate.parse("2019-05-21"), LocalDate.parse("2019-06-02"));
        assertThat(new IndexFilter(ix, june, null).apply().count()).isZero();
    }
}
