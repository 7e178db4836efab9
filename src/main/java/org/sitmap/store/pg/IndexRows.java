package org.sitmap.store.pg;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
    /** True while every row came on or after the day of the row before it. */
    private boolean inOrder = true;

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
        if (first < maxDay) inOrder = false;
        if (first < minDay) minDay = first;
        if (first > maxDay) maxDay = first;
        n++;
    }

    /** The index of the rows, ordered by first day, then arrival; {@code places} are the names the rows number. */
    IncidentIndex build(String[] places) {
        return build(places, Runnable::run);
    }

    /**
     * As {@link #build(String[])}, with half of the columns put in order on {@code helper} while the calling thread
     * does the other half. Each column is a gather through the order (a cache miss a row when the rows arrived in no
     * order by day, as a table filled by many imports gives them): at ten million rows about 1 s on one thread.
     * Rows that arrived in order by day are not moved at all.
     */
    IncidentIndex build(String[] places, Executor helper) {
        int[] order = order();
        int span = 0;
        for (int k = 0; k < n; k++) span = Math.max(span, dayEnd[k] - day[k]);
        Object[] c = new Object[15];
        CompletableFuture<Void> half = CompletableFuture.runAsync(() -> {
            c[0] = permute(id, order); c[1] = permute(day, order); c[2] = permute(dayEnd, order);
            c[3] = permute(lon, order); c[4] = permute(lat, order); c[7] = permute(factionMask, order);
            c[13] = permute(fatalities, order);
        }, helper);
        c[5] = permute(mx, order); c[6] = permute(my, order); c[8] = permute(primaryFaction, order);
        c[9] = permute(eventType, order); c[10] = permute(subEventType, order);
        c[11] = permute(datePrecision, order); c[12] = permute(geoPrecision, order); c[14] = permute(placeRef, order);
        half.join();
        return IncidentIndex.of(catalog, new IndexColumns((long[]) c[0], (int[]) c[1], (int[]) c[2], (float[]) c[3],
                (float[]) c[4], (float[]) c[5], (float[]) c[6], (long[]) c[7], (byte[]) c[8], (byte[]) c[9],
                (byte[]) c[10], (byte[]) c[11], (byte[]) c[12], (int[]) c[13], (int[]) c[14], places, span));
    }

    /**
     * Row numbers by first day, stable: a counting sort over the days, or a sort when they spread too far; null when
     * the rows are in that order already.
     */
    private int[] order() {
        if (inOrder) return null;
        int[] order = new int[n];
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
        if (order == null) return a.length == n ? a : Arrays.copyOf(a, n);
        long[] o = new long[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }

    private int[] permute(int[] a, int[] order) {
        if (order == null) return a.length == n ? a : Arrays.copyOf(a, n);
        int[] o = new int[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }

    private float[] permute(float[] a, int[] order) {
        if (order == null) return a.length == n ? a : Arrays.copyOf(a, n);
        float[] o = new float[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }

    private byte[] permute(byte[] a, int[] order) {
        if (order == null) return a.length == n ? a : Arrays.copyOf(a, n);
        byte[] o = new byte[n];
        for (int k = 0; k < n; k++) o[k] = a[order[k]];
        return o;
    }
}
