package org.sitmap.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.BBox;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;

/** Plain-English text of a filter for a map's caption: the date range and each active restriction. */
public final class FilterText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private FilterText() { }

    /** "3 Jan 2019 – 9 Jan 2019"; open ends say "from"/"until"; no dates: the span of the shown incidents. */
    public static String dateRange(FilterSpec f, Selection shown) {
        if (f.from() != null && f.to() != null) return range(f.from(), f.to());
        if (f.from() != null) return "From " + DAY.format(f.from());
        if (f.to() != null) return "Until " + DAY.format(f.to());
        if (shown == null || shown.count() == 0) return "All dates";
        IncidentIndex ix = shown.index();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < shown.count(); k++) {
            min = Math.min(min, ix.day(shown.row(k)));
            max = Math.max(max, ix.dayEnd(shown.row(k)));
        }
        return range(LocalDate.ofEpochDay(min), LocalDate.ofEpochDay(max));
    }

    /** "3 Jan 2019 – 9 Jan 2019", or one day. */
    public static String range(LocalDate from, LocalDate to) {
        return from.equals(to) ? DAY.format(from) : DAY.format(from) + " – " + DAY.format(to);
    }

    /** One line per active restriction besides the dates; "No other filters" when there is none. */
    public static List<String> describe(FilterSpec f) {
        List<String> out = new ArrayList<>();
        if (!f.factions().isEmpty()) out.add("Factions: " + String.join(", ", new TreeSet<>(f.factions())));
        List<String> types = new ArrayList<>();
        for (EventType t : EventType.values()) if (f.eventTypes().contains(t)) types.add(t.label());
        for (SubEventType t : SubEventType.values()) if (f.subEventTypes().contains(t)) types.add(t.label());
        if (!types.isEmpty()) out.add("Event types: " + String.join(", ", types));
        if (f.minFatalities() > 0) out.add("At least " + f.minFatalities() + " fatalities");
        if (!f.datePrecisions().isEmpty()) {
            List<String> p = new ArrayList<>();
            for (DatePrecision d : DatePrecision.values()) {
                if (f.datePrecisions().contains(d)) p.add(d.name().toLowerCase(Locale.ROOT));
            }
            out.add("Dates known to the " + String.join(", ", p));
        }
        if (!f.text().isBlank()) out.add("Text: \u201c" + f.text() + "\u201d");
        BBox b = f.bbox();
        if (b != null) {
            out.add(String.format(Locale.ROOT, "Area: %.3f, %.3f to %.3f, %.3f (lon, lat)", b.minLon(), b.minLat(),
                    b.maxLon(), b.maxLat()));
        }
        if (!f.area().isEmpty()) out.add("Area: a drawn shape of " + f.area().size() + " points");
        if (out.isEmpty()) out.add("No other filters");
        return out;
    }
}
