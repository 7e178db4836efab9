package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.model.BBox;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;

/**
 * The timeline's bins give exactly the histogram counted row by row: exact days, spans of weeks and months spread
 * in thousandths, every bar width, visible ranges cutting spans, a faction subset as a mask, and a pass large
 * enough to be split over two threads.
 */
class DayBinsTest {
    @Test
    void binsGiveTheSameBarsAsTheRows() {
        FactionCatalog cat = Fixtures.catalog();
        IncidentIndex ix = random(cat, 120_000, 3);   // above Split.MIN_ROWS: both halves run
        FilterSpec spec = FilterSpec.ALL.withBbox(new BBox(36.0, 33.0, 40.0, 37.0))
                .withFactionRule(org.sitmap.model.FactionRule.PRIMARY);
        Set<String> factions = Set.of("SAA", "HTS", "ISIS");
        long mask = 0;
        for (String c : factions) mask |= 1L << cat.ordinal(c);
        DayBins bins = DayBins.of(ix, new IndexFilter(ix, spec, null));
        Selection all = new IndexFilter(ix, spec, null).apply(false);
        Selection some = new IndexFilter(ix, spec.withFactions(factions), null)
                .apply(false);
        int[][] ranges = {{ix.minDay(), ix.maxDay()}, {ix.minDay() + 100, ix.minDay() + 400},
                {ix.minDay() + 17, ix.minDay() + 18}, {ix.maxDay() - 45, ix.maxDay() + 30}};
        for (Bucket b : Bucket.values()) {
            for (int[] r : ranges) {
                same(bins.histogram(b, r[0], r[1], -1L), Histogram.of(all, b, r[0], r[1]));
                same(bins.histogram(b, r[0], r[1], mask), Histogram.of(some, b, r[0], r[1]));
            }
        }
    }

    @Test
    void aSmallAreaOrATextMatchCountsOnlyTheirRowsAndGivesTheFullPassesBars() {
        FactionCatalog cat = Fixtures.catalog();
        IncidentIndex ix = random(cat, 150_000, 11);
        SplittableRandom rnd = new SplittableRandom(5);
        long[] text = new long[20_000];
        for (int k = 0; k < text.length; k++) text[k] = 1 + rnd.nextInt(150_000);
        FilterSpec box = FilterSpec.ALL.withBbox(new BBox(36.2, 33.4, 37.9, 34.6));   // a small part of the rows
        FilterSpec lasso = FilterSpec.ALL.withArea(java.util.List.of(new double[] {36.0, 33.0},
                new double[] {38.5, 33.2}, new double[] {37.0, 35.1}));
        Object[][] cases = {{box, null}, {lasso, null}, {FilterSpec.ALL, text}, {box, text}};
        for (Object[] c : cases) {
            FilterSpec spec = ((FilterSpec) c[0]).withFactionRule(org.sitmap.model.FactionRule.PRIMARY);
            long[] ids = (long[]) c[1];
            IndexFilter filter = new IndexFilter(ix, spec, ids);
            long[] candidates = DayBins.candidates(ix, filter);
            assertThat(candidates).as("a sparse candidate set is used").isNotNull();
            DayBins bins = DayBins.of(ix, filter);
            Selection rows = filter.apply(false);
            for (Bucket b : new Bucket[] {Bucket.DAY, Bucket.MONTH}) {
                same(bins.histogram(b, ix.minDay(), ix.maxDay(), -1L), Histogram.of(rows, b, ix.minDay(), ix.maxDay()));
            }
        }
        // a large area is one pass over every row
        assertThat(DayBins.candidates(ix, new IndexFilter(ix, FilterSpec.ALL.withBbox(new BBox(35, 32, 43, 38)), null)))
                .isNull();
    }

    @Test
    void manyDistinctSpanLengthsGiveTheSameBars() {
        // more distinct lengths than SpanCounts keeps as day arrays: the rest are listed row by row
        FactionCatalog cat = Fixtures.catalog();
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 110_000;
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        int start = (int) java.time.LocalDate.of(2018, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            int day = start + rnd.nextInt(900);
            int end = rnd.nextInt(3) == 0 ? day : day + 1 + rnd.nextInt(5 * DayBins.SpanCounts.LENGTHS);
            int pf = rnd.nextInt(cat.size());
            b.add(i + 1, day, end, 35, 38, 1L << pf, pf, 0, -1, 1, 1, 0, "p");
        }
        IncidentIndex ix = b.build();
        IndexFilter filter = new IndexFilter(ix, FilterSpec.ALL, null);
        DayBins bins = DayBins.of(ix, filter);
        for (Bucket bucket : new Bucket[] {Bucket.DAY, Bucket.WEEK}) {
            same(bins.histogram(bucket, ix.minDay() + 30, ix.maxDay() - 30, -1L),
                    Histogram.of(filter.apply(false), bucket, ix.minDay() + 30, ix.maxDay() - 30));
        }
    }

    @Test
    void frequentLengthsMovedFromTheTableToDayArraysMidPassGiveTheSameBars() {
        // a short day range (few slots), so lengths pass the promotion count early: each frequent length has rows
        // in the list (before it is promoted) and in its day array (after), more than LENGTHS of them are frequent,
        // and spans longer than the counted lengths are always listed
        FactionCatalog cat = Fixtures.catalog();
        SplittableRandom rnd = new SplittableRandom(21);
        int n = 130_000;
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        int start = (int) java.time.LocalDate.of(2019, 3, 1).toEpochDay();
        int frequent = DayBins.SpanCounts.LENGTHS + 4;
        for (int i = 0; i < n; i++) {
            int day = start + rnd.nextInt(60);
            int kind = rnd.nextInt(10);
            int end = kind < 3 ? day : kind < 9 ? day + 1 + rnd.nextInt(frequent)
                    : day + (rnd.nextBoolean() ? 1100 + rnd.nextInt(40) : 100 + rnd.nextInt(800));
            int pf = rnd.nextInt(cat.size());
            b.add(i + 1, day, end, 35, 38, 1L << pf, pf, 0, -1, 1, 1, 0, "p");
        }
        IncidentIndex ix = b.build();
        IndexFilter filter = new IndexFilter(ix, FilterSpec.ALL, null);
        DayBins bins = DayBins.of(ix, filter);
        Selection rows = filter.apply(false);
        for (Bucket bucket : Bucket.values()) {
            same(bins.histogram(bucket, ix.minDay(), ix.maxDay(), -1L), Histogram.of(rows, bucket, ix.minDay(), ix.maxDay()));
            same(bins.histogram(bucket, ix.minDay() + 20, ix.minDay() + 700, 0b1011L),
                    Histogram.of(new IndexFilter(ix, FilterSpec.ALL.withFactions(Set.of(cat.get(0).code(),
                            cat.get(1).code(), cat.get(3).code())).withFactionRule(org.sitmap.model.FactionRule.PRIMARY),
                            null).apply(false), bucket, ix.minDay() + 20, ix.minDay() + 700));
        }
        // the counting itself: every row once, in a day array or the list
        DayBins.SpanCounts counts = new DayBins.SpanCounts(60 * cat.size());
        int[] total = {0};
        for (int r = 0; r < ix.size(); r++) {
            if (ix.dayEnd(r) != ix.day(r)) counts.add((ix.day(r) - ix.minDay()) * cat.size() + ix.primaryFaction(r),
                    ix.dayEnd(r) - ix.day(r));
        }
        int spans = 0;
        for (int r = 0; r < ix.size(); r++) if (ix.dayEnd(r) != ix.day(r)) spans++;
        counts.forEach((slot, len, k) -> total[0] += k);
        assertThat(total[0]).isEqualTo(spans);
        assertThat(counts.denseLengths()).isEqualTo(DayBins.SpanCounts.LENGTHS);
    }

    @Test
    void anEmptyIndexHasEmptyBars() {
        IncidentIndex ix = IncidentIndex.empty(Fixtures.catalog());
        Histogram h = DayBins.of(ix, new IndexFilter(ix, FilterSpec.ALL, null)).histogram(Bucket.DAY, 0, 10, -1L);
        assertThat(h.rows()).isZero();
        assertThat(h.maxBar()).isZero();
    }

    private static void same(Histogram got, Histogram want) {
        assertThat(got.size()).isEqualTo(want.size());
        assertThat(got.rows()).isEqualTo(want.rows());
        for (int b = 0; b < want.size(); b++) {
            assertThat(got.start(b)).isEqualTo(want.start(b));
            for (int f = 0; f < want.factions(); f++) {
                assertThat(got.count(b, f)).as("count %d %d", b, f).isEqualTo(want.count(b, f));
                assertThat(got.uncertain(b, f)).as("uncertain %d %d", b, f).isEqualTo(want.uncertain(b, f));
            }
        }
    }

    /** Rows over four years: 80 % exact days, the rest week, month or odd spans (UCDP start..end). */
    static IncidentIndex random(FactionCatalog cat, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        int start = (int) java.time.LocalDate.of(2016, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            int day = start + rnd.nextInt(1460);
            int kind = rnd.nextInt(10);
            int precision = kind < 8 ? 1 : kind == 8 ? 2 : 3;
            int end = precision == 2 ? day + 6 : precision == 3 ? day + 29 : rnd.nextInt(20) == 0 ? day + rnd.nextInt(12) : day;
            int pf = rnd.nextInt(cat.size());
            b.add(i + 1, day, end, 32 + rnd.nextDouble() * 5.5, 35.5 + rnd.nextDouble() * 7, 1L << pf, pf, 0, -1,
                    precision, 1, 0, "p" + rnd.nextInt(50));
        }
        return b.build();
    }
}
