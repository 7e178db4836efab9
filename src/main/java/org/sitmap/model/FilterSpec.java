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
 * @param factions       faction codes to keep (empty: every faction, unless {@code noFaction}); how an incident's
 *                       factions are matched against them is {@code factionRule}
 * @param eventTypes     event types to keep
 * @param subEventTypes  sub-event types to keep
 * @param minFatalities  keep incidents with at least this many fatalities (0: keep all, including unknown)
 * @param datePrecisions date precisions to keep
 * @param text           words to find in place, summary and evidence (full-text search), or blank
 * @param bbox           a bounding box, or null
 * @param area           a polygon drawn on the map as lon,lat pairs (closed implicitly), or empty
 * @param factionRule    how {@code factions} selects incidents ({@link FactionRule#ANY} on the command line,
 *                       {@link FactionRule#PRIMARY} in the window)
 * @param noFaction      true when every faction is switched off, so nothing passes (the filter panel's "None");
 *                       {@code factions} is then empty
 */
public record FilterSpec(LocalDate from, LocalDate to, Set<String> factions, Set<EventType> eventTypes,
                         Set<SubEventType> subEventTypes, int minFatalities, Set<DatePrecision> datePrecisions,
                         String text, BBox bbox, List<double[]> area, FactionRule factionRule,
                         boolean noFaction) {

    public FilterSpec {
        factions = noFaction ? Set.of() : Set.copyOf(factions);
        factionRule = factionRule == null ? FactionRule.ANY : factionRule;
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
            null, List.of(), FactionRule.ANY, false);

    public FilterSpec withDates(LocalDate newFrom, LocalDate newTo) {
        return new FilterSpec(newFrom, newTo, factions, eventTypes, subEventTypes, minFatalities, datePrecisions,
                text, bbox, area, factionRule, noFaction);
    }

    /** Keeps the incidents of these factions (empty: every faction); clears {@link #noFaction()}. */
    public FilterSpec withFactions(Set<String> codes) {
        return new FilterSpec(from, to, codes, eventTypes, subEventTypes, minFatalities, datePrecisions, text, bbox,
                area, factionRule, false);
    }

    public FilterSpec withEventTypes(Set<EventType> types) {
        return new FilterSpec(from, to, factions, types, subEventTypes, minFatalities, datePrecisions, text, bbox,
                area, factionRule, noFaction);
    }

    public FilterSpec withSubEventTypes(Set<SubEventType> types) {
        return new FilterSpec(from, to, factions, eventTypes, types, minFatalities, datePrecisions, text, bbox, area, factionRule, noFaction);
    }

    public FilterSpec withMinFatalities(int min) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, min, datePrecisions, text, bbox, area, factionRule, noFaction);
    }

    public FilterSpec withDatePrecisions(Set<DatePrecision> precisions) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, precisions, text, bbox,
                area, factionRule, noFaction);
    }

    public FilterSpec withText(String words) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, words,
                bbox, area, factionRule, noFaction);
    }

    public FilterSpec withBbox(BBox box) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, text, box,
                area, factionRule, noFaction);
    }

    public FilterSpec withArea(List<double[]> polygon) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, text,
                bbox, polygon, factionRule, noFaction);
    }

    /** The same filter with its factions matched under {@code rule}. */
    public FilterSpec withFactionRule(FactionRule rule) {
        return new FilterSpec(from, to, factions, eventTypes, subEventTypes, minFatalities, datePrecisions, text,
                bbox, area, rule, noFaction);
    }

    /** Every faction switched off: nothing passes until one is switched on again ({@link #withFactions}). */
    public FilterSpec withNoFaction() {
        return new FilterSpec(from, to, Set.of(), eventTypes, subEventTypes, minFatalities, datePrecisions, text,
                bbox, area, factionRule, true);
    }

    /** True when the faction choice restricts anything (a set of factions, or none at all). */
    public boolean restrictsFactions() {
        return noFaction || !factions.isEmpty();
    }
}
