package org.sitmap.store.gpkg;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.sitmap.model.Incident;

/**
 * The distinct located places of one import: name as the source gives it, position, the best geo precision seen,
 * governorate and country, and how many newly inserted events name it. One map lookup per row, so that learning
 * places costs an import almost nothing; the store writes the tally once, at the end of the transaction.
 *
 * <p>Positions of one name in the same cell of {@link #CELL_DEGREES} (about a kilometre) are one place, at the
 * first position seen: a source that gives each event its own coordinates near a town (GPS points, jittered or
 * survey data) would otherwise add a place per event, so the gazetteer, and the import's time, grew with the
 * file (a million such rows made 969,000 places and a third of the import's SQLite time).
 *
 * <p>Not thread-safe: filled by the {@link RowPlanner}'s thread, read by the importing thread after the hand-off.
 */
final class PlaceTally {
    /** One distinct place. */
    static final class Entry {
        final String name;
        final double latitude;
        final double longitude;
        int precision;
        String admin1;
        String country;
        int events;

        Entry(String name, double latitude, double longitude) {
            this.name = name;
            this.latitude = latitude;
            this.longitude = longitude;
        }
    }

    /** The size of the cells within which positions of one name are one place, in degrees. */
    static final double CELL_DEGREES = 0.01;

    private record Key(String name, long row, long column) { }

    private final Map<Key, Entry> entries = new HashMap<>();

    /** Counts {@code inc}'s place when it has a name and a position; {@code inserted} adds one event to it. */
    void add(Incident inc, boolean inserted) {
        if (!inc.located()) return;
        String name = inc.place();
        if (name == null || name.isBlank()) return;
        Key k = new Key(name.strip(), (long) Math.floor(inc.latitude() / CELL_DEGREES),
                (long) Math.floor(inc.longitude() / CELL_DEGREES));
        Entry e = entries.get(k);
        if (e == null) {
            e = new Entry(k.name(), inc.latitude(), inc.longitude());
            e.precision = inc.geoPrecision().code();
            entries.put(k, e);
        }
        e.precision = Math.min(e.precision, inc.geoPrecision().code());
        if (e.admin1 == null) e.admin1 = inc.admin1();
        if (e.country == null) e.country = inc.country();
        if (inserted) e.events++;
    }

    /**
     * Adds the places of {@code later} (counted after this tally's rows): a place this tally has keeps its
     * position, takes the better precision and the events of both.
     */
    void addAll(PlaceTally later) {
        for (Map.Entry<Key, Entry> en : later.entries.entrySet()) {
            Entry e = entries.putIfAbsent(en.getKey(), en.getValue());
            if (e == null) continue;
            Entry o = en.getValue();
            e.precision = Math.min(e.precision, o.precision);
            if (e.admin1 == null) e.admin1 = o.admin1;
            if (e.country == null) e.country = o.country;
            e.events += o.events;
        }
    }

    Collection<Entry> entries() { return entries.values(); }

    int size() { return entries.size(); }
}
