package org.sitmap.index;

import java.util.HashMap;
import java.util.Map;

/**
 * A new index made of an index and the rows of an import that arrived later (a team store's live update): the
 * added rows replace rows of the same id (an import that updated incidents) and join the others in day order. Both
 * indexes are already ordered by day, so the result is one linear merge of the columns, not a new sort; place names
 * are shared, the new ones appended. The inputs are not changed (indexes are immutable), so the index on screen stays
 * valid until the new one is committed.
 *
 * <p>Threading: a pure function of its arguments; run it on the worker.
 */
public final class IndexMerge {
    private IndexMerge() { }

    /** {@code base} with the rows of {@code added} (same catalog) in their day order; a row of the same id is replaced. */
    public static IncidentIndex merge(IncidentIndex base, IncidentIndex added) {
        return merge(base, added, new long[0]);
    }

    /**
     * {@code base} without the rows whose ids are in {@code removed} (an edit by another tool deleted them), with the
     * rows of {@code added} in their day order; a row of the same id is replaced.
     */
    public static IncidentIndex merge(IncidentIndex base, IncidentIndex added, long[] removed) {
        if (added.size() == 0 && removed.length == 0) return base;
        IndexColumns a = base.columns();
        IndexColumns b = added.columns();
        // a team store numbers new rows above every row it had: when all added ids are above the base's, none
        // replaces a row, and the id look-up (a hash of every row, rebuilt for each new index) is not needed
        long[] replaced = base.size() == 0 || (removed.length == 0 && min(b.id()) > max(a.id()))
                ? new long[(a.size() + 63) >>> 6] : base.rowMask(concat(b.id(), removed));
        int dropped = 0;
        for (long w : replaced) dropped += Long.bitCount(w);
        int n = a.size() - dropped + b.size();
        // place names: the base's in their order, then the added ones it lacks
        Map<String, Integer> refs = new HashMap<>(a.places().length * 2);
        String[] aPlaces = a.places();
        for (int k = 0; k < aPlaces.length; k++) refs.putIfAbsent(aPlaces[k], k);
        java.util.List<String> places = new java.util.ArrayList<>(java.util.Arrays.asList(aPlaces));
        int[] bRef = new int[b.places().length];
        for (int k = 0; k < bRef.length; k++) {
            String p = b.places()[k];
            Integer r = refs.get(p);
            if (r == null) {
                r = places.size();
                places.add(p);
                refs.put(p, r);
            }
            bRef[k] = r;
        }
        Out o = new Out(n);
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && (replaced[i >>> 6] & (1L << i)) != 0) {
                i++;
                continue;
            }
            // on equal days the base's row first: the new rows go after the rows the window already shows
            boolean takeA = j == b.size() || (i < a.size() && a.day()[i] <= b.day()[j]);
            if (takeA) {
                // the base's rows up to the next added row's day (or a replaced row) go as one run of array copies:
                // a live import of a thousand rows into ten million copies memory, not row after row
                int end = j == b.size() ? a.size() : upperBound(a.day(), i, a.size(), b.day()[j]);
                end = firstSet(replaced, i, end);
                o.copyRun(a, i, end - i);
                i = end;
            } else {
                o.copy(b, j++, bRef[b.placeRef()[j - 1]]);
            }
        }
        int span = Math.max(a.maxSpan(), b.maxSpan());
        return IncidentIndex.of(base.catalog(), new IndexColumns(o.id, o.day, o.dayEnd, o.lon, o.lat, o.mx, o.my,
                o.mask, o.primary, o.type, o.sub, o.datePrec, o.geoPrec, o.fatalities, o.placeRef,
                places.toArray(new String[0]), span));
    }

    private static long[] concat(long[] x, long[] y) {
        if (y.length == 0) return x;
        long[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static long min(long[] v) {
        long m = Long.MAX_VALUE;
        for (long x : v) m = Math.min(m, x);
        return m;
    }

    private static long max(long[] v) {
        long m = Long.MIN_VALUE;
        for (long x : v) m = Math.max(m, x);
        return m;
    }

    /** The first row in {@code [from, to)} whose day is after {@code day}; {@code to} when none. */
    private static int upperBound(int[] days, int from, int to, int day) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= day) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The first row in {@code [from, to)} whose bit is set in {@code mask}; {@code to} when none. */
    private static int firstSet(long[] mask, int from, int to) {
        for (int w = from >>> 6; w < mask.length && (w << 6) < to; w++) {
            long bits = mask[w];
            if (w == from >>> 6) bits &= -1L << (from & 63);
            if (bits != 0) return Math.min(to, (w << 6) + Long.numberOfTrailingZeros(bits));
        }
        return to;
    }

    /** The merged columns, filled row by row or by runs of the base's rows. */
    private static final class Out {
        final long[] id;
        final int[] day, dayEnd, fatalities, placeRef;
        final float[] lon, lat, mx, my;
        final long[] mask;
        final byte[] primary, type, sub, datePrec, geoPrec;
        int n;

        Out(int size) {
            id = new long[size]; day = new int[size]; dayEnd = new int[size]; fatalities = new int[size];
            placeRef = new int[size]; lon = new float[size]; lat = new float[size]; mx = new float[size];
            my = new float[size]; mask = new long[size]; primary = new byte[size]; type = new byte[size];
            sub = new byte[size]; datePrec = new byte[size]; geoPrec = new byte[size];
        }

        /** Rows {@code [r, r + len)} of {@code c}, whose place references stay as they are (the base's). */
        void copyRun(IndexColumns c, int r, int len) {
            System.arraycopy(c.id(), r, id, n, len);
            System.arraycopy(c.day(), r, day, n, len);
            System.arraycopy(c.dayEnd(), r, dayEnd, n, len);
            System.arraycopy(c.fatalities(), r, fatalities, n, len);
            System.arraycopy(c.lon(), r, lon, n, len);
            System.arraycopy(c.lat(), r, lat, n, len);
            System.arraycopy(c.mercX(), r, mx, n, len);
            System.arraycopy(c.mercY(), r, my, n, len);
            System.arraycopy(c.factionMask(), r, mask, n, len);
            System.arraycopy(c.primaryFaction(), r, primary, n, len);
            System.arraycopy(c.eventType(), r, type, n, len);
            System.arraycopy(c.subEventType(), r, sub, n, len);
            System.arraycopy(c.datePrecision(), r, datePrec, n, len);
            System.arraycopy(c.geoPrecision(), r, geoPrec, n, len);
            System.arraycopy(c.placeRef(), r, placeRef, n, len);
            n += len;
        }

        void copy(IndexColumns c, int r, int ref) {
            id[n] = c.id()[r]; day[n] = c.day()[r]; dayEnd[n] = c.dayEnd()[r]; fatalities[n] = c.fatalities()[r];
            lon[n] = c.lon()[r]; lat[n] = c.lat()[r]; mx[n] = c.mercX()[r]; my[n] = c.mercY()[r];
            mask[n] = c.factionMask()[r]; primary[n] = c.primaryFaction()[r]; type[n] = c.eventType()[r];
            sub[n] = c.subEventType()[r]; datePrec[n] = c.datePrecision()[r]; geoPrec[n] = c.geoPrecision()[r];
            placeRef[n] = ref;
            n++;
        }
    }
}
