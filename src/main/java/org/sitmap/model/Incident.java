package org.sitmap.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One geocoded incident.
 *
 * @param id            the store's id; 0 for an incident not stored yet
 * @param sourceKey     a key stable across re-imports of the same source event ({@code acled:SYR123},
 *                      {@code ucdp:45678}, {@code article:<hash>:3} ...), used to recognise an event seen before
 * @param date          the (first) day of the event
 * @param datePrecision how precisely {@code date} is known
 * @param endDate       the last day where the source gives a range, else null; an end that is the last day the
 *                      date and its precision give anyway (e.g. the date itself for a day-precise event) is
 *                      dropped, so that writing {@link #spanEnd()} into a file or store and reading it back gives
 *                      the same incident
 * @param place         the place name as resolved (or as reported, if unresolved)
 * @param admin1        the governorate (first-level administrative division), may be null
 * @param country       the country name, may be null
 * @param latitude      WGS 84 latitude, null when the place is unresolved
 * @param longitude     WGS 84 longitude, null when the place is unresolved
 * @param geoPrecision  how precisely the position is known
 * @param eventType     the ACLED event type
 * @param subEventType  the ACLED sub-event type, may be null
 * @param actors        one or more actors, each mapped to a faction code
 * @param fatalities    the fatalities reported, null when unknown
 * @param summary       a short summary in the project's or the source data's words
 * @param source        who reported it (agency, outlet, data set)
 * @param origin        the document it came from: file name or URL, with a line where one applies
 * @param evidence      the text that supports it (a sentence of an article, an ACLED notes field)
 * @param revised       when the source last revised its record of the event (ACLED's {@code timestamp}), null
 *                      when the source gives none; an import keeps a stored version that is newer
 * @param batchId       the import batch it came from; 0 when not stored yet
 */
public record Incident(long id, String sourceKey, LocalDate date, DatePrecision datePrecision, LocalDate endDate,
                       String place, String admin1, String country, Double latitude, Double longitude,
                       GeoPrecision geoPrecision, EventType eventType, SubEventType subEventType, List<Actor> actors,
                       Integer fatalities, String summary, String source, String origin, String evidence,
                       Instant revised, long batchId) {

    public Incident {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(datePrecision, "datePrecision");
        Objects.requireNonNull(eventType, "eventType");
        actors = List.copyOf(actors);
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude must both be given or both be absent");
        }
        if (latitude == null) {
            geoPrecision = GeoPrecision.UNRESOLVED;
        } else {
            if (latitude < -90 || latitude > 90) throw new IllegalArgumentException("latitude out of range: " + latitude);
            if (longitude < -180 || longitude > 180) throw new IllegalArgumentException("longitude out of range: " + longitude);
            if (geoPrecision == null || geoPrecision == GeoPrecision.UNRESOLVED) geoPrecision = GeoPrecision.EXACT;
        }
        if (endDate != null && endDate.isBefore(date)) {
            throw new IllegalArgumentException("end date " + endDate + " before start date " + date);
        }
        if (endDate != null && endDate.equals(precisionEnd(date, datePrecision))) endDate = null;
        if (subEventType != null && subEventType.type() != eventType) {
            throw new IllegalArgumentException(subEventType.label() + " is not a sub-type of " + eventType.label());
        }
        if (fatalities != null && fatalities < 0) throw new IllegalArgumentException("negative fatalities");
    }

    /** True when the incident has coordinates and can be drawn. */
    public boolean located() { return latitude != null; }

    /** The distinct faction codes of the actors, in the order they first appear. */
    public List<String> factions() {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (Actor a : actors) codes.add(a.factionCode());
        if (codes.isEmpty()) codes.add(Faction.UNKNOWN_CODE);
        return new ArrayList<>(codes);
    }

    /**
     * The last day the event may have happened on: the end date where given, else the end of the week, month or
     * year that the date precision leaves open.
     */
    public LocalDate spanEnd() {
        return endDate != null ? endDate : precisionEnd(date, datePrecision);
    }

    private static LocalDate precisionEnd(LocalDate date, DatePrecision datePrecision) {
        return switch (datePrecision) {
            case DAY -> date;
            case WEEK -> date.plusDays(6);
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    /** A builder starting from this incident. */
    public Builder toBuilder() { return new Builder(this); }

    /** A new builder with day and exact precision defaults. */
    public static Builder builder() { return new Builder(); }

    /** Mutable builder for {@link Incident}; importers fill it field by field. */
    public static final class Builder {
        private long id;
        private String sourceKey;
        private LocalDate date;
        private DatePrecision datePrecision = DatePrecision.DAY;
        private LocalDate endDate;
        private String place;
        private String admin1;
        private String country;
        private Double latitude;
        private Double longitude;
        private GeoPrecision geoPrecision = GeoPrecision.EXACT;
        private EventType eventType;
        private SubEventType subEventType;
        private List<Actor> actors = new ArrayList<>();
        private Integer fatalities;
        private String summary;
        private String source;
        private String origin;
        private String evidence;
        private Instant revised;
        private long batchId;

        private Builder() { }

        private Builder(Incident i) {
            id = i.id; sourceKey = i.sourceKey; date = i.date; datePrecision = i.datePrecision; endDate = i.endDate;
            place = i.place; admin1 = i.admin1; country = i.country; latitude = i.latitude; longitude = i.longitude;
            geoPrecision = i.geoPrecision; eventType = i.eventType; subEventType = i.subEventType;
            actors = new ArrayList<>(i.actors); fatalities = i.fatalities; summary = i.summary; source = i.source;
            origin = i.origin; evidence = i.evidence; revised = i.revised; batchId = i.batchId;
        }

        public Builder id(long v) { id = v; return this; }
        public Builder sourceKey(String v) { sourceKey = v; return this; }
        public Builder date(LocalDate v) { date = v; return this; }
        public Builder datePrecision(DatePrecision v) { datePrecision = v; return this; }
        public Builder endDate(LocalDate v) { endDate = v; return this; }
        public Builder place(String v) { place = v; return this; }
        public Builder admin1(String v) { admin1 = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder position(Double lat, Double lon) { latitude = lat; longitude = lon; return this; }
        public Builder geoPrecision(GeoPrecision v) { geoPrecision = v; return this; }
        public Builder eventType(EventType v) { eventType = v; return this; }
        /** Sets the sub-type and its parent event type together. */
        public Builder subEventType(SubEventType v) {
            subEventType = v;
            if (v != null) eventType = v.type();
            return this;
        }
        public Builder actors(List<Actor> v) { actors = new ArrayList<>(v); return this; }
        public Builder actor(String name, String factionCode) { actors.add(new Actor(name, factionCode)); return this; }
        public Builder fatalities(Integer v) { fatalities = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder origin(String v) { origin = v; return this; }
        public Builder evidence(String v) { evidence = v; return this; }
        public Builder revised(Instant v) { revised = v; return this; }
        public Builder batchId(long v) { batchId = v; return this; }

        public Incident build() {
            return new Incident(id, sourceKey, date, datePrecision, endDate, place, admin1, country, latitude,
                    longitude, geoPrecision, eventType, subEventType, actors, fatalities, summary, source, origin,
                    evidence, revised, batchId);
        }
    }
}
