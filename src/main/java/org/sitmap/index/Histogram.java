package org.sitmap.index;

/**
 * Incidents per time bucket and primary faction over a visible day range: the data of the timeline's stacked bars,
 * computed without any toolkit into primitive arrays.
 *
 * <p><b>Exact and uncertain.</b> A row known to the day ({@code dayEnd == day}) is counted once, in
 * {@link #exact()}, in the bucket of its day. A row whose date is a span — known only to a week or month
 * (its precision leaves {@code day..dayEnd} open) or lasting several days (UCDP {@code date_start..date_end}) —
 * is <em>spread</em> over {@link #uncertain()}: each bucket its span overlaps gets the fraction of the span's
 * days that fall in it (a June month-precision event in a weekly view adds ~0.23 to each June week). So the sum
 * of both arrays over all buckets is the number of rows in range, and no span is drawn as if it had one exact day.
 * Rows outside {@code fromDay..toDay} are not counted (spans are clipped to it).
 *
 * <p>Array layout: {@code [bucket * factions + faction]}, faction = catalog ordinal of the row's primary faction.
 * Immutable after {@link #of}; any thread.
 */
public final class Histogram {
    private final Bucket bucket;
    private final int[] starts;
    private final int factions;
    private final int[] exact;
    private final float[] uncertain;
    private final float[] totals;
    private final float max;

    private Histogram(Bucket bucket, int[] starts, int factions, int[] exact, float[] uncertain) {
        this.bucket = bucket;
        this.starts = starts;
        this.factions = factions;
        this.exact = exact;
        this.uncertain = uncertain;
        int n = starts.length - 1;
        totals = new float[n];
        float m = 0;
        for (int b = 0; b < n; b++) {
            float t = 0;
            for (int f = 0; f < factions; f++) t += exact[b * factions + f] + uncertain[b * factions + f];
            totals[b] = t;
            m = Math.max(m, t);
        }
        max = m;
    }

    /**
     * Counts the rows of {@code sel} whose span overlaps {@code fromDay..toDay} (inclusive) into buckets of
     * {@code bucket}. Cost: the rows of the range only (the selection is sorted by day, so the range is found by
     * binary search), plus a day-to-bucket table of the range's length.
     */
    public static Histogram of(Selection sel, int fromDay, int toDay, Bucket bucket) {
        if (toDay < fromDay) throw new IllegalArgumentException("empty day range " + fromDay + ".." + toDay);
        IncidentIndex ix = sel.index();
        int factions = Math.max(1, ix.catalog().factions().size());
        int[] starts = bucket.starts(fromDay, toDay);
        int n = starts.length - 1;
        int base = starts[0];
        int len = starts[n] - base;
        int[] bucketOf = new int[len];
        for (int b = 0; b < n; b++) for (int d = starts[b]; d < starts[b + 1]; d++) bucketOf[d - base] = b;
        int[] exact = new int[n * factions];
        float[] uncertain = new float[n * factions];
        int[] rows = sel.rows();
        int count = sel.count();
        int first = firstAtOrAfter(ix, rows, count, (int) Math.max(Integer.MIN_VALUE, (long) fromDay - ix.maxSpan()));
        int last = starts[n] - 1;
        for (int k = first; k < count; k++) {
            int r = rows[k];
            int d0 = ix.day(r);
            if (d0 > toDay) break;
            int d1 = ix.dayEnd(r);
            int pf = Math.min(ix.primaryFaction(r), factions - 1);
            if (d1 == d0) {
                if (d0 >= fromDay) exact[bucketOf[d0 - base] * factions + pf]++;
                continue;
            }
            if (d1 < fromDay) continue;
            float perDay = 1f / (d1 - d0 + 1);
            int a = Math.max(d0, base);
            int z = Math.min(d1, last);
            int b = bucketOf[a - base];
            int bEnd = bucketOf[z - base];
            for (; b <= bEnd; b++) {
                int lo = Math.max(a, starts[b]);
                int hi = Math.min(z, starts[b + 1] - 1);
                uncertain[b * factions + pf] += (hi - lo + 1) * perDay;
            }
        }
        return new Histogram(bucket, starts, factions, exact, uncertain);
    }

    /** Index into {@code rows} of the first row whose first day is at or after {@code day}. */
    static int firstAtOrAfter(IncidentIndex ix, int[] rows, int count, int day) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ix.day(rows[mid]) < day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public Bucket bucket() { return bucket; }

    /** Number of bars. */
    public int buckets() { return starts.length - 1; }

    /** Number of faction slots per bar (the catalog's size). */
    public int factions() { return factions; }

    /** First day of bar {@code b}; {@code start(buckets())} is the day after the last bar. */
    public int start(int b) { return starts[b]; }

    /** Rows known to the day, {@code [bucket * factions + faction]}. Do not modify. */
    public int[] exact() { return exact; }

    /** Spread share of rows with a date span, same layout. Do not modify. */
    public float[] uncertain() { return uncertain; }

    public int exact(int b, int faction) { return exact[b * factions + faction]; }

    public float uncertain(int b, int faction) { return uncertain[b * factions + faction]; }

    /** Exact plus uncertain count of bar {@code b}. */
    public float total(int b) { return totals[b]; }

    /** The tallest bar's total. */
    public float max() { return max; }

    /** The bar containing {@code epochDay}, or -1 outside. */
    public int bucketOf(int epochDay) {
        if (epochDay < starts[0] || epochDay >= starts[starts.length - 1]) return -1;
        int lo = 0, hi = starts.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= epochDay) lo = mid; else hi = mid;
        }
        return lo;
    }
}
