package org.sitmap.index;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.sitmap.geo.WebMercator;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;

/**
 * Columnar, immutable snapshot of the incidents for interactive filtering and drawing. Rows are sorted by first
 * day (then insertion order), so a date window is a contiguous run found by binary search. Positions are kept both as
 * degrees and as Web Mercator world coordinates in [0,1) (x east, y south), so renderers project with one
 * multiply-add.
 *
 * <p>Immutable once built and safe to read from any thread. Build it off the FX thread.
 */
public final class IncidentIndex {
    /** Bit of {@link #flags(int)}: the incident has no coordinates. */
    public static final byte UNRESOLVED = 1;

    private final FactionCatalog catalog;
    private final long[] id;
    private final int[] day;
    private final int[] dayEnd;
    private final float[] lon;
    private final float[] lat;
    private final float[] mx;
    private final float[] my;
    private final long[] factionMask;
    private final byte[] primaryFaction;
    private final byte[] eventType;
    private final byte[] subEventType;
    private final byte[] datePrecision;
    private final byte[] geoPrecision;
    private final int[] fatalities;
    private final int[] placeRef;
    private final String[] places;
    private final int maxSpan;

    private IncidentIndex(FactionCatalog catalog, int n) {
        this.catalog = catalog;
        id = new long[n]; day = new int[n]; dayEnd = new int[n]; lon = new float[n]; lat = new float[n];
        mx = new float[n]; my = new float[n]; factionMask = new long[n]; primaryFaction = new byte[n];
        eventType = new byte[n]; subEventType = new byte[n]; datePrecision = new byte[n]; geoPrecision = new byte[n];
        fatalities = new int[n]; placeRef = new int[n];
        places = null;
        maxSpan = 0;
    }

    private IncidentIndex(IncidentIndex src, int[] order, String[] places, int maxSpan) {
        catalog = src.catalog;
        id = permute(src.id, order); day = permute(src.day, order); dayEnd = permute(src.dayEnd, order);
        lon = permute(src.lon, order); lat = permute(src.lat, order); mx = permute(src.mx, order);
        my = permute(src.my, order); factionMask = permute(src.factionMask, order);
        primaryFaction = permute(src.primaryFaction, order); eventType = permute(src.eventType, order);
        subEventType = permute(src.subEventType, order); datePrecision = permute(src.datePrecision, order);
        geoPrecision = permute(src.geoPrecision, order); fatalities = permute(src.fatalities, order);
        placeRef = permute(src.placeRef, order);
        this.places = places;
        this.maxSpan = maxSpan;
    }

    private IncidentIndex(FactionCatalog catalog, IndexColumns c) {
        this.catalog = catalog;
        id = c.id(); day = c.day(); dayEnd = c.dayEnd(); lon = c.lon(); lat = c.lat(); mx = c.mercX(); my = c.mercY();
        factionMask = c.factionMask(); primaryFaction = c.primaryFaction(); eventType = c.eventType();
        subEventType = c.subEventType(); datePrecision = c.datePrecision(); geoPrecision = c.geoPrecision();
        fatalities = c.fatalities(); placeRef = c.placeRef(); places = c.places(); maxSpan = c.maxSpan();
    }

    /**
     * An index over columns read back from a snapshot (no copy).
     *
     * @throws IllegalArgumentException when the arrays disagree in length, the rows are not ordered by first day,
     *                                  a place reference or faction is out of range, or a span exceeds maxSpan
     */
    public static IncidentIndex of(FactionCatalog catalog, IndexColumns c) {
        int n = c.id().length;
        int[] lengths = {c.day().length, c.dayEnd().length, c.lon().length, c.lat().length, c.mercX().length,
                c.mercY().length, c.factionMask().length, c.primaryFaction().length, c.eventType().length,
                c.subEventType().length, c.datePrecision().length, c.geoPrecision().length, c.fatalities().length,
                c.placeRef().length};
        for (int len : lengths) if (len != n) throw new IllegalArgumentException("columns of different lengths");
        int places = c.places().length;
        int[] day = c.day(), end = c.dayEnd(), ref = c.placeRef();
        byte[] primary = c.primaryFaction();
        for (int k = 0; k < n; k++) {
            if (k > 0 && day[k] < day[k - 1]) throw new IllegalArgumentException("rows not ordered by day");
            if (ref[k] < 0 || ref[k] >= places) throw new IllegalArgumentException("place reference out of range");
            if (end[k] < day[k] || end[k] - day[k] > c.maxSpan()) throw new IllegalArgumentException("bad span");
            if (primary[k] < 0 || primary[k] >= catalog.size()) throw new IllegalArgumentException("bad faction");
        }
        return new IncidentIndex(catalog, c);
    }

    /** The index's arrays (shared, not copied: never change them). */
    public IndexColumns columns() {
        return new IndexColumns(id, day, dayEnd, lon, lat, mx, my, factionMask, primaryFaction, eventType,
                subEventType, datePrecision, geoPrecision, fatalities, placeRef, places, maxSpan);
    }

    /** Builds an index of the given incidents (their ids must be set for details look-ups to work). */
    public static IncidentIndex of(FactionCatalog catalog, Collection<Incident> incidents) {
        Builder b = new Builder(catalog, incidents.size());
        for (Incident i : incidents) b.add(i);
        return b.build();
    }

    /** An index with no rows. */
    public static IncidentIndex empty(FactionCatalog catalog) {
        return of(catalog, List.of());
    }

    /**
     * Appends rows one at a time without building {@link Incident} objects (used by the store's bulk loader and
     * the benchmark). Not thread-safe; {@link #build()} once.
     */
    public static final class Builder {
        private final IncidentIndex t;
        private final java.util.HashMap<String, Integer> placeIds = new java.util.HashMap<>();
        private final java.util.ArrayList<String> placeNames = new java.util.ArrayList<>();
        private int n;

        public Builder(FactionCatalog catalog, int capacity) {
            t = new IncidentIndex(catalog, Math.max(capacity, 16));
        }

        public void add(Incident i) {
            long mask = 0;
            List<String> codes = i.factions();
            for (String c : codes) mask |= 1L << t.catalog.ordinal(c);
            add(i.id(), (int) i.date().toEpochDay(), (int) i.spanEnd().toEpochDay(),
                    i.latitude() == null ? Double.NaN : i.latitude(), i.longitude() == null ? Double.NaN : i.longitude(),
                    mask, t.catalog.ordinal(codes.get(0)), i.eventType().ordinal(),
                    i.subEventType() == null ? -1 : i.subEventType().ordinal(), i.datePrecision().code(),
                    i.geoPrecision().code(), i.fatalities() == null ? -1 : i.fatalities(), i.place());
        }

        /**
         * Adds one row; {@code subEventType} -1 for none, {@code fatalities} -1 for unknown, NaN for no position,
         * {@code place} may be null.
         */
        public void add(long id, int day, int dayEnd, double lat, double lon, long factionMask, int primaryFaction,
                        int eventType, int subEventType, int datePrecision, int geoPrecision, int fatalities,
                        String place) {
            if (n == t.id.length) throw new IllegalStateException("builder capacity " + n + " exceeded");
            t.id[n] = id; t.day[n] = day; t.dayEnd[n] = Math.max(day, dayEnd);
            t.lat[n] = (float) lat; t.lon[n] = (float) lon;
            t.mx[n] = (float) WebMercator.x(lon); t.my[n] = (float) WebMercator.y(lat);
            t.factionMask[n] = factionMask; t.primaryFaction[n] = (byte) primaryFaction;
            t.eventType[n] = (byte) eventType; t.subEventType[n] = (byte) subEventType;
            t.datePrecision[n] = (byte) datePrecision; t.geoPrecision[n] = (byte) geoPrecision;
            t.fatalities[n] = fatalities;
            String p = place == null ? "" : place;
            Integer ref = placeIds.get(p);
            if (ref == null) {
                ref = placeNames.size();
                placeIds.put(p, ref);
                placeNames.add(p);
            }
            t.placeRef[n] = ref;
            n++;
        }

        /** Sorts the rows by day and freezes them. */
        public IncidentIndex build() {
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = ((long) t.day[k] << 32) | k;
            Arrays.sort(keys);
            int[] order = new int[n];
            int span = 0;
            for (int k = 0; k < n; k++) {
                order[k] = (int) keys[k];
                span = Math.max(span, t.dayEnd[order[k]] - t.day[order[k]]);
            }
            return new IncidentIndex(t, order, placeNames.toArray(new String[0]), span);
        }
    }

    public FactionCatalog catalog() { return catalog; }

    public int size() { return id.length; }

    public long id(int row) { return id[row]; }

    /** First day as epoch day. */
    public int day(int row) { return day[row]; }

    /** Last possible day (inclusive) as epoch day: the span that the date precision or end date leaves open. */
    public int dayEnd(int row) { return dayEnd[row]; }

    public float lon(int row) { return lon[row]; }

    public float lat(int row) { return lat[row]; }

    /** Web Mercator x in [0,1), NaN when unresolved. */
    public float mercX(int row) { return mx[row]; }

    /** Web Mercator y in [0,1), north at 0; NaN when unresolved. */
    public float mercY(int row) { return my[row]; }

    public boolean located(int row) { return !Float.isNaN(lat[row]); }

    /** Bit set of the catalog ordinals of the incident's factions. */
    public long factionMask(int row) { return factionMask[row]; }

    /** Catalog ordinal of the first actor's faction: the colour the marker is drawn in. */
    public int primaryFaction(int row) { return primaryFaction[row]; }

    /** Ordinal of {@link org.sitmap.model.EventType}. */
    public int eventType(int row) { return eventType[row]; }

    /** Ordinal of {@link org.sitmap.model.SubEventType}, -1 for none. */
    public int subEventType(int row) { return subEventType[row]; }

    /** {@link org.sitmap.model.DatePrecision#code()}. */
    public int datePrecision(int row) { return datePrecision[row]; }

    /** {@link org.sitmap.model.GeoPrecision#code()}; 0 when unresolved. */
    public int geoPrecision(int row) { return geoPrecision[row]; }

    /** Fatalities, -1 when unknown. */
    public int fatalities(int row) { return fatalities[row]; }

    /** The place name as stored ("" when none); equal names share one string. */
    public String place(int row) { return places[placeRef[row]]; }

    /** A small integer naming the row's place: rows with equal place names have equal refs. */
    public int placeRef(int row) { return placeRef[row]; }

    /** The longest span (dayEnd - day) of any row; bounds the binary search of a date window. */
    public int maxSpan() { return maxSpan; }

    /** First row whose first day is at or after {@code epochDay}. */
    public int lowerBound(int epochDay) {
        int lo = 0, hi = day.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (day[mid] < epochDay) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Earliest first day, or 0 for an empty index. */
    public int minDay() { return day.length == 0 ? 0 : day[0]; }

    /** Latest last day, or 0 for an empty index. */
    public int maxDay() {
        int m = maxDay;
        if (m == Integer.MIN_VALUE) {
            // one scan, then kept (the timeline asks every frame); a benign race: every thread computes the same
            for (int d : dayEnd) m = Math.max(m, d);
            m = day.length == 0 ? 0 : m;
            maxDay = m;
        }
        return m;
    }

    /** {@link #maxDay()} once computed, else {@code Integer.MIN_VALUE}. */
    private volatile int maxDay = Integer.MIN_VALUE;
    private volatile int[] primaryCounts;
    private volatile float[] extent;
    private volatile boolean[] covered;

    /**
     * Rows per primary faction (catalog ordinal), computed on the first call and kept. Windows call it on the FX
     * thread: the loader calls {@link #summarise()} on its worker first.
     */
    public int[] primaryCounts() {
        int[] c = primaryCounts;
        if (c == null) {
            c = new int[catalog.size()];
            for (byte f : primaryFaction) c[f]++;
            primaryCounts = c;
        }
        return c.clone();
    }

    /**
     * {min lon, min lat, max lon, max lat} of the rows with a position (geo precision above 0), or null when none;
     * computed on the first call and kept.
     */
    public float[] locatedExtent() {
        float[] e = extent;
        if (e == null) {
            float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
            for (int r = 0; r < id.length; r++) {
                if (Float.isNaN(lat[r]) || geoPrecision[r] == 0) continue;
                x0 = Math.min(x0, lon[r]); x1 = Math.max(x1, lon[r]);
                y0 = Math.min(y0, lat[r]); y1 = Math.max(y1, lat[r]);
            }
            e = x0 > x1 ? new float[0] : new float[] {x0, y0, x1, y1};
            extent = e;
        }
        return e.length == 0 ? null : e.clone();
    }

    /**
     * For each day from {@link #minDay()} to {@link #maxDay()}: whether any row's span touches it; computed on the
     * first call (one pass over the rows) and kept.
     */
    public boolean[] coveredDays() {
        boolean[] c = covered;
        if (c == null) {
            int from = minDay();
            int span = day.length == 0 ? 0 : maxDay() - from + 1;
            int[] starts = new int[span + 1];
            for (int r = 0; r < day.length; r++) {
                starts[day[r] - from]++;
                starts[dayEnd[r] - from + 1]--;
            }
            c = new boolean[span];
            for (int d = 0, open = 0; d < span; d++) {
                open += starts[d];
                c[d] = open > 0;
            }
            covered = c;
        }
        return c.clone();
    }

    /**
     * Computes and keeps what windows ask of a whole index (last day, rows per faction, extent, covered days), so
     * that asking later is cheap: call on the loading worker before handing the index to the FX thread.
     */
    public IncidentIndex summarise() {
        maxDay();
        primaryCounts();
        locatedExtent();
        coveredDays();
        return this;
    }

    /** The row of an incident id, or -1 (linear scan; for selection look-ups, not for loops). */
    public int rowOf(long incidentId) {
        for (int r = 0; r < id.length; r++) if (id[r] == incidentId) return r;
        return -1;
    }

    /**
     * The rows of the given incident ids as a bit set (bit {@code r} of word {@code r >>> 6}); ids not in the index
     * are ignored. Uses a table from id to row, made on the first call (an int per id between the smallest and
     * the largest, when the ids are dense enough; else a sorted copy of the ids), so a full-text match of a million
     * ids becomes rows in milliseconds. Thread-safe.
     */
    public long[] rowMask(long[] ids) {
        long[] mask = new long[(id.length + 63) >>> 6];
        RowLookup l = rowLookup();
        for (long i : ids) {
            int r = l.row(i);
            if (r >= 0) mask[r >>> 6] |= 1L << r;
        }
        return mask;
    }

    private volatile RowLookup lookup;
    private volatile SpatialOrder spatial;

    /**
     * The rows grouped by a grid over their positions ({@link SpatialOrder}), made on the first call (two passes over
     * the rows) and kept: a benign race, every thread makes the same. Call it on a worker, never on the FX thread.
     */
    public SpatialOrder spatial() {
        SpatialOrder s = spatial;
        if (s == null) spatial = s = new SpatialOrder(this);
        return s;
    }

    private RowLookup rowLookup() {
        RowLookup l = lookup;
        if (l == null) lookup = l = new RowLookup(id);
        return l;
    }

    /** Id to row: a dense table over [min, max] when it is at most four times the rows, else binary search. */
    private static final class RowLookup {
        private final long min;
        private final int[] dense;
        private final long[] sortedIds;
        private final int[] sortedRows;

        RowLookup(long[] id) {
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (long i : id) { lo = Math.min(lo, i); hi = Math.max(hi, i); }
            min = lo;
            if (id.length > 0 && hi - lo < 4L * id.length + 1024) {
                dense = new int[(int) (hi - lo + 1)];
                Arrays.fill(dense, -1);
                for (int r = 0; r < id.length; r++) dense[(int) (id[r] - lo)] = r;
                sortedIds = null;
                sortedRows = null;
            } else {
                dense = null;
                int[] order = java.util.stream.IntStream.range(0, id.length).boxed()
                        .sorted(java.util.Comparator.comparingLong(r -> id[r])).mapToInt(Integer::intValue).toArray();
                sortedIds = new long[id.length];
                sortedRows = order;
                for (int k = 0; k < order.length; k++) sortedIds[k] = id[order[k]];
            }
        }

        int row(long i) {
            if (dense != null) {
                long k = i - min;
                return k < 0 || k >= dense.length ? -1 : dense[(int) k];
            }
            int k = Arrays.binarySearch(sortedIds, i);
            return k < 0 ? -1 : sortedRows[k];
        }
    }

    /** Approximate heap held by the arrays, in bytes. */
    public long bytes() {
        return (long) id.length * (8 + 4 + 4 + 4 + 4 + 4 + 4 + 8 + 1 + 1 + 1 + 1 + 1 + 4 + 4);
    }

    private static long[] permute(long[] a, int[] o) { long[] r = new long[o.length]; for (int k = 0; k < o.length; k++) r[k] = a[o[k]]; return r; }
    private static int[] permute(int[] a, int[] o) { int[] r = new int[o.length]; for (int k = 0; k < o.length; k++) r[k] = a[o[k]]; return r; }
    private static float[] permute(float[] a, int[] o) { float[] r = new float[o.length]; for (int k = 0; k < o.length; k++) r[k] = a[o[k]]; return r; }
    private static byte[] permute(byte[] a, int[] o) { byte[] r = new byte[o.length]; for (int k = 0; k < o.length; k++) r[k] = a[o[k]]; return r; }
}
