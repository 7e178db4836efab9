package org.sitmap.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;

/** Incidents and files that tests write themselves. */
public final class Fixtures {
    private Fixtures() { }

    /** An incident with every field set, Arabic place and actor names included. */
    public static Incident arabic() {
        return Incident.builder().sourceKey("test:kafr-sijnah").date(LocalDate.of(2020, 6, 1))
                .datePrecision(DatePrecision.MONTH).endDate(LocalDate.of(2020, 6, 30)).place("كفرسجنة")
                .admin1("إدلب").country("Syria").position(35.5279, 36.5896).geoPrecision(GeoPrecision.NEAR)
                .subEventType(SubEventType.AIR_DRONE_STRIKE).actor("القوات الجوية السورية", "SAA")
                .actor("Russian warplanes", "RUS").fatalities(3).summary("Strike on the village; \"quoted\", commas")
                .source("SOHR").origin("article.txt:12").evidence("الطائرات قصفت القرية").build();
    }

    /** An unresolved incident with unknown fatalities and no end date. */
    public static Incident unresolved() {
        return Incident.builder().sourceKey("test:unresolved").date(LocalDate.of(2019, 3, 2))
                .place("Tal Unknown").eventType(EventType.BATTLES).actor("unidentified gunmen", "UNK")
                .summary("Clash at an unknown hamlet").source("test").build();
    }

    /** A plain located incident. */
    public static Incident simple(String key, LocalDate date, String place, double lat, double lon, String faction) {
        return Incident.builder().sourceKey(key).date(date).place(place).position(lat, lon)
                .subEventType(SubEventType.SHELLING).actor(faction + " forces", faction).fatalities(1)
                .summary("Shelling of " + place).source("test").build();
    }

    /** A reader over given rows. */
    public static IncidentReader reader(String file, List<ParsedRow> rows) {
        Iterator<ParsedRow> it = new ArrayList<>(rows).iterator();
        return new IncidentReader() {
            @Override public String file() { return file; }
            @Override public String format() { return "test"; }
            @Override public ParsedRow next() { return it.hasNext() ? it.next() : null; }
            @Override public void close() { }
        };
    }

    /** A reader over incidents, one per line. */
    public static IncidentReader readerOf(String file, Incident... incidents) {
        List<ParsedRow> rows = new ArrayList<>();
        for (int k = 0; k < incidents.length; k++) rows.add(ParsedRow.ok(k + 1, incidents[k]));
        return reader(file, rows);
    }

    public static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The incident without store-assigned fields, for comparisons. */
    public static Incident unstored(Incident i) {
        return i.toBuilder().id(0).batchId(0).build();
    }
}
