package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Histogram#spread} gives every bucket the share that walking the span day by day gives (the way it was
 * computed before a span whose visible part lies in one bucket was added directly): spans of one day to a year and
 * longer, starting and ending inside, on and outside the visible range, for days, weeks and months.
 */
class SpreadTest {
    /** The day-by-day walk: a share per run of days in one bucket. */
    private static void walk(int[] unc, int[] bucketOf, int first, int fromDay, int toDay, int day, int dayEnd,
                             int f, int pf) {
        int days = dayEnd - day + 1;
        int lo = Math.max(day, fromDay);
        int hi = Math.min(dayEnd, toDay);
        int given = lo - day;
        int b = bucketOf[lo - first];
        int runStart = lo;
        for (int dd = lo; dd <= hi + 1; dd++) {
            int bb = dd <= hi ? bucketOf[dd - first] : -1;
            if (bb != b) {
                int before = (int) ((long) given * Histogram.UNIT / days);
                given += dd - runStart;
                int after = (int) ((long) given * Histogram.UNIT / days);
                unc[b * f + pf] += after - before;
                b = bb;
                runStart = dd;
            }
        }
    }

    @Test
    void everySpanGetsTheSharesOfTheDayByDayWalk() {
        SplittableRandom rnd = new SplittableRandom(19);
        int f = 5;
        int[] lengths = {0, 1, 2, 6, 13, 27, 28, 29, 30, 89, 364, 365, 800};
        for (Bucket bucket : Bucket.values()) {
            for (int trial = 0; trial < 300; trial++) {
                int fromDay = 16_000 + rnd.nextInt(400);
                int toDay = fromDay + rnd.nextInt(700);
                Histogram.Bars a = Histogram.bars(bucket, fromDay, toDay, f);
                Histogram.Bars b = Histogram.bars(bucket, fromDay, toDay, f);
                for (int k = 0; k < 200; k++) {
                    int len = rnd.nextInt(4) == 0 ? rnd.nextInt(1000) : lengths[rnd.nextInt(lengths.length)];
                    int day = fromDay - len - 5 + rnd.nextInt(toDay - fromDay + len + 10);
                    int end = day + len;
                    if (day > toDay || end < fromDay) continue;
                    int pf = rnd.nextInt(f);
                    Histogram.spread(a.uncertain, a.bucketOf, a.first, fromDay, toDay, day, end, f, pf);
                    walk(b.uncertain, b.bucketOf, b.first, fromDay, toDay, day, end, f, pf);
                }
                assertThat(a.uncertain).as("%s, %d..%d, trial %d", bucket, fromDay, toDay, trial)
                        .isEqualTo(b.uncertain);
            }
        }
    }

    @Test
    void aSpanInsideOneBucketAddsAWholeIncidentThere() {
        Histogram.Bars bars = Histogram.bars(Bucket.MONTH, 19_000, 19_400, 1);
        int day = Bucket.MONTH.floor(19_100);
        int end = Bucket.MONTH.next(day) - 1;
        Histogram.spread(bars.uncertain, bars.bucketOf, bars.first, 19_000, 19_400, day + 3, end - 2, 1, 0);
        int b = bars.bucketOf[day - bars.first];
        assertThat(bars.uncertain[b]).isEqualTo(Histogram.UNIT);
        assertThat(java.util.Arrays.stream(bars.uncertain).sum()).isEqualTo(Histogram.UNIT);
    }
}
