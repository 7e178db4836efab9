package org.sitmap.store;

import org.sitmap.model.Place;

/**
 * A gazetteer entry of the store with what the store knows about it.
 *
 * @param place     the entry (source {@code events:ucdp}, {@code events:acled} ... when learned from event data)
 * @param precision the best geo precision of the events that name it (1 exact, 2 near, 3 region); 1 for entries
 *                  added from a gazetteer file
 * @param events    how many stored events name it (0 for entries added from a gazetteer file)
 */
public record StoredPlace(Place place, int precision, int events) {
    /** True when the entry was learned from imported event data. */
    public boolean learned() { return place.source() != null && place.source().startsWith("events:"); }
}
