package org.sitmap.model;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the analyst asked to see. Empty sets and null bounds mean "no restriction". An incident passes the date
 * window when its span ({@link Incident#date()} to {@link Incident#spanEnd()}) overlaps {@code from..to}.
 *
 * @param from           first day shown, or null
 * @param to             last day shown (inclusive), or null
 * @param factions       faction codes; on the command line an incident passes when any of its actors' factions is
 *                       among them, in the window when its primary faction is (see {@code IndexFilter.FactionRule})
 * @param eventTypes     event types to keep
 * @param subEventTypes  sub-event types to keep
 * @param minFatalities  keep incidents with at least this many fatalities (0: keep all, including unknown)
 * @param datePrecisions date precisions to keep
 * @param text           words to find in place, summary and evidence (full-text search), or blank
 * @param bbox           a bounding box, or null
 * @param area           a polygon drawn on the map as lon,lat pairs (closed implicitly), or empty
 */
public record FilterSpec(LocalDate from, LocalDate to, Set<String> factions, Set<EventType> eventTypes,
                         Set<SubEventType> subEventTypes, int minFatalities, Set<DatePrecision> datePrecisions,
                         String text, BBox bbox, List<double[]> area) {

    public FilterSpec {
        factions = Set.copyOf(factions);
        eventTypes = eventTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(eventTypes));
        subEventTypes = subEventTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(subEventTypes));
        datePrecisions = datePrecisions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(datePrecisions));
        text = text == null ? "" : text.strip();
        area = area == null ? List.of() : List.copyOf(area);
        if (minFatalities < 0) throw new IllegalArgumentException("minimum fatalities below zero");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** No restriction at all. */
    public static final FilterSpec ALL = new FilterSpec(null, null, Set.of(), Set.of(), Set.of(), 0, Set.of(), "",
            null, List.of());

    public FilterSpec withDates(LocalDate newFrom, LocalDate newTo) {
        return new FilterSpec(newFrom, newTo, factions, eventTypes, subEventTypes, minFatalities, datePrecisions,
                text, bbox, area);
    }

    public FilterSpec withFactions(Set<String> codes) {
        return new FilterSpec(from, to, codes, eventTypes, subEventTypes, minFatalities, datePrecisions, text, bbox,
                area);
    }

    public FilterSpec withEventTypes(Set<EventType> types) {
        return new FilterSpec(from, to, factions, types, subEventTypes, minFatalities, datePrecisions, text, bbox,
                area);
    }

    public FilterSpec withSubEventTypes(Set<SubEventType> types) {
        return new FilterSpec(from, to, factions, eventTypes, types, minFatalities, datePrecisions, text, bbox, area);
    }

    public FilterSpec withMinFatalities(int min) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, min, datePrecisions, text, bbox, area);
    }

    public FilterSpec withDatePrecisions(Set<DatePrecision> precisions) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, precisions, text, bbox,
                area);
    }

    public FilterSpec withText(String words) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, words,
                bbox, area);
    }

    public FilterSpec withBbox(BBox box) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, text, box,
                area);
    }

    public FilterSpec withArea(List<double[]> polygon) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, text,
                bbox, polygon);
    }
}
