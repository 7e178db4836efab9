package org.sitmap.index;

import java.util.Arrays;

/**
 * What the timeline counts, kept by day and primary faction instead of by row: for the rows a filter keeps (its
 * date window ignored), the exactly dated rows per day × faction, and the rows with a date span grouped by
 * (first day, last day, faction) with their number. Built in one pass over the index's primitive arrays (both
 * cores, {@link Split}), without materialising the selected rows; after that any bar width, visible range or
 * faction subset is a {@link Histogram} computed from the bins alone ({@link #histogram}), so a brush drag,
 * playback scrolling the view or switching a faction on and off touches bins, not rows.
 *
 * <p>The histogram is exactly {@link Histogram#of(Selection, Bucket, int, int)} of the same rows: a span group
 * spreads its shares once and adds them times its number, which is what its rows would each add.
 *
 * <p>Immutable once built; build on a worker thread.
 */
public final class DayBins {
    private final int factions;
    private final int firstDay;
    private final int days;
    /** Exactly dated rows: [(day - firstDay) * factions + faction]. */
    private final int[] exact;
    /** Span groups, sorted by first day: first day, last day, faction, rows. */
    private final int[] spanDay;
    private final int[] spanEnd;
    private final int[] spanFaction;
    private final int[] spanRows;

    private DayBins(int factions, int firstDay, int days, int[] exact, long[] groupKeys, int[] groupRows, int groups) {
        this.factions = factions;
        this.firstDay = firstDay;
        this.days = days;
        this.exact = exact;
        spanDay = new int[groups];
        spanEnd = new int[groups];
        spanFaction = new int[groups];
        spanRows = new int[groups];
        for (int g = 0; g < groups; g++) {
            long k = groupKeys[g];
            spanDay[g] = (int) (k >>> 40) + firstDay;
            spanEnd[g] = spanDay[g] + (int) ((k >>> 8) & 0xffffffL);
            spanFaction[g] = (int) (k & 0xff);
            spanRows[g] = groupRows[g];
        }
    }

    /**
     * The bins of the rows {@code filter} accepts ({@link IndexFilter#accepts}: every criterion but the date
     * window). With {@code allFactions} the filter's faction criterion is taken as "primary faction in the set"
     * and left to {@link #histogram}'s mask: pass a filter built without factions.
     */
    public static DayBins of(IncidentIndex ix, IndexFilter filter) {
        int f = ix.catalog().size();
        int n = ix.size();
        int first = ix.minDay();
        int days = n == 0 ? 1 : ix.maxDay() - first + 1;
        int[][] exactHalf = new int[2][];
        long[][] spanHalf = new long[2][];
        int[] spanCount = new int[2];
        Split.halves(n, (half, from, to) -> {
            int[] ex = new int[days * f];
            long[] spans = new long[Math.max(256, (to - from) >> 3)];   // rows with a span are few: an eighth
            int ns = 0;
            for (int r = from; r < to; r++) {
                if (!filter.accepts(r)) continue;
                int day = ix.day(r);
                int end = ix.dayEnd(r);
                int pf = ix.primaryFaction(r);
                if (end == day && ix.datePrecision(r) <= 1) {
                    ex[(day - first) * f + pf]++;
                } else {
                    if (ns == spans.length) spans = Arrays.copyOf(spans, ns * 2);
                    spans[ns++] = ((long) (day - first) << 40) | ((long) Math.min(end - day, 0xffffff) << 8) | pf;
                }
            }
            exactHalf[half] = ex;
            spanHalf[half] = spans;
            spanCount[half] = ns;
        });
        int[] exact = exactHalf[0];
        if (exactHalf[1] != null) {
            for (int k = 0; k < exact.length; k++) exact[k] += exactHalf[1][k];
        }
        // group equal spans: sort the keys of both halves and count runs
        int total = spanCount[0] + spanCount[1];
        long[] keys = Arrays.copyOf(spanHalf[0], total);
        if (spanCount[1] > 0) System.arraycopy(spanHalf[1], 0, keys, spanCount[0], spanCount[1]);
        Arrays.sort(keys, 0, total);
        int groups = 0;
        int[] rows = new int[Math.max(1, total)];
        for (int k = 0; k < total; k++) {
            if (groups > 0 && keys[groups - 1] == keys[k]) {
                rows[groups - 1]++;
            } else {
                keys[groups] = keys[k];
                rows[groups++] = 1;
            }
        }
        return new DayBins(f, first, days, exact, keys, rows, groups);
    }

    /**
     * The histogram of these rows over {@code fromDay..toDay} by {@code bucket}, counting only primary factions
     * whose bit is set in {@code factionMask} (-1: all).
     */
    public Histogram histogram(Bucket bucket, int fromDay, int toDay, long factionMask) {
        Histogram.Bars bars = Histogram.bars(bucket, fromDay, toDay, factions);
        int used = 0;
        int lo = Math.max(fromDay, firstDay);
        int hi = Math.min(toDay, firstDay + days - 1);
        for (int d = lo; d <= hi; d++) {
            int b = bars.bucketOf[d - bars.first] * factions;
            int off = (d - firstDay) * factions;
            for (int pf = 0; pf < factions; pf++) {
                int c = exact[off + pf];
                if (c == 0 || ((factionMask >>> pf) & 1L) == 0) continue;
                bars.counts[b + pf] += c;
                used += c;
            }
        }
        int[] one = new int[bars.counts.length];
        for (int g = 0; g < spanDay.length; g++) {
            int day = spanDay[g];
            int end = spanEnd[g];
            int pf = spanFaction[g];
            if (day > toDay || end < fromDay || ((factionMask >>> pf) & 1L) == 0) continue;
            int rows = spanRows[g];
            used += rows;
            if (rows == 1) {
                Histogram.spread(bars.uncertain, bars.bucketOf, bars.first, fromDay, toDay, day, end, factions, pf);
                continue;
            }
            // one row's shares, then times the group's rows (only the buckets its span touches)
            int b0 = bars.bucketOf[Math.max(day, fromDay) - bars.first];
            int b1 = bars.bucketOf[Math.min(end, toDay) - bars.first];
            Histogram.spread(one, bars.bucketOf, bars.first, fromDay, toDay, day, end, factions, pf);
            for (int b = b0; b <= b1; b++) {
                int k = b * factions + pf;
                bars.uncertain[k] += one[k] * rows;
                one[k] = 0;
            }
        }
        return bars.histogram(used);
    }
}
