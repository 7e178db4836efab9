package org.sitmap.ingest.ucdp;

// UcdpReader before the byte tokenizer (eighth session): the oracle of CsvExactnessTest.

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.csv.ActorNames;
import org.sitmap.ingest.csv.CsvHeader;
import org.sitmap.ingest.csv.LegacyCsvHeader;
import org.sitmap.ingest.csv.LegacyCsvIncidentReader;
import org.sitmap.ingest.csv.CsvIncidentReader.Bad;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.SubEventType;

/**
 * Reads a UCDP Georeferenced Event Dataset (GED) CSV. Columns are found by name; {@code id} (or the older
 * {@code relid}), {@code date_start}, {@code side_a}, {@code latitude}, {@code longitude} are required.
 *
 * <p>Mapping: key {@code ucdp:<id>}; {@code side_a}, {@code side_b} → actors (a side may list several actors
 * separated by commas; each is mapped through the faction aliases,
 * e.g. "Government of Syria" → SAA, "IS" → ISIS, "Civilians" → CIV); {@code date_start} → date,
 * {@code date_end} → end date when later; {@code date_prec} → precision ({@link DatePrecision#ofUcdp}: 1 day, 2-3
 * week, 4 month, 5 year); {@code where_prec} → {@link GeoPrecision#ofUcdp} (1 exact, 2 near, 3-7 region);
 * {@code where_coordinates} → place, {@code adm_1} → admin1; {@code best} → fatalities, and the summary reads
 * "dyad: N deaths (low L, high H)"; {@code source_office} → source; {@code source_headline} (else
 * {@code source_article}) → evidence. {@code type_of_violence}: 1 state-based and 2 non-state conflict →
 * Battles / Armed clash; 3 one-sided violence → Violence against civilians / Attack.
 *
 * <p>Not thread-safe.
 */
public final class LegacyUcdpReader extends LegacyCsvIncidentReader {
    private final ActorNames actors;
    private final int id, sideA, sideB, dateStart, dateEnd, datePrec, wherePrec, place, adm1, country, latitude,
            longitude, best, low, high, sourceOffice, sourceHeadline, sourceArticle, violence, dyad;

    public LegacyUcdpReader(InputStream in, String file, FactionCatalog catalog) throws IOException {
        super(in, file, "a UCDP GED CSV file");
        actors = new ActorNames(catalog, ",;");
        try {
            List<String> missing = CsvHeader.missing();
            id = header.require(missing, "id", "relid");
            dateStart = header.require(missing, "date_start");
            sideA = header.require(missing, "side_a");
            latitude = header.require(missing, "latitude");
            longitude = header.require(missing, "longitude");
            header.check(missing, "a UCDP GED CSV file");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        sideB = header.find("side_b");
        dateEnd = header.find("date_end");
        datePrec = header.find("date_prec");
        wherePrec = header.find("where_prec");
        place = header.find("where_coordinates");
        adm1 = header.find("adm_1");
        country = header.find("country");
        best = header.find("best", "best_est");
        low = header.find("low", "low_est");
        high = header.find("high", "high_est");
        sourceOffice = header.find("source_office");
        sourceHeadline = header.find("source_headline");
        sourceArticle = header.find("source_article");
        violence = header.find("type_of_violence");
        dyad = header.find("dyad_name");
    }

    /** Opens a file (the {@code Formats} entry). */
    public static IncidentReader open(Path path, ReaderContext ctx) throws IOException {
        return new UcdpReader(Files.newInputStream(path), path.toString(), ctx.catalog());
    }

    /** True when the first line of {@code head} is a UCDP GED header. */
    public static boolean sniff(String head) {
        return headerNames(head, "side_a", "date_start", "where_prec");
    }

    @Override
    public String format() { return "ucdp"; }

    @Override
    protected Incident toIncident(long line) throws Bad {
        String key = sourceKey(id, "ucdp", "id");
        LocalDate start = date(dateStart, "date_start");
        Incident.Builder b = Incident.builder().sourceKey(key).date(start);
        if (text(dateEnd) != null) {
            LocalDate end = date(dateEnd, "date_end");
            if (end.isBefore(start)) throw new Bad("date_end " + end + " is before date_start " + start);
            if (end.isAfter(start)) b.endDate(end);
        }
        Integer dp = count(datePrec, "date_prec");
        if (dp != null) {
            if (dp < 1 || dp > 5) throw new Bad("date_prec must be 1-5, not " + dp);
            b.datePrecision(DatePrecision.ofUcdp(dp));
        }
        position(b, latitude, longitude);
        Integer wp = count(wherePrec, "where_prec");
        if (wp != null) {
            if (wp < 1 || wp > 7) throw new Bad("where_prec must be 1-7, not " + wp);
            b.geoPrecision(GeoPrecision.ofUcdp(wp));
        }
        Integer tv = count(violence, "type_of_violence");
        if (tv != null && (tv < 1 || tv > 3)) throw new Bad("type_of_violence must be 1, 2 or 3, not " + tv);
        b.subEventType(tv != null && tv == 3 ? SubEventType.ATTACK : SubEventType.ARMED_CLASH);
        List<Actor> list = new ArrayList<>(2);
        actors.addAll(text(sideA), list);
        actors.addAll(text(sideB), list);
        if (list.isEmpty()) throw new Bad("no side_a");
        b.actors(list);
        Integer bestN = count(best, "best");
        Integer lowN = count(low, "low"), highN = count(high, "high");
        b.fatalities(bestN);
        b.place(placeName(text(place))).admin1(text(adm1)).country(text(country));
        b.summary(summary(bestN, lowN, highN));
        b.source(text(sourceOffice));
        String headline = text(sourceHeadline);
        b.evidence(headline != null ? headline : text(sourceArticle));
        b.origin(file + ":" + line);
        return b.build();
    }

    private String summary(Integer bestN, Integer lowN, Integer highN) {
        StringBuilder sb = new StringBuilder();
        String d = text(dyad);
        if (d != null) sb.append(d).append(": ");
        if (bestN == null) sb.append("deaths unknown");
        else sb.append(bestN).append(bestN == 1 ? " death" : " deaths");
        if (lowN != null && highN != null && (!lowN.equals(bestN) || !highN.equals(bestN))) {
            sb.append(" (low ").append(lowN).append(", high ").append(highN).append(')');
        }
        return sb.toString();
    }

    /**
     * UCDP names a settlement with its kind ("Saraqib town", "Maarzita village"); the kind goes, so the name matches
     * the gazetteer and reads as a label. Other qualifiers ("Idlib Governorate", "Ariha district", "Tabqa airport")
     * say what the place is and stay.
     */
    static String placeName(String where) {
        if (where == null) return null;
        for (String kind : new String[] {" town", " village", " city", " suburb"}) {
            if (where.endsWith(kind) && where.length() > kind.length() + 1) {
                return where.substring(0, where.length() - kind.length()).strip();
            }
        }
        return where;
    }
}
