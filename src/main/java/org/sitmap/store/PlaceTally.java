package org.sitmap.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.sitmap.model.Incident;

/**
 * The distinct located places of one import: name as the source gives it, position, the best geo precision seen,
 * governorate and country, and how many newly inserted events name it. One map lookup per row, so that learning
 * places costs an import almost nothing; the store writes the tally once, at the end of the transaction.
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

    private record Key(String name, double latitude, double longitude) { }

    private final Map<Key, Entry> entries = new HashMap<>();

    /** Counts {@code inc}'s place when it has a name and a position; {@code inserted} adds one event to it. */
    void add(Incident inc, boolean inserted) {
        if (!inc.located()) return;
        String name = inc.place();
        if (name == null || name.isBlank()) return;
        Key k = new Key(name.strip(), inc.latitude(), inc.longitude());
        Entry e = entries.get(k);
        if (e == null) {
            e = new Entry(k.name(), k.latitude(), k.longitude());
            e.precision = inc.geoPrecision().code();
            entries.put(k, e);
        }
        e.precision = Math.min(e.precision, inc.geoPrecision().code());
        if (e.admin1 == null) e.admin1 = inc.admin1();
        if (e.country == null) e.country = inc.country();
        if (inserted) e.events++;
    }

    Collection<Entry> entries() { return entries.values(); }

    int size() { return entries.size(); }
}
