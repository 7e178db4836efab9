package org.sitmap.store.pg;

import java.util.Arrays;
import org.sitmap.geo.WebMercator;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.FactionCatalog;

/**
 * The filter columns of a team store's rows as they stream in (arrays that grow, so no count is asked of the server
 * first), then ordered by first day into an {@link IncidentIndex}: the same index {@link IncidentIndex.Builder} makes
 * of the same rows in the same order (rows of one day keep their arrival order), with the place names numbered by
 * the caller.
 *
 * <p>Not thread-safe: one thread adds, then {@link #build} once.
 */
final class IndexRows {
    /** Beyond this many days between the first and the last, the order is made by a sort instead of by counting. */
    private static final int COUNTING_RANGE = 1 << 22;

    private final FactionCatalog catalog;
    private int n;
    private long[] id;
    private int[] day;
    private int[] dayEnd;
    private float[] lon;
    private float[] lat;
    private float[] mx;
    private float[] my;
    private long[] factionMask;
    private byte[] primaryFaction;
    private byte[] eventType;
    private byte[] subEventType;
    private byte[] datePrecision;
    private byte[] geoPrecision;
    private int[] fatalities;
    private int[] placeRef;
    private int minDay = Integer.MAX_VALUE;
    private int maxDay = Integer.MIN_VALUE;

    IndexRows(FactionCatalog catalog, int capacity) {
        this.catalog = catalog;
        allocate(Math.max(16, capacity));
    }

    private void allocate(int c) {
        id = copy(id, c); day = copy(day, c); dayEnd = copy(dayEnd, c); lon = copy(lon, c); lat = copy(lat, c);
        mx = copy(mx, c); my = copy(my, c); factionMask = copy(factionMask, c); primaryFaction = copy(primaryFaction, c);
        eventType = copy(eventType, c); subEventType = copy(subEventType, c); datePrecision = copy(datePrecision, c);
        geoPrecision = copy(geoPrecision, c); fatalities = copy(fatalities, c); placeRef = copy(placeRef, c);
    }

    /** Rows added so far. */
    int size() { return n; }

    /**
     * Adds one row, as {@link IncidentIndex.Builder#add(long, int, int, double, double, long, int, int, int, int, int,
     * int, String)} takes it, with the place as the caller's number for its name.
     */
    void add(long rowId, int first, int last, double latitude, double longitude, long mask, int primary, int type,
             int sub, int datePrec, int geoPrec, int deaths, int place) {
        if (n == id.length) allocate(n + (n >> 1) + 16);
        id[n] = rowId; day[n] = first; dayEnd[n] = Math.max(first, last);
        lat[n] = (float) latitude; lon[n] = (float) longitude;
        mx[n] = (float) WebMercator.x(longitude); my[n] = (float) WebMercator.y(latitude);
        factionMask[n] = mask; primaryFaction[n] = (byte) primary;
        eventType[n] = (byte) type; subEventType[n] = (byte) sub;
        datePrecision[n] = (byte) datePrec; geoPrecision[n] = (byte) geoPrec;
        fatalities[n] = deaths; placeRef[n] = place;
        if (first < minDay) minDay = first;
        if (first > maxDay) maxDay = first;
        n++;
    }

    /** The index of the rows, ordered by first day, then arrival; {@code places} are the names the rows number. */
    IncidentIndex build(String[] places) {
        int[] order = order();
        int span = 0;
        for (int k = 0; k < n; k++) span = Math.max(span, dayEnd[k] - day[k]);
        return IncidentIndex.of(catalog, new IndexColumns(permute(id, order), permute(day, order),
                permute(dayEnd, order), permute(lon, order), permute(lat, order), permute(mx, order),
                permute(my, order), permute(factionMask, order), permute(primaryFaction, order),
                permute(eventType, order), permute(subEventType, order), permute(datePrecision, order),
                permute(geoPrecision, order), permute(fatalities, order), permute(placeRef, order), places, span));
    }

    /** Row numbers by first day, stable: a counting sort over the days, or a sort when they spread too far. */
    private int[] order() {
        int[] order = new int[n];
        if (n == 0) return order;
        long range = (long) maxDay - minDay + 1;
        if (range > COUNTING_RANGE) {
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = ((long) day[k] << 32) | k;
            Arrays.sort(keys);
            for (int k = 0; k < n; k++) order[k] = (int) keys[k];
            return order;
        }
        int[] start = new int[(int) range + 1];
        for (int k = 0; k < n; k++) start[day[k] - minDay + 1]++;
        for (int d = 1; d < start.length; d++) start[d] += start[d - 1];
        for (int k = 0; k < n; k++) order[start[day[k] - minDay]++] = k;
        return order;
    }

    private static long[] copy(long[] a, int c) { return a == null ? new long[c] : Arrays.copyOf(a, c); }

    private static int[] copy(int[] a, int c) { return a == null ? new int[c] : Arrays.copyOf(a, c); }

    private static float[] copy(float[] a, int c) { return a == null ? new float[c] : Arrays.copyOf(a, c); }

    private static byte[] copy(byte[] a, int c) { return a == null ? new byte[c] : Arrays.copyOf(a, c); }

    private long[] permute(long[] a, int[] order) {
        long[] o = new long[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }

    private int[] permute(int[] a, int[] order) {
        int[] o = new int[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }

    private float[] permute(float[] a, int[] order) {
        float[] o = new float[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }

    private byte[] permute(byte[] a, int[] order) {
        byte[] o = new byte[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }
}
