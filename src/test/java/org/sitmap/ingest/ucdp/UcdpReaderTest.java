package org.sitmap.ingest.ucdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.Formats;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

class UcdpReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    static List<ParsedRow> rows(String text) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (IncidentReader r = new UcdpReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "u.csv", CATALOG)) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    @Test
    void mapsSidesDatesPrecisionsAndFatalities() throws IOException {
        List<ParsedRow> rows = rows(EventFiles.ucdp(
                EventFiles.ucdpRow("900001", 1, "Government of Syria", "Syrian insurgents", "1", "Sarmin town",
                        "35.9", "36.72", "1", "2017-02-01", "2017-02-01", "2", "4", "9"),
                EventFiles.ucdpRow("900002", 2, "IS", "SDF, Jaysh Test Brigade", "4", "Raqqa province",
                        "35.95", "39.01", "3", "2017-03-01", "2017-03-05", "1", "1", "1"),
                EventFiles.ucdpRow("900003", 3, "IS", "Civilians", "2", "Al Bab", "36.37", "37.51", "5",
                        "2017-01-01 00:00:00.000", "2017-12-31 00:00:00.000", "", "", "")));
        assertThat(rows).noneMatch(ParsedRow::isRejected);
        Incident a = rows.get(0).incident();
        assertThat(a.sourceKey()).isEqualTo("ucdp:900001");
        assertThat(a.actors()).containsExactly(new Actor("Government of Syria", "SAA"), new Actor("Syrian insurgents", "REB"));
        assertThat(a.subEventType()).isEqualTo(SubEventType.ARMED_CLASH);
        assertThat(a.date()).isEqualTo(LocalDate.of(2017, 2, 1));
        assertThat(a.endDate()).isNull();
        assertThat(a.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(a.geoPrecision()).isEqualTo(GeoPrecision.EXACT);
        assertThat(a.fatalities()).isEqualTo(4);
        assertThat(a.summary()).isEqualTo("Government of Syria - Syrian insurgents: 4 deaths (low 2, high 9)");
        assertThat(a.source()).isEqualTo("Agency");
        assertThat(a.evidence()).isEqualTo("Shells hit the town");
        assertThat(a.place()).as("the settlement kind is dropped").isEqualTo("Sarmin");
        assertThat(a.admin1()).isEqualTo("Idlib Governorate");
        Incident b = rows.get(1).incident();
        assertThat(b.actors()).extracting(Actor::factionCode).containsExactly("ISIS", "SDF", "UNK");
        assertThat(b.endDate()).isEqualTo(LocalDate.of(2017, 3, 5));
        assertThat(b.datePrecision()).isEqualTo(DatePrecision.WEEK);
        assertThat(b.geoPrecision()).isEqualTo(GeoPrecision.REGION);
        assertThat(b.summary()).endsWith(": 1 death");
        Incident c = rows.get(2).incident();
        assertThat(c.subEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(c.factions()).containsExactly("ISIS", "CIV");
        assertThat(c.datePrecision()).isEqualTo(DatePrecision.YEAR);
        // UCDP's end of a year-precise event is the year's end, which the precision says anyway
        assertThat(c.endDate()).isNull();
        assertThat(c.spanEnd()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(c.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(c.fatalities()).isNull();
    }

    @Test
    void badRowsAndMalformedFiles() throws IOException {
        List<ParsedRow> rows = rows(EventFiles.ucdp(
                EventFiles.ucdpRow("1", 1, "A", "B", "1", "P", "35", "36", "1", "2017-02-30", "2017-02-30", "1", "1", "1"),
                EventFiles.ucdpRow("2", 1, "A", "B", "1", "P", "35", "-200", "1", "2017-02-01", "2017-02-01", "1", "1", "1"),
                EventFiles.ucdpRow("3", 1, "A", "B", "1", "P", "35", "36", "1", "2017-02-05", "2017-02-01", "1", "1", "1"),
                EventFiles.ucdpRow("4", 7, "A", "B", "1", "P", "35", "36", "9", "2017-02-01", "2017-02-01", "1", "1", "1"),
                EventFiles.ucdpRow("5", 1, "A", "B", "1", "P", "35", "36", "1", "2017-02-01", "2017-02-01", "1", "-3", "1")));
        assertThat(rows).allMatch(ParsedRow::isRejected);
        assertThat(rows.get(0).rejection()).contains("bad date '2017-02-30' in date_start");
        assertThat(rows.get(1).rejection()).contains("longitude -200 out of range");
        assertThat(rows.get(2).rejection()).contains("date_end 2017-02-01 is before date_start 2017-02-05");
        assertThat(rows.get(3).rejection()).contains("must be");
        assertThat(rows.get(4).rejection()).contains("best '-3' is not a whole number");
        assertThatThrownBy(() -> rows("id,side_a,latitude\n1,x,2\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("u.csv:1: missing columns date_start, longitude: not a UCDP GED CSV file");
    }

    @Test
    void detectedByHeader() throws IOException {
        Path f = Fixtures.write(dir.resolve("ged.csv"), EventFiles.ucdp(
                EventFiles.ucdpRow("1", 1, "A", "B", "1", "P", "35", "36", "1", "2017-02-01", "2017-02-01", "1", "1", "1")));
        assertThat(Formats.detect(f, "auto").name()).isEqualTo("ucdp");
    }
}
