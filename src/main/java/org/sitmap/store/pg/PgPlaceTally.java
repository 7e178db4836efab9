package org.sitmap.store.pg;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitmap.model.Incident;

/**
 * The places of a first load's events, tallied by the client as its rows stream, so that learning them costs one map
 * lookup a row instead of a grouping over the whole batch on the server ({@link PgPlaces#learn(java.sql.Connection,
 * long, String, long)}, about 20 s for a million rows). The rule is the server query's: a place name trimmed of
 * spaces, within a cell of 0.01°, at the position of its first row (the lowest id, since a first load numbers the
 * rows in file order), with the best precision and the first governorate and country given; every row counts as
 * inserted.
 *
 * <p>Not thread-safe: the importing thread only.
 */
final class PgPlaceTally {
    /** One distinct place. */
    static final class Entry {
        final String name;
        final double latitude;
        final double longitude;
        int precision;
        String admin1;
        String country;
        int events;

        private Entry(String name, double latitude, double longitude, int precision) {
            this.name = name;
            this.latitude = latitude;
            this.longitude = longitude;
            this.precision = precision;
        }
    }

    private static final double CELL_DEGREES = 0.01;

    private record Key(String name, long row, long column) { }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    /** Counts {@code inc}'s place when it has a name and a position. */
    void add(Incident inc) {
        if (!inc.located() || inc.place() == null) return;
        String name = trimSpaces(inc.place());
        if (name.isEmpty()) return;
        Key k = new Key(name, (long) Math.floor(inc.latitude() / CELL_DEGREES),
                (long) Math.floor(inc.longitude() / CELL_DEGREES));
        int precision = inc.geoPrecision().code();
        Entry e = entries.get(k);
        if (e == null) {
            e = new Entry(name, inc.latitude(), inc.longitude(), precision);
            entries.put(k, e);
        }
        e.precision = Math.min(e.precision, precision);
        if (e.admin1 == null) e.admin1 = inc.admin1();
        if (e.country == null) e.country = inc.country();
        e.events++;
    }

    /** The places in the order first seen. */
    Collection<Entry> entries() {
        return entries.values();
    }

    /** {@code s} without leading and trailing spaces, as PostgreSQL's {@code btrim(s)}. */
    static String trimSpaces(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == ' ') a++;
        while (b > a && s.charAt(b - 1) == ' ') b--;
        return a == 0 && b == s.length() ? s : s.substring(a, b);
    }
}
