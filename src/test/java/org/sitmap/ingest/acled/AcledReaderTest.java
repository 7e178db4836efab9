package org.sitmap.ingest.acled;

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
import org.sitmap.ingest.ReaderContext;
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

class AcledReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    static List<ParsedRow> rows(String text) throws IOException {
        return rows(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<ParsedRow> rows(byte[] bytes) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (IncidentReader r = new AcledReader(new ByteArrayInputStream(bytes), "a.csv", CATALOG)) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    @Test
    void readsTheCurrentLayoutWithActorsMappedToFactions() throws IOException {
        List<ParsedRow> rows = rows(EventFiles.acledSample());
        assertThat(rows).hasSize(3).noneMatch(ParsedRow::isRejected);
        Incident a = rows.get(0).incident();
        assertThat(a.sourceKey()).isEqualTo("acled:SYR1001");
        assertThat(a.date()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(a.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(a.subEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
        assertThat(a.actors()).containsExactly(new Actor("Military Forces of Syria (2000-)", "SAA"),
                new Actor("Civilians (Syria)", "CIV"));
        assertThat(a.latitude()).isEqualTo(35.5279);
        assertThat(a.longitude()).isEqualTo(36.5896);
        assertThat(a.geoPrecision()).isEqualTo(GeoPrecision.EXACT);
        assertThat(a.revised()).isEqualTo(java.time.Instant.ofEpochSecond(1_700_000_000L));
        assertThat(a.place()).isEqualTo("Kafr Sajnah");
        assertThat(a.admin1()).isEqualTo("Idlib");
        assertThat(a.country()).isEqualTo("Syria");
        assertThat(a.summary()).startsWith("Air strike on the village, two houses hit;");
        assertThat(a.source()).isEqualTo("Test Source");
        assertThat(a.fatalities()).isZero();
        assertThat(a.origin()).isEqualTo("a.csv:2");
        Incident b = rows.get(1).incident();
        assertThat(b.factions()).containsExactly("ISIS", "TUR");
        assertThat(b.fatalities()).isEqualTo(3);
        Incident c = rows.get(2).incident();
        assertThat(c.actors()).containsExactly(new Actor("Hayat Tahrir al-Sham", "HTS"),
                new Actor("Jaysh Test Brigade", "UNK"));
        assertThat(c.summary()).isEqualTo("He said \"enough\",\nthen left");
        assertThat(c.fatalities()).isNull();
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void readsTheOlderLayoutWithDayFirstDatesAndOldEventTypes() throws IOException {
        String text = "\uFEFF" + EventFiles.ACLED_OLD_HEADER + "\n"
                + "760,SYR77,77,12/03/2017,2017,2,Battle-Government regains territory,Military Forces of Syria (2000-),"
                + "\"Wagner Group; Hezbollah\",1,Islamic State (Syria),,2,12,Middle East,Syria,Homs,Palmyra,,Tadmur,"
                + "34.5600,38.2700,2,SANA,National,Retaken,12\n"
                + "760,SYR78,78,12 March 2017,2017,3,Remote violence,Unidentified Armed Group (Syria),,3,,,0,30,"
                + "Middle East,Syria,Idlib,,,Idlib,35.93,36.63,3,Local,Local,,\n";
        List<ParsedRow> rows = rows(text);
        assertThat(rows).noneMatch(ParsedRow::isRejected);
        Incident a = rows.get(0).incident();
        assertThat(a.date()).isEqualTo(LocalDate.of(2017, 3, 12));
        assertThat(a.datePrecision()).isEqualTo(DatePrecision.WEEK);
        assertThat(a.subEventType()).isEqualTo(SubEventType.GOVERNMENT_REGAINS_TERRITORY);
        assertThat(a.factions()).containsExactly("SAA", "RUS", "HEZ", "ISIS");
        assertThat(a.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        Incident b = rows.get(1).incident();
        assertThat(b.date()).isEqualTo(LocalDate.of(2017, 3, 12));
        assertThat(b.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(b.eventType().label()).isEqualTo("Explosions/Remote violence");
        assertThat(b.subEventType()).isNull();
        assertThat(b.geoPrecision()).isEqualTo(GeoPrecision.REGION);
        assertThat(b.factions()).containsExactly("UNK");
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReason() throws IOException {
        String text = EventFiles.acled(
                EventFiles.acledRow("SYR1", "2020-13-45", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "1"),
                EventFiles.acledRow("SYR2", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "95.5", "36", "", "1"),
                EventFiles.acledRow("SYR3", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "many"),
                EventFiles.acledRow("SYR4", "2020-01-01", "Parties", "", "SDF", "", "", "X", "35", "36", "", "1"),
                EventFiles.acledRow("SYR5", "2020-01-01", "Battles", "Air/drone strike", "SDF", "", "", "X", "35", "36", "", "1"),
                EventFiles.acledRow("", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "1"),
                "SYR7,2020-01-01,2020,1,shifted",
                EventFiles.acledRow("SYR8", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "35", "", "", "1"),
                EventFiles.acledRow("SYR9", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "", "", "", "1"));
        List<ParsedRow> rows = rows(text);
        assertThat(rows).extracting(ParsedRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(rows.get(0).rejection()).contains("bad date '2020-13-45'");
        assertThat(rows.get(1).rejection()).contains("latitude 95.5 out of range");
        assertThat(rows.get(2).rejection()).contains("fatalities 'many' is not a whole number");
        assertThat(rows.get(3).rejection()).contains("unknown event_type 'Parties'");
        assertThat(rows.get(4).rejection()).contains("is not a kind of 'Battles'");
        assertThat(rows.get(5).rejection()).contains("no event_id_cnty");
        assertThat(rows.get(6).rejection()).contains("expected 31 columns, found 5");
        assertThat(rows.get(7).rejection()).contains("both be given");
        assertThat(rows.get(8).isRejected()).isFalse();
        assertThat(rows.get(8).incident().located()).isFalse();
    }

    @Test
    void semicolonSeparatedFilesWithDecimalCommasAndTrailingBlankLines() throws IOException {
        String text = EventFiles.acled(EventFiles.acledRow("SYR5", "2020-01-01", "Battles", "Armed clash", "SDF", "",
                "", "X", "\"35,25\"", "\"36,5\"", "n", "1")).replace(",", ";").replace("\"35;25\"", "35,25")
                .replace("\"36;5\"", "36,5") + "   \r\n\r\n";
        List<ParsedRow> rows = rows(text);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.rejection()).isNull();
            assertThat(r.incident().latitude()).isEqualTo(35.25);
            assertThat(r.incident().longitude()).isEqualTo(36.5);
        });
    }

    @Test
    void utf16TabSeparatedSpreadsheetTextIsRead() throws IOException {
        String tsv = EventFiles.acledSample().replace(",", "\t");
        for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            List<ParsedRow> rows = rows(("\uFEFF" + tsv).getBytes(cs));
            assertThat(rows).hasSize(3).noneMatch(ParsedRow::isRejected);
            assertThat(rows.get(0).incident().factions()).containsExactly("SAA", "CIV");
        }
        Path f = dir.resolve("unicode.txt");
        java.nio.file.Files.write(f, ("\uFEFF" + tsv).getBytes(StandardCharsets.UTF_16LE));
        assertThat(Formats.detect(f, "auto").name()).isEqualTo("acled");
    }

    @Test
    void malformedFilesGetOneClearMessage() throws IOException {
        assertThatThrownBy(() -> rows(""))
                .isInstanceOf(InputException.class).hasMessage("a.csv: the file is empty (expected an ACLED CSV export with a header line)");
        assertThatThrownBy(() -> rows("event_id_cnty,event_date,notes\nX,2020-01-01,n\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("a.csv:1: missing columns event_type, actor1, latitude, longitude: not an ACLED CSV export (found 3 columns)");
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 31);
        assertThatThrownBy(() -> rows(binary)).isInstanceOf(InputException.class).hasMessageContaining("a.csv:1: binary content");
        String endless = EventFiles.acledSample() + "SYR9," + "9".repeat(2 << 20);
        assertThatThrownBy(() -> rows(endless)).isInstanceOf(InputException.class)
                .hasMessage("a.csv:6: a field longer than 1048576 characters (an endless line, or not a CSV file)");
        String truncated = EventFiles.acledSample();
        String cut = truncated.substring(0, truncated.indexOf("enough"));
        assertThatThrownBy(() -> rows(cut)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("a.csv:4: the file ends inside a quoted field");
    }

    @Test
    void detectedByHeaderAndOpenedThroughTheRegistry() throws IOException {
        Path f = Fixtures.write(dir.resolve("export.txt"), EventFiles.acledSample());
        assertThat(Formats.detect(f, "auto").name()).isEqualTo("acled");
        try (IncidentReader r = Formats.open(f, "acled", ReaderContext.of(CATALOG))) {
            assertThat(r.format()).isEqualTo("acled");
            assertThat(r.next().incident().sourceKey()).isEqualTo("acled:SYR1001");
        }
        Path semi = Fixtures.write(dir.resolve("semi.csv"), EventFiles.acledSample().replace(",", ";"));
        assertThat(Formats.detect(semi, "auto").name()).isEqualTo("acled");
    }

    @Test
    void aTimestampThatIsNoUnixTimeRejectsItsRowAndABlankOneIsNoRevision() throws IOException {
        String good = EventFiles.acledRow("SYR7", "2020-06-01", "Battles", "Armed clash", "Hayat Tahrir al-Sham", "",
                "Military Forces of Syria (2000-)", "Sarmin", "35.9", "36.72", "clash", "1");
        List<ParsedRow> rows = rows(EventFiles.acled(good.replace(",1700000000", ",2024-11-27"),
                good.replace(",1700000000", ",")));
        assertThat(rows.get(0).isRejected()).isTrue();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).rejection()).isEqualTo("timestamp '2024-11-27' is not a time in seconds since 1970"
                + " (Unix time)");
        assertThat(rows.get(1).isRejected()).isFalse();
        assertThat(rows.get(1).incident().revised()).isNull();
    }
}
