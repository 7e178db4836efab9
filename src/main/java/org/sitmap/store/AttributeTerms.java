package org.sitmap.store;

import java.util.Collections;
import java.util.List;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;

/**
 * The filter's terms on plain columns (event type, sub-event type, fatalities, date precision), written in SQL that
 * SQLite and PostgreSQL read alike; both stores' queries add them. Dates, factions, text and position differ by
 * store and stay with each.
 */
public final class AttributeTerms {
    private AttributeTerms() { }

    /** Adds to {@code where} the terms of {@code spec} on those columns, and their values to {@code params}. */
    public static void add(FilterSpec spec, List<String> where, List<Object> params) {
        if (!spec.eventTypes().isEmpty()) {
            where.add("event_type IN (" + marks(spec.eventTypes().size()) + ")");
            for (EventType t : spec.eventTypes()) params.add(t.label());
        }
        if (!spec.subEventTypes().isEmpty()) {
            where.add("sub_event_type IN (" + marks(spec.subEventTypes().size()) + ")");
            for (SubEventType t : spec.subEventTypes()) params.add(t.label());
        }
        if (spec.minFatalities() > 0) {
            where.add("fatalities >= ?");
            params.add(spec.minFatalities());
        }
        if (!spec.datePrecisions().isEmpty()) {
            where.add("date_precision IN (" + marks(spec.datePrecisions().size()) + ")");
            for (DatePrecision p : spec.datePrecisions()) params.add(p.code());
        }
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
