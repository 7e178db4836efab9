package org.sitmap.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.acled.AcledReader;
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
import org.sitmap.testutil.TableFiles;

/** ACLED and UCDP API answers saved as JSON: the same incidents and the same checks as their CSV files. */
class ApiJsonReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    static List<ParsedRow> drain(IncidentReader r) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (r) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    static List<ParsedRow> acled(String json) throws IOException {
        return drain(TableFormats.acledJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "a.json", CATALOG));
    }

    static List<ParsedRow> ucdp(String json) throws IOException {
        return drain(TableFormats.ucdpJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "u.json", CATALOG));
    }

    static Incident withoutOrigin(Incident i) {
        return i.toBuilder().origin(null).build();
    }

    @Test
    void acledJsonGivesTheSameIncidentsAsTheCsvOfTheSameRows() throws IOException {
        String csv = EventFiles.acledSample();
        List<ParsedRow> fromCsv = drain(new AcledReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "a.csv", CATALOG));
        List<ParsedRow> fromJson = acled(TableFiles.acledJson(TableFiles.records(csv)));
        assertThat(fromJson).hasSize(3).noneMatch(ParsedRow::isRejected);
        for (int k = 0; k < 3; k++) {
            assertThat(withoutOrigin(fromJson.get(k).incident())).isEqualTo(withoutOrigin(fromCsv.get(k).incident()));
        }
        // one record per line after the opening line: record k is on line k + 2, whatever its notes hold
        assertThat(fromJson).extracting(ParsedRow::line).containsExactly(2L, 3L, 4L);
        assertThat(fromJson.get(2).incident().origin()).isEqualTo("a.json:4");
        assertThat(fromJson.get(2).incident().summary()).isEqualTo("He said \"enough\",\nthen left");
    }

    @Test
    void acledRecordsAreCheckedLikeCsvRowsAndWrongTypesAreRejectedInPlainWords() throws IOException {
        List<ParsedRow> rows = acled("{\"status\":200,\"success\":true,\"count\":4,\"data\":[\n"
                + "{\"event_id_cnty\":\"S1\",\"event_date\":\"2020-01-01\",\"event_type\":\"Battles\",\"actor1\":\"SDF\","
                + "\"latitude\":95,\"longitude\":\"36\"},\n"
                + "{\"event_id_cnty\":\"S2\",\"event_date\":\"2020-01-02\",\"event_type\":\"Battles\",\"actor1\":\"SDF\","
                + "\"latitude\":35.5,\"longitude\":36.25,\"fatalities\":[1,2]},\n"
                + "{\"event_id_cnty\":\"S3\",\"event_date\":\"yesterday\",\"event_type\":\"Battles\",\"actor1\":\"SDF\","
                + "\"latitude\":35.5,\"longitude\":36.25,\"fatalities\":{\"n\":1}},\n"
                + "17,\n"
                + "{\"event_id_cnty\":\"S5\",\"event_date\":\"2020-01-05\",\"event_type\":\"Battles\",\"actor1\":\"SDF\","
                + "\"latitude\":35.5,\"longitude\":36.25,\"fatalities\":3,\"time_precision\":2,\"extra\":null,\"ok\":true}\n"
                + "]}");
        assertThat(rows).extracting(r -> r.line() + ": " + (r.isRejected() ? r.rejection() : "ok")).containsExactly(
                "2: latitude 95 out of range (-90..90)",
                "3: fatalities '(a JSON list)' is not a whole number",
                "4: bad date 'yesterday' in event_date (expected yyyy-mm-dd, dd/mm/yyyy or 12 March 2019)",
                "5: no event_id_cnty",
                "6: ok");
        Incident ok = rows.get(4).incident();
        assertThat(ok.fatalities()).isEqualTo(3);
        assertThat(ok.datePrecision()).isEqualTo(DatePrecision.WEEK);
        assertThat(ok.sourceKey()).isEqualTo("acled:S5");
    }

    @Test
    void ucdpJsonWithNumbersBooleansNullsAndTimesInDates() throws IOException {
        String rec = "{\"id\":900001,\"relid\":\"SYR-2017-1-1\",\"year\":2017,\"active_year\":true,\"type_of_violence\":3,"
                + "\"dyad_name\":\"IS - Civilians\",\"side_a\":\"IS\",\"side_b\":\"Civilians\",\"source_office\":\"AFP\","
                + "\"source_headline\":\"Shells hit the town\",\"where_prec\":2,\"where_coordinates\":\"Sarmin town\","
                + "\"adm_1\":\"Idlib governorate\",\"latitude\":35.9,\"longitude\":36.72,\"country\":\"Syria\",\"date_prec\":4,"
                + "\"date_start\":\"2017-02-01T00:00:00\",\"date_end\":\"2017-02-28T00:00:00\",\"best\":4,\"high\":9,"
                + "\"low\":2,\"gwnob\":null}";
        List<ParsedRow> rows = ucdp(TableFiles.ucdpJson(rec,
                rec.replace("900001", "900002").replace("\"2017-02-28T00:00:00\"", "\"2017-01-01T00:00:00\"")));
        assertThat(rows.get(0).isRejected()).as(rows.get(0).rejection()).isFalse();
        Incident i = rows.get(0).incident();
        assertThat(i.sourceKey()).isEqualTo("ucdp:900001");
        assertThat(i.actors()).containsExactly(new Actor("IS", "ISIS"), new Actor("Civilians", "CIV"));
        assertThat(i.subEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(i.date()).isEqualTo(LocalDate.of(2017, 2, 1));
        // the end UCDP gives is the month's end, which the month precision says anyway (Incident keeps no end)
        assertThat(i.spanEnd()).isEqualTo(LocalDate.of(2017, 2, 28));
        assertThat(i.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(i.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(i.place()).isEqualTo("Sarmin");
        assertThat(i.fatalities()).isEqualTo(4);
        assertThat(i.summary()).isEqualTo("IS - Civilians: 4 deaths (low 2, high 9)");
        assertThat(i.origin()).isEqualTo("u.json:2");
        assertThat(rows.get(1).rejection()).isEqualTo("date_end 2017-01-01 is before date_start 2017-02-01");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void emptyAnswersReadNothingAndErrorAnswersAreRefusedWithTheirMessage() throws IOException {
        assertThat(acled("{\"status\":200,\"success\":true,\"count\":0,\"data\":[]}")).isEmpty();
        assertThat(ucdp("{\"TotalCount\":0,\"Result\":[],\"NextPageUrl\":\"\"}")).isEmpty();
        assertThatThrownBy(() -> acled("{\"status\":403,\"success\":false,\"error\":{\"status\":403,"
                + "\"message\":\"Access denied\"}}")).isInstanceOf(InputException.class)
                .hasMessage("a.json:1: the ACLED API answered with an error (status 403): Access denied; nothing to import");
        assertThatThrownBy(() -> acled("{\"status\":200,\"success\":true,\"data\":{}}"))
                .isInstanceOf(InputException.class).hasMessage("a.json:1: not the ACLED API's JSON: no 'data' list of records");
    }

    @Test
    void malformedCutAndHostileJsonStopsWithOneMessage() {
        String good = "{\"status\":200,\"success\":true,\"data\":[\n{\"event_id_cnty\":\"S1\",\"event_date\":\"2020-01-01\","
                + "\"event_type\":\"Battles\",\"actor1\":\"SDF\",\"latitude\":35,\"longitude\":36}";
        assertThatThrownBy(() -> acled(good)).isInstanceOf(InputException.class).hasMessageStartingWith("a.json:2: ")
                .hasMessageContaining("ends too early");
        assertThatThrownBy(() -> acled(good + ",\n{\"event_id_cnty\":\"S2\",,}]}")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("a.json:3: malformed JSON");
        assertThatThrownBy(() -> acled(good + "]} trailing")).isInstanceOf(InputException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> acled("[1,2,3]")).isInstanceOf(InputException.class)
                .hasMessage("a.json:1: not the ACLED API's JSON: expected an object with a 'data' list");
        String deep = "[".repeat(5000);
        assertThatThrownBy(() -> acled("{\"status\":200,\"data\":[{\"notes\":" + deep + "}]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("malformed JSON");
        String huge = "x".repeat(2 << 20);
        assertThatThrownBy(() -> acled(good + ",\n{\"event_id_cnty\":\"S2\",\"notes\":\"" + huge + "\"}]}"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("a.json:3: a field longer than");
        byte[] utf32 = {0, 0, 0, '{', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> drain(TableFormats.acledJson(new ByteArrayInputStream(utf32), "a.json", CATALOG)))
                .isInstanceOf(InputException.class);
    }

    @Test
    void detectedByContentWhateverTheExtensionAndImportedThroughFormats() throws IOException {
        String csv = EventFiles.acledSample();
        String minified = TableFiles.acledJson(TableFiles.records(csv)).replace("\n", "");
        Path a = Fixtures.write(dir.resolve("acled-2020.json"), minified);
        Path u = Fixtures.write(dir.resolve("page0.txt"), TableFiles.ucdpJson("{\"id\":1,\"side_a\":\"IS\","
                + "\"date_start\":\"2017-01-01\",\"where_prec\":1,\"latitude\":35,\"longitude\":36}"));
        Path err = Fixtures.write(dir.resolve("answer.json"), "{\"status\":401,\"success\":false,\"messages\":[\"x\"]}");
        assertThat(Formats.detect(a, "auto").name()).isEqualTo("acled-json");
        assertThat(Formats.detect(u, "auto").name()).isEqualTo("ucdp-json");
        assertThat(Formats.detect(err, "auto").name()).isEqualTo("acled-json");
        assertThat(drain(Formats.open(a, "auto", ReaderContext.of(CATALOG)))).hasSize(3).noneMatch(ParsedRow::isRejected)
                .allMatch(r -> r.line() == 1);
        assertThat(drain(Formats.open(u, "ucdp-json", ReaderContext.of(CATALOG)))).hasSize(1);
        Map<String, String> first = TableFiles.records(csv).get(0);
        assertThat(first).containsEntry("event_id_cnty", "SYR1001");
    }
}
