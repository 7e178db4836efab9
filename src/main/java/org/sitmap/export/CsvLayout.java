package org.sitmap.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sitmap.model.Actor;
import org.sitmap.model.EventType;
import org.sitmap.model.Incident;
import org.sitmap.model.Provenance;

/**
 * The column layouts {@link CsvWriter} writes.
 * <ul>
 *   <li>{@link #SITMAP} (the default): every stored field, under ACLED's names where one fits, plus Sitmap's own
 *       ({@code end_date}, {@code assoc_actors}, {@code factions}, {@code actor_factions}, {@code origin},
 *       {@code evidence}); the ACLED reader imports it back unchanged.</li>
 *   <li>{@link #ACLED}: ACLED's 31 columns in ACLED's order, ids without Sitmap's {@code acled:} prefix (events from
 *       other sources keep their whole key, {@code ucdp:123}, so they stay apart on re-import). Columns Sitmap does
 *       not hold ({@code inter1}, {@code admin2}, {@code source_scale}, {@code tags} ...) are blank;
 *       {@code disorder_type}, {@code civilian_targeting}, {@code iso}, {@code region} and {@code year} are derived.
 *       A year-precise date is written as time precision 4 (ACLED itself stops at 3, the month). The end date,
 *       evidence, origin and each actor's faction are not in ACLED's layout.</li>
 *   <li>{@link #UCDP}: the 41 columns of UCDP GED's CSV (as its Syria extract has them), ids without the
 *       {@code ucdp:} prefix; the first actor is {@code side_a}, the others {@code side_b}; precisions as UCDP's
 *       codes ({@code date_prec} 1/3/4/5, {@code where_prec} 1/2/4); fatalities as {@code best};
 *       {@code type_of_violence} 3 for violence against civilians, 1 for battles and explosions (Sitmap does not
 *       know state-based from non-state), blank otherwise; evidence as {@code source_headline}. UCDP's own ids,
 *       dyads and death counts by side are not held by Sitmap and stay blank; the summary is not in the layout.</li>
 * </ul>
 */
public enum CsvLayout {
    SITMAP(List.of("id", "event_id_cnty", "event_date", "end_date", "time_precision", "event_type", "sub_event_type",
            "actor1", "actor2", "assoc_actors", "factions", "actor_factions", "country", "admin1", "location",
            "latitude", "longitude", "geo_precision", "fatalities", "source", "notes", "origin", "evidence",
            "timestamp")),
    ACLED(List.of("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
            "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
            "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
            "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")),
    UCDP(List.of("id", "year", "active_year", "type_of_violence", "conflict_new_id", "conflict_name", "dyad_new_id",
            "dyad_name", "side_a_new_id", "side_a", "side_b_new_id", "gwnob", "side_b", "number_of_sources",
            "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
            "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country",
            "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
            "deaths_civilians", "deaths_unknown", "low", "best", "high"));

    private final List<String> columns;

    CsvLayout(List<String> columns) {
        this.columns = columns;
    }

    /** The header row. */
    public List<String> columns() { return columns; }

    /** sitmap, acled or ucdp (any case) → a layout; throws IllegalArgumentException naming the choices otherwise. */
    public static CsvLayout parse(String s) {
        for (CsvLayout l : values()) if (l.name().equalsIgnoreCase(s.strip())) return l;
        throw new IllegalArgumentException("unknown CSV layout '" + s + "' (sitmap, acled or ucdp)");
    }

    /** The cells of one incident, in the order of {@link #columns()}. */
    List<String> cells(Incident i) {
        return switch (this) {
            case SITMAP -> sitmap(i);
            case ACLED -> acled(i);
            case UCDP -> ucdp(i);
        };
    }

    private static List<String> sitmap(Incident i) {
        List<Actor> a = i.actors();
        List<String> assoc = new ArrayList<>();
        for (int k = 2; k < a.size(); k++) assoc.add(a.get(k).name());
        List<String> codes = new ArrayList<>();
        for (Actor actor : a) codes.add(actor.factionCode());
        return Arrays.asList(
                Long.toString(i.id()), i.sourceKey(), i.date().toString(), str(i.endDate()),
                Integer.toString(i.datePrecision().code()), i.eventType().label(),
                i.subEventType() == null ? "" : i.subEventType().label(),
                a.size() > 0 ? a.get(0).name() : "", a.size() > 1 ? a.get(1).name() : "", String.join("; ", assoc),
                String.join(";", i.factions()), String.join(";", codes), str(i.country()), str(i.admin1()),
                str(i.place()), coordinate(i.latitude()), coordinate(i.longitude()),
                Integer.toString(i.geoPrecision().code()), str(i.fatalities()), str(i.source()), str(i.summary()),
                str(Provenance.shareable(i.origin())), str(i.evidence()), revised(i));
    }

    private static List<String> acled(Incident i) {
        List<Actor> a = i.actors();
        List<String> assoc2 = new ArrayList<>();
        for (int k = 2; k < a.size(); k++) assoc2.add(a.get(k).name());
        String key = i.sourceKey();
        String id = key.startsWith("acled:") ? key.substring(6) : key;
        EventType t = i.eventType();
        String country = str(i.country());
        return Arrays.asList(
                id, i.date().toString(), Integer.toString(i.date().getYear()), Integer.toString(i.datePrecision().code()),
                disorder(t), t.label(), i.subEventType() == null ? "" : i.subEventType().label(),
                a.size() > 0 ? a.get(0).name() : "", "", "", a.size() > 1 ? a.get(1).name() : "",
                String.join("; ", assoc2), "", "", t == EventType.VIOLENCE_AGAINST_CIVILIANS ? "Civilian targeting" : "",
                iso(country), region(country), country, str(i.admin1()), "", "", str(i.place()),
                coordinate(i.latitude()), coordinate(i.longitude()),
                i.located() ? Integer.toString(i.geoPrecision().code()) : "", str(i.source()), "", str(i.summary()),
                str(i.fatalities()), "", revised(i));
    }

    private static List<String> ucdp(Incident i) {
        List<Actor> a = i.actors();
        List<String> sideB = new ArrayList<>();
        for (int k = 1; k < a.size(); k++) sideB.add(a.get(k).name());
        String key = i.sourceKey();
        String id = key.startsWith("ucdp:") ? key.substring(5) : key;
        String violence = switch (i.eventType()) {
            case VIOLENCE_AGAINST_CIVILIANS -> "3";
            case BATTLES, EXPLOSIONS -> "1";
            default -> "";
        };
        String wherePrec = switch (i.geoPrecision()) {
            case EXACT -> "1";
            case NEAR -> "2";
            case REGION -> "4";
            case UNRESOLVED -> "";
        };
        String datePrec = switch (i.datePrecision()) {
            case DAY -> "1";
            case WEEK -> "3";
            case MONTH -> "4";
            case YEAR -> "5";
        };
        String country = str(i.country());
        String lat = coordinate(i.latitude()), lon = coordinate(i.longitude());
        return Arrays.asList(
                id, Integer.toString(i.date().getYear()), "", violence, "", "", "", "", "",
                a.isEmpty() ? "" : a.get(0).name(), "", "", String.join(", ", sideB), "", "", str(i.source()), "",
                str(i.evidence()), "", wherePrec, str(i.place()), str(i.admin1()), "", lat, lon,
                i.located() ? "POINT (" + lon + " " + lat + ")" : "", "", country,
                iso(country).equals("760") ? "652" : "", region(country), "", datePrec, i.date().toString(),
                (i.endDate() != null ? i.endDate() : i.date()).toString(), "", "", "", "", "", str(i.fatalities()), "");
    }

    /** ACLED's disorder type of an event type. */
    static String disorder(EventType t) {
        return switch (t) {
            case BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS -> "Political violence";
            case PROTESTS, RIOTS -> "Demonstrations";
            case STRATEGIC_DEVELOPMENTS -> "Strategic developments";
        };
    }

    /** ISO 3166-1 numeric code of the theatre's countries ("" for others). */
    static String iso(String country) {
        return switch (country.strip().toLowerCase(Locale.ROOT)) {
            case "syria", "syrian arab republic" -> "760";
            case "turkey", "türkiye", "turkiye" -> "792";
            case "iraq" -> "368";
            case "lebanon" -> "422";
            case "jordan" -> "400";
            case "israel" -> "376";
            default -> "";
        };
    }

    /** ACLED's region of the theatre's countries ("" for others). */
    static String region(String country) {
        return iso(country).isEmpty() ? "" : "Middle East";
    }

    /** A coordinate as the shortest decimal that reads back as the same double, without an exponent. */
    private static String coordinate(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).toPlainString();
    }

    private static String revised(Incident i) {
        return i.revised() == null ? "" : Long.toString(i.revised().getEpochSecond());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
