package org.sitmap.ingest.acled;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.csv.ActorNames;
import org.sitmap.ingest.csv.CsvHeader;
import org.sitmap.ingest.csv.CsvIncidentReader;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;

/**
 * Reads an ACLED CSV export, current (31 lower-case columns: {@code event_id_cnty, event_date, time_precision,
 * event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, ..., latitude, longitude,
 * geo_precision, source, notes, fatalities, ...}) or older (upper-case headers, {@code ALLY_ACTOR_1/2},
 * {@code GEO_PRECIS}, dd/mm/yyyy dates, the pre-2019 event types). Columns are found by name, in any order;
 * {@code event_id_cnty, event_date, event_type, actor1, latitude, longitude} are required.
 *
 * <p>Mapping: key {@code acled:<event_id_cnty>}; {@code time_precision} 1/2/3 → day/week/month;
 * {@code geo_precision} 1/2/3 → exact/near/region; actors are {@code actor1}, {@code assoc_actor_1},
 * {@code actor2}, {@code assoc_actor_2} split on {@code ;}, each mapped to a faction through the aliases
 * (unmapped: UNK, listed in the report); {@code location} → place; {@code notes} → summary;
 * {@code source} → source; origin {@code file:line}. See {@link AcledTypes} for the event types. The CSV that
 * {@code sitmap query --format csv} writes imports back: its keys ({@code acled:...}, {@code ucdp:...}) are kept,
 * and its {@code end_date}, {@code assoc_actors}, {@code actor_factions}, {@code evidence} and {@code origin}
 * columns are read.
 * {@code timestamp} (Unix seconds) is the source's revision of the event: the store keeps a newer stored version.
 *
 * <p>Not thread-safe.
 */
public final class AcledReader extends CsvIncidentReader {
    private final ActorNames actors;
    private final AcledTypes types = new AcledTypes();
    private final int id, date, timePrecision, eventType, subEventType, actor1, assoc1, actor2, assoc2, country,
            admin1, location, latitude, longitude, geoPrecision, source, notes, fatalities, assocBoth, endDate,
            evidence, origin, timestamp, actorFactions;

    public AcledReader(InputStream in, String file, FactionCatalog catalog) throws IOException {
        super(in, file, "an ACLED CSV export");
        actors = new ActorNames(catalog);
        try {
            List<String> missing = CsvHeader.missing();
            id = header.require(missing, "event_id_cnty");
            date = header.require(missing, "event_date");
            eventType = header.require(missing, "event_type");
            actor1 = header.require(missing, "actor1");
            latitude = header.require(missing, "latitude");
            longitude = header.require(missing, "longitude");
            header.check(missing, "an ACLED CSV export");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        timePrecision = header.find("time_precision");
        subEventType = header.find("sub_event_type");
        assoc1 = header.find("assoc_actor_1", "ally_actor_1");
        actor2 = header.find("actor2");
        assoc2 = header.find("assoc_actor_2", "ally_actor_2");
        country = header.find("country");
        admin1 = header.find("admin1");
        location = header.find("location");
        geoPrecision = header.find("geo_precision", "geo_precis");
        source = header.find("source");
        notes = header.find("notes");
        fatalities = header.find("fatalities");
        // columns of Sitmap's own CSV export, so that it imports back
        assocBoth = header.find("assoc_actors");
        endDate = header.find("end_date");
        evidence = header.find("evidence");
        origin = header.find("origin");
        timestamp = header.find("timestamp");
        actorFactions = header.find("actor_factions");
    }

    /** Opens a file (the {@code Formats} entry). */
    public static IncidentReader open(Path path, ReaderContext ctx) throws IOException {
        return new AcledReader(Files.newInputStream(path), path.toString(), ctx.catalog());
    }

    /** True when the first line of {@code head} is an ACLED header. */
    public static boolean sniff(String head) {
        return headerNames(head, "event_id_cnty", "event_date");
    }

    @Override
    public String format() { return "acled"; }

    /** ACLED's {@code timestamp}: when the event's record was last changed, in Unix seconds; null when blank. */
    private static java.time.Instant revision(String s) throws Bad {
        if (s == null) return null;
        boolean digits = !s.isEmpty() && s.length() <= 11;
        for (int k = 0; digits && k < s.length(); k++) digits = s.charAt(k) >= '0' && s.charAt(k) <= '9';
        if (!digits) throw new Bad("timestamp '" + cut(s) + "' is not a time in seconds since 1970 (Unix time)");
        return java.time.Instant.ofEpochSecond(Long.parseLong(s));
    }

    /**
     * The actors with the faction codes of Sitmap's {@code actor_factions} column (one code per actor, in the
     * order actor1, assoc_actor_1, actor2, assoc_actor_2, assoc_actors), which keeps what the store knew even where
     * the aliases would map a name otherwise; {@code mapped} (the aliases' reading) when the column is absent or
     * does not match the names.
     */
    private List<Actor> withOwnFactions(List<Actor> mapped) {
        String codes = text(actorFactions);
        if (codes == null) return mapped;
        List<String> names = new ArrayList<>();
        for (int col : new int[] {actor1, assoc1, actor2, assoc2, assocBoth}) split(text(col), names);
        List<String> code = new ArrayList<>();
        split(codes, code);
        if (names.size() != code.size()) return mapped;
        List<Actor> out = new ArrayList<>(names.size());
        for (int k = 0; k < names.size(); k++) out.add(new Actor(names.get(k), code.get(k)));
        return out;
    }

    private static void split(String field, List<String> out) {
        if (field == null) return;
        for (String part : field.split(";")) if (!part.isBlank()) out.add(part.strip());
    }

    @Override
    protected Incident toIncident(long line) throws Bad {
        Incident.Builder b = Incident.builder().sourceKey(sourceKey(id, "acled", "event_id_cnty"))
                .date(date(date, "event_date"));
        if (text(endDate) != null) b.endDate(date(endDate, "end_date"));
        Integer tp = count(timePrecision, "time_precision");
        if (tp != null) {
            if (tp < 1 || tp > 4) throw new Bad("time_precision must be 1 (day), 2 (week) or 3 (month), not " + tp);
            b.datePrecision(DatePrecision.ofCode(tp));
        }
        boolean located = position(b, latitude, longitude);
        Integer gp = count(geoPrecision, "geo_precision");
        if (gp != null) {
            if (gp > 3 || gp == 0 && located) throw new Bad("geo_precision must be 1, 2 or 3, not " + gp);
            b.geoPrecision(GeoPrecision.ofCode(gp));
        }
        types.apply(repeated(eventType), repeated(subEventType), b);
        List<Actor> list = new ArrayList<>(4);
        actors.addAll(repeated(actor1), list);
        actors.addAll(repeated(assoc1), list);
        actors.addAll(repeated(actor2), list);
        actors.addAll(repeated(assoc2), list);
        actors.addAll(repeated(assocBoth), list);
        if (list.isEmpty()) throw new Bad("no actor1");
        b.actors(withOwnFactions(list));
        b.fatalities(count(fatalities, "fatalities"));
        b.place(repeated(location)).admin1(repeated(admin1)).country(repeated(country));
        b.summary(text(notes)).source(repeated(source)).evidence(text(evidence));
        String from = text(origin);
        b.origin(from != null ? from : file + ":" + line);
        b.revised(revision(text(timestamp)));
        return b.build();
    }
}
