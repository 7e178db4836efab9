package org.sitmap.index;

import java.util.Arrays;

/**
 * Incidents per time bucket and primary faction over a visible day range: the bars of the timeline.
 *
 * <p>Rows known to one exact day ({@code dayEnd == day} and date precision DAY) are counted in {@link #count}:
 * one per row in the bucket holding its day. Rows whose date is a span — an end date after the start (UCDP
 * {@code date_start..date_end}) or a week/month/year precision — are counted in {@link #uncertain} instead,
 * spread over every bucket their span overlaps in proportion to the days it overlaps, in thousandths of an
 * incident ({@link #UNIT}): a month-precision incident shown by day adds 1/30 to each of its 30 days, shown by
 * month adds a whole incident to its month. The shares of one row add up to exactly {@link #UNIT} over its whole
 * span (the last bucket takes the rounding remainder), so totals are preserved; the part of a span outside the
 * visible range is not counted.
 *
 * <p>Immutable once built; compute on a worker thread.
 */
public final class Histogram {
    /** Fixed-point unit of {@link #uncertain}: 1000 = one incident. */
    public static final int UNIT = 1000;

    private final Bucket bucket;
    private final int[] starts;
    private final int factions;
    private final int[] counts;
    private final int[] uncertain;
    private final int rows;

    private Histogram(Bucket bucket, int[] starts, int factions, int[] counts, int[] uncertain, int rows) {
        this.bucket = bucket;
        this.starts = starts;
        this.factions = factions;
        this.counts = counts;
        this.uncertain = uncertain;
        this.rows = rows;
    }

    /**
     * Counts the rows of {@code sel} (normally the filter applied WITHOUT its date window, so the timeline shows
     * context outside the brush) whose span overlaps {@code fromDay..toDay} (inclusive epoch days).
     */
    public static Histogram of(Selection sel, Bucket bucket, int fromDay, int toDay) {
        IncidentIndex ix = sel.index();
        int f = ix.catalog().size();
        Bars bars = bars(bucket, fromDay, toDay, f);
        int first = bars.first;
        int[] bucketOf = bars.bucketOf;
        int[] counts = bars.counts;
        int[] unc = bars.uncertain;
        int[] rowsArr = sel.rows();
        // rows are sorted by first day: skip those that end before the range, stop at the first starting after it
        int k0 = lowerBound(ix, rowsArr, sel.count(), fromDay - ix.maxSpan());
        int used = 0;
        for (int k = k0, m = sel.count(); k < m; k++) {
            int r = rowsArr[k];
            int day = ix.day(r);
            if (day > toDay) break;
            int dayEnd = ix.dayEnd(r);
            if (dayEnd < fromDay) continue;
            int pf = ix.primaryFaction(r);
            used++;
            if (dayEnd == day && ix.datePrecision(r) <= 1) {
                counts[bucketOf[day - first] * f + pf]++;
                continue;
            }
            spread(unc, bucketOf, first, fromDay, toDay, day, dayEnd, f, pf);
        }
        return bars.histogram(used);
    }

    /** Empty bars of a visible range, filled by {@link #of} and {@link DayBins#histogram}. */
    static final class Bars {
        final Bucket bucket;
        final int[] starts;
        final int factions;
        /** First day of the first bucket. */
        final int first;
        /** Day offset from {@link #first} → bucket. */
        final int[] bucketOf;
        final int[] counts;
        final int[] uncertain;

        private Bars(Bucket bucket, int[] starts, int factions) {
            this.bucket = bucket;
            this.starts = starts;
            this.factions = factions;
            int n = starts.length - 1;
            first = starts[0];
            bucketOf = new int[starts[n] - first];
            for (int k = 0; k < n; k++) Arrays.fill(bucketOf, starts[k] - first, starts[k + 1] - first, k);
            counts = new int[n * factions];
            uncertain = new int[n * factions];
        }

        Histogram histogram(int rows) {
            return new Histogram(bucket, starts, factions, counts, uncertain, rows);
        }
    }

    static Bars bars(Bucket bucket, int fromDay, int toDay, int factions) {
        int first = bucket.floor(fromDay);
        int n = 0;
        for (int d = first; d <= toDay; d = bucket.next(d)) n++;
        int[] starts = new int[n + 1];
        int d = first;
        for (int k = 0; k <= n; k++) { starts[k] = d; d = bucket.next(d); }
        return new Bars(bucket, starts, factions);
    }

    /** Adds one row's {@link #UNIT} over the buckets its span overlaps, by days, clipped to the visible range. */
    static void spread(int[] unc, int[] bucketOf, int first, int fromDay, int toDay, int day, int dayEnd,
                               int f, int pf) {
        int days = dayEnd - day + 1;
        int lo = Math.max(day, fromDay);
        int hi = Math.min(dayEnd, toDay);
        int given = lo - day;                      // days already accounted for (outside, before the range)
        int b = bucketOf[lo - first];
        if (b == bucketOf[hi - first]) {
            // one bucket holds the whole visible part (buckets are runs of days): the loop's single run, directly
            // (a week or month span shown by month, a month shown by month)
            unc[b * f + pf] += (int) ((long) (given + hi + 1 - lo) * UNIT / days) - (int) ((long) given * UNIT / days);
            return;
        }
        int runStart = lo;
        for (int dd = lo; dd <= hi + 1; dd++) {
            int bb = dd <= hi ? bucketOf[dd - first] : -1;
            if (bb != b) {
                int before = (int) ((long) given * UNIT / days);
                given += dd - runStart;
                int after = (int) ((long) given * UNIT / days);
                unc[b * f + pf] += after - before;
                b = bb;
                runStart = dd;
            }
        }
    }

    private static int lowerBound(IncidentIndex ix, int[] rows, int count, int day) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ix.day(rows[mid]) < day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public Bucket bucket() { return bucket; }

    /** Number of buckets. */
    public int size() { return starts.length - 1; }

    /** Number of factions (catalog size): the stride of the arrays. */
    public int factions() { return factions; }

    /** First epoch day of bucket {@code b}; {@code start(size())} is the day after the last bucket. */
    public int start(int b) { return starts[b]; }

    /** Exactly dated incidents of primary faction {@code f} in bucket {@code b}. */
    public int count(int b, int f) { return counts[b * factions + f]; }

    /** Spread share of span incidents of faction {@code f} in bucket {@code b}, in {@link #UNIT}s. */
    public int uncertain(int b, int f) { return uncertain[b * factions + f]; }

    /** Exactly dated incidents in bucket {@code b}, all factions. */
    public int total(int b) {
        int s = 0;
        for (int f = 0; f < factions; f++) s += counts[b * factions + f];
        return s;
    }

    /** Span shares in bucket {@code b}, all factions, in {@link #UNIT}s. */
    public int uncertainTotal(int b) {
        int s = 0;
        for (int f = 0; f < factions; f++) s += uncertain[b * factions + f];
        return s;
    }

    /** The highest bar (exact plus uncertain, in incidents, rounded up). */
    public int maxBar() {
        int m = 0;
        for (int b = 0; b < size(); b++) m = Math.max(m, total(b) + (uncertainTotal(b) + UNIT - 1) / UNIT);
        return m;
    }

    /** Rows whose span overlaps the range (exact plus span rows). */
    public int rows() { return rows; }

    /** The bucket holding {@code epochDay}, or -1 outside the range. */
    public int bucketOf(int epochDay) {
        if (epochDay < starts[0] || epochDay >= starts[starts.length - 1]) return -1;
        int k = Arrays.binarySearch(starts, epochDay);
        return k >= 0 ? k : -k - 2;
    }
}
