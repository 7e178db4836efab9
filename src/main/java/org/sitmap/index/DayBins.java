package org.sitmap.index;


/**
 * What the timeline counts, kept by day and primary faction instead of by row: for the rows a filter keeps (its
 * date window ignored), the exactly dated rows per day × faction, and the rows with a date span grouped by
 * (first day, last day, faction) with their number. Built in one pass over the index's primitive arrays (both
 * cores, {@link Split}), without materialising the selected rows; a text criterion's matches, or an area holding
 * under half of the rows ({@link SpatialOrder}), are passed as a bit set so only those rows are read. After that any bar width, visible range or
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
    /** Span groups (in no particular order): first day, last day, faction, rows. */
    private final int[] spanDay;
    private final int[] spanEnd;
    private final int[] spanFaction;
    private final int[] spanRows;

    private DayBins(int factions, int firstDay, int days, int[] exact, SpanCounts... halves) {
        this.factions = factions;
        this.firstDay = firstDay;
        this.days = days;
        this.exact = exact;
        // each half's groups as they are: a key counted by both halves (or by a half's day array and its list) is
        // two groups, which the histogram adds exactly as one group of their rows
        int groups = 0;
        for (SpanCounts h : halves) if (h != null) groups += h.groups();
        spanDay = new int[groups];
        spanEnd = new int[groups];
        spanFaction = new int[groups];
        spanRows = new int[groups];
        int[] at = {0};
        for (SpanCounts h : halves) {
            if (h == null) continue;
            h.forEach((slot, len, rows) -> {
                int k = at[0]++;
                spanDay[k] = slot / factions + firstDay;
                spanEnd[k] = spanDay[k] + len;
                spanFaction[k] = slot % factions;
                spanRows[k] = rows;
            });
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
        long[] candidates = candidates(ix, filter);
        int[][] exactHalf = new int[2][];
        SpanCounts[] spanHalf = new SpanCounts[2];
        Split.halves(n, (half, from, to) -> {
            int[] ex = new int[days * f];
            SpanCounts spans = new SpanCounts(days * f);
            if (candidates == null) {
                for (int r = from; r < to; r++) if (filter.accepts(r)) add(ix, r, first, f, ex, spans);
            } else {
                // only the rows of the candidate set (text matches, rows in the area's grid cells), ascending
                for (int k = from >>> 6, last = (to - 1) >>> 6; to > from && k <= last; k++) {
                    long bits = candidates[k];
                    if (k == from >>> 6) bits &= -1L << from;
                    if (k == last && (to & 63) != 0) bits &= -1L >>> (64 - (to & 63));
                    while (bits != 0) {
                        int r = (k << 6) + Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        if (filter.accepts(r)) add(ix, r, first, f, ex, spans);
                    }
                }
            }
            exactHalf[half] = ex;
            spanHalf[half] = spans;
        });
        int[] exact = exactHalf[0];
        if (exactHalf[1] != null) {
            int[] other = exactHalf[1];
            for (int k = 0; k < exact.length; k++) exact[k] += other[k];
        }
        return new DayBins(f, first, days, exact, spanHalf[0], spanHalf[1]);
    }

    private static void add(IncidentIndex ix, int r, int first, int f, int[] ex, SpanCounts spans) {
        int day = ix.day(r);
        int end = ix.dayEnd(r);
        int pf = ix.primaryFaction(r);
        if (end == day && ix.datePrecision(r) <= 1) {
            ex[(day - first) * f + pf]++;
        } else {
            spans.add((day - first) * f + pf, Math.min(end - day, 0xffffff));
        }
    }

    /**
     * The rows worth looking at, one bit a row, or null for every row: a text criterion's matches, and an area
     * criterion's grid cells ({@link SpatialOrder}) when they hold under half of the rows; both when both.
     */
    static long[] candidates(IncidentIndex ix, IndexFilter filter) {
        long[] text = filter.textRows();
        double[] box = filter.mercatorBounds();
        long[] area = null;
        if (box != null && ix.size() >= Split.MIN_ROWS) {
            SpatialOrder grid = ix.spatial();
            if (grid.count(box[0], box[1], box[2], box[3]) < ix.size() / 2) {
                long[] bits = new long[(ix.size() + 63) >>> 6];
                int[] rows = grid.rows();
                grid.visit(box[0], box[1], box[2], box[3], (from, to, inside) -> {
                    for (int k = from; k < to; k++) bits[rows[k] >>> 6] |= 1L << rows[k];
                });
                area = bits;
            }
        }
        if (area == null) return text;
        if (text != null) for (int k = 0; k < area.length; k++) area[k] &= text[k];
        return area;
    }

    /**
     * Rows per span (first day, length, faction) of one half's pass. A span length is listed row by row (its key
     * appended to a list) until it has been met {@link #promotion} times; from then on its rows are counted in a day
     * × faction array of its own, as the exact rows are (real data has few frequent lengths: a week, a month, a
     * year). A rare length (UCDP's odd start..end spans, which seldom share a first day) so never costs a whole day
     * array to allocate and read back, nor a table probe a row; a frequent one costs an array increment a row. A
     * key may then have rows in the list and in its array: several groups, which {@link #histogram} adds as one
     * (the histogram adds groups in any order; nothing is sorted).
     */
    static final class SpanCounts {
        /** At most this many lengths get day arrays (the rest stay listed). */
        static final int LENGTHS = 16;
        /** Lengths under this are counted until promoted; longer ones are always listed. */
        private static final int COUNTED = 1024;
        private final int slots;
        private final int promotion;
        private final int[] seen = new int[COUNTED];
        /** Day array index + 1 of a length under {@link #COUNTED} (0: none). */
        private final byte[] dense = new byte[COUNTED];
        private final int[] lengths = new int[LENGTHS];
        private final int[][] perLength = new int[LENGTHS][];
        private int nLengths;
        /** Listed rows: slot << 24 | length. */
        private long[] listed = new long[1024];
        private int nListed;

        /** @param slots days × factions */
        SpanCounts(int slots) {
            this.slots = slots;
            // a day array costs a few operations a slot (zeroing, reading back) and a listed row a group for the
            // histogram to spread: arrays pay from about slots / 8 rows of a length
            this.promotion = Math.max(64, slots / 8);
        }

        /** One row of slot {@code (first day - index's first day) × factions + faction}, span {@code len} days. */
        void add(int slot, int len) {
            if (len < COUNTED) {
                int d = dense[len];
                if (d != 0) {
                    perLength[d - 1][slot]++;
                    return;
                }
                if (++seen[len] > promotion && nLengths < LENGTHS) {
                    lengths[nLengths] = len;
                    perLength[nLengths] = new int[slots];
                    perLength[nLengths][slot]++;
                    dense[len] = (byte) ++nLengths;
                    return;
                }
            }
            if (nListed == listed.length) listed = java.util.Arrays.copyOf(listed, nListed * 2);
            listed[nListed++] = ((long) slot << 24) | len;
        }

        /** How many lengths are counted in day arrays (for tests). */
        int denseLengths() { return nLengths; }

        /** How many groups {@link #forEach} gives. */
        int groups() {
            int n = nListed;
            for (int k = 0; k < nLengths; k++) {
                int[] c = perLength[k];
                for (int j = 0; j < slots; j++) if (c[j] != 0) n++;
            }
            return n;
        }

        /** Calls {@code g} once per group: slot (day offset × factions + faction), length, rows. */
        void forEach(Group g) {
            for (int k = 0; k < nLengths; k++) {
                int[] c = perLength[k];
                for (int j = 0; j < slots; j++) if (c[j] != 0) g.group(j, lengths[k], c[j]);
            }
            for (int i = 0; i < nListed; i++) g.group((int) (listed[i] >>> 24), (int) (listed[i] & 0xffffff), 1);
        }

        interface Group {
            void group(int slot, int len, int rows);
        }
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
