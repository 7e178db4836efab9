package org.sitmap.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.SubEventType;

/**
 * Reads the index columns of every incident into an {@link IncidentIndex}. The cost of a large load is SQLite
 * evaluating the per-row expressions (dates to day numbers, labels to ordinals), so a store of more than
 * {@link #SPLIT_ABOVE} incidents is read in two halves of the id range at once: the lower half on the store's
 * connection (on the calling thread), the upper half on a second, read-only connection on a short-lived thread
 * ({@code sitmap-index-load}) that is joined before this returns. Both connections read in WAL mode, so they see
 * the committed store; the store's own lock keeps its writes out meanwhile.
 */
final class IndexLoader {
    /** Stores with more incidents than this are read by two threads. */
    static final int SPLIT_ABOVE = 100_000;
    /** Day numbers are stored offset by this in the packed column, so days before 1970 stay positive. */
    private static final long DAY_OFFSET = 1L << 17;
    private static final String DAY = "(unixepoch(event_date) / 86400)";
    /**
     * The small numeric columns packed into one 62-bit integer by SQL (day 18 bits, span 14, event type + 1 in 3,
     * sub-type + 1 in 6, date precision 3, geo precision 2, fatalities + 1 in 16, 0 = unknown).
     */
    private static final String SELECT = "SELECT fid, ((" + DAY + " + " + DAY_OFFSET + ") << 44)"
            + " | (min(max(unixepoch(span_end) / 86400 - " + DAY + ", 0), 16383) << 30)"
            + " | ((" + ordinalCase("event_type", EventType.values()) + " + 1) << 27)"
            + " | ((" + ordinalCase("sub_event_type", SubEventType.values()) + " + 1) << 21)"
            + " | ((date_precision & 7) << 18) | ((geo_precision & 3) << 16)"
            + " | coalesce(min(max(fatalities, 0), 65534) + 1, 0),"
            + " geom, faction_codes, place, " + SourceCodes.PAIR_SQL + " FROM incident"
            + " WHERE fid >= ? AND fid < ?";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(IndexLoader.class.getName());

    private IndexLoader() { }

    static IncidentIndex load(Connection c, Path file, FactionCatalog catalog, int count) throws SQLException {
        return load(c, file, catalog, count, SPLIT_ABOVE);
    }

    /** An index and the sources of its incidents (null when not known: read them with {@link SourceCodes#scan}). */
    record Loaded(IncidentIndex index, SourceCodes sources) { }

    /**
     * The index of the store {@code file} (null: none, the rows are read) and its incidents' sources: from its
     * {@link ColumnSnapshot} and the sources file beside it when they match the store's current state, else read
     * from the rows ({@code count} is then asked for; the upper half on {@code helper}, as
     * {@link #load(Connection, Path, FactionCatalog, int, int, java.util.concurrent.Executor)}) and both files
     * written for the next opening on a thread of their own.
     */
    static Loaded loadWithSources(Connection c, Path file, FactionCatalog catalog,
                                  java.util.function.IntSupplier count, java.util.concurrent.Executor helper)
            throws SQLException {
        ColumnSnapshot.Key key = file == null ? null : ColumnSnapshot.key(c, catalog);
        if (key != null) {
            IncidentIndex ix = ColumnSnapshot.read(file, key, catalog);
            if (ix != null) return new Loaded(ix, SourceCodes.read(file, key));
        }
        Loaded loaded = load(c, file, catalog, count.getAsInt(), SPLIT_ABOVE, helper, key);
        if (key != null) ColumnSnapshot.writeLater(file, key, loaded.index(), loaded.sources());
        return loaded;
    }

    /** As {@link #load(Connection, Path, FactionCatalog, int)} with the split threshold given (for tests). */
    static IncidentIndex load(Connection c, Path file, FactionCatalog catalog, int count, int splitAbove)
            throws SQLException {
        return load(c, file, catalog, count, splitAbove, OWN_THREAD, null).index();
    }

    /** Runs the upper half's scan on a thread of its own (the command line and the benchmark). */
    static final java.util.concurrent.Executor OWN_THREAD = r -> {
        Thread t = new Thread(r, "sitmap-index-load");
        t.setDaemon(true);
        t.start();
    };

    /**
     * As {@link #load(Connection, Path, FactionCatalog, int, int)}, the upper half of a large store scanned on
     * {@code helper} while the calling thread scans the lower half. A direct executor ({@code Runnable::run}) scans
     * both halves on the calling thread, one after the other (the window's worker: it starts no thread of its own).
     */
    static IncidentIndex load(Connection c, Path file, FactionCatalog catalog, int count, int splitAbove,
                              java.util.concurrent.Executor helper) throws SQLException {
        return load(c, file, catalog, count, splitAbove, helper, null).index();
    }

    /** The rows read as above, with their sources when {@code key} (the state they are read in) is given. */
    private static Loaded load(Connection c, Path file, FactionCatalog catalog, int count, int splitAbove,
                               java.util.concurrent.Executor helper, ColumnSnapshot.Key key) throws SQLException {
        long[] range = fidRange(c);
        Part low;
        Part high = null;
        if (count > splitAbove && file != null) {
            long mid = range[0] + (range[1] - range[0]) / 2;
            CompletableFuture<Part> upper = new CompletableFuture<>();
            helper.execute(() -> {
                try (Connection second = openReader(file)) {
                    upper.complete(scan(second, mid, range[1], count / 2 + 16));
                } catch (SQLException | RuntimeException e) {
                    upper.completeExceptionally(e);
                }
            });
            low = scan(c, range[0], mid, count / 2 + 16);
            try {
                high = upper.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof SQLException s) throw s;
                throw e;
            }
        } else {
            low = scan(c, range[0], range[1], count + 16);
        }
        IncidentIndex.Builder b = new IncidentIndex.Builder(catalog, low.n + (high == null ? 0 : high.n) + 16);
        Map<String, long[]> masks = new HashMap<>();
        low.addTo(b, catalog, masks);
        if (high != null) high.addTo(b, catalog, masks);
        SourceCodes sources = key == null ? null
                : high == null ? SourceCodes.Builder.build(key, List.of(low.sources), List.of(low.fid))
                : SourceCodes.Builder.build(key, List.of(low.sources, high.sources), List.of(low.fid, high.fid));
        return new Loaded(b.build(), sources);
    }

    /** [min fid, max fid + 1). */
    private static long[] fidRange(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(min(fid), 0), coalesce(max(fid), -1) + 1"
                + " FROM incident"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static Connection openReader(Path file) throws SQLException {
        try {
            return StoreAccess.openReadOnly(file);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot open a second reader: " + e.getMessage(), e);
        }
    }

    private static Part scan(Connection c, long from, long to, int capacity) throws SQLException {
        Part p = new Part(capacity);
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    p.add(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4), rs.getString(5));
                    p.sources.add(rs.getBytes(6));
                }
            }
        }
        return p;
    }

    /** The rows of one half, as read (strings of repeated values shared). */
    private static final class Part {
        long[] fid;
        long[] packed;
        double[] lat;
        double[] lon;
        String[] factions;
        String[] place;
        int n;
        private final Map<String, String> shared = new HashMap<>();
        final SourceCodes.Builder sources = new SourceCodes.Builder();
        private final double[] xy = new double[2];

        Part(int capacity) {
            fid = new long[capacity];
            packed = new long[capacity];
            lat = new double[capacity];
            lon = new double[capacity];
            factions = new String[capacity];
            place = new String[capacity];
        }

        void add(long id, long p, byte[] geom, String codes, String pl) {
            if (n == fid.length) grow();
            fid[n] = id;
            packed[n] = p;
            if (position(id, geom, xy)) {
                lon[n] = xy[0];
                lat[n] = xy[1];
            } else {
                lon[n] = Double.NaN;
                lat[n] = Double.NaN;
            }
            factions[n] = codes == null ? "" : shared.computeIfAbsent(codes, k -> k);
            place[n] = pl == null ? null : shared.computeIfAbsent(pl, k -> k);
            n++;
        }

        private void grow() {
            int m = fid.length * 2 + 16;
            fid = java.util.Arrays.copyOf(fid, m);
            packed = java.util.Arrays.copyOf(packed, m);
            lat = java.util.Arrays.copyOf(lat, m);
            lon = java.util.Arrays.copyOf(lon, m);
            factions = java.util.Arrays.copyOf(factions, m);
            place = java.util.Arrays.copyOf(place, m);
        }

        void addTo(IncidentIndex.Builder b, FactionCatalog catalog, Map<String, long[]> masks) {
            for (int k = 0; k < n; k++) {
                long p = packed[k];
                double la = lat[k], lo = lon[k];
                long[] fm = masks.computeIfAbsent(factions[k], catalog::maskAndPrimary);
                int d = (int) ((p >>> 44) - DAY_OFFSET);
                int type = (int) ((p >>> 27) & 7) - 1;
                if (type < 0) type = EventType.STRATEGIC_DEVELOPMENTS.ordinal();
                b.add(fid[k], d, d + (int) ((p >>> 30) & 16383), la, lo, fm[0], (int) fm[1], type,
                        (int) ((p >>> 21) & 63) - 1, (int) ((p >>> 18) & 7), (int) ((p >>> 16) & 3),
                        (int) (p & 0xffff) - 1, place[k]);
            }
        }
    }

    /**
     * The position of an incident's geometry into {@code xy} (longitude, latitude); false when it has none, or one
     * that is not a readable GeoPackage geometry in degrees (e.g. written by another tool), which is logged: the
     * incident is then shown as unresolved, like one without a position.
     */
    static boolean position(long fid, byte[] geom, double[] xy) {
        if (geom == null) return false;
        try {
            if (!GeoPackageBinary.position(geom, xy)) return false;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            LOG.warning("incident " + fid + ": unreadable geometry (" + e.getMessage() + "); shown as unresolved");
            return false;
        }
        if (Math.abs(xy[1]) > 90 || Math.abs(xy[0]) > 180) {
            LOG.warning("incident " + fid + ": position " + xy[0] + " " + xy[1] + " is not in degrees; shown as unresolved");
            return false;
        }
        return true;
    }

    /**
     * A CASE expression turning an ACLED label column into the enum ordinal (-1 when NULL or unknown), so the
     * label strings never cross into Java. Labels are constants of the enum, never user input.
     */
    private static String ordinalCase(String column, Enum<?>[] values) {
        StringBuilder sb = new StringBuilder("CASE ").append(column);
        for (Enum<?> v : values) {
            String label = v instanceof EventType t ? t.label() : ((SubEventType) v).label();
            sb.append(" WHEN '").append(label.replace("'", "''")).append("' THEN ").append(v.ordinal());
        }
        return sb.append(" ELSE -1 END").toString();
    }
}
