package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** GeoJSON from other tools: their property names, and what GDAL writes from Sitmap's own store. */
class GeoJsonAliasesTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    private static List<ParsedRow> read(String geojson) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (IncidentReader r = new GeoJsonReader(new ByteArrayInputStream(geojson.getBytes(StandardCharsets.UTF_8)),
                "g.geojson", CATALOG)) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    private static String feature(String properties) {
        return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[36.5,35.5]}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    @Test
    void ordinaryPropertyNamesAreUnderstood() throws IOException {
        List<ParsedRow> rows = read(collection(
                feature("\"event_date\":\"2020-06-01\",\"event_id_cnty\":\"SYR7\",\"event_type\":\"Battles\","
                        + "\"sub_event_type\":\"Armed clash\",\"actor1\":\"Hayat Tahrir al-Sham\",\"actor2\":\"SDF\","
                        + "\"location\":\"Sarmin\",\"notes\":\"a clash\",\"time_precision\":2,\"fatalities\":\"3\","
                        + "\"timestamp\":1700000000"),
                feature("\"date_start\":\"2017-02-01 00:00:00.000\",\"date_end\":\"2017-02-05\",\"id\":44,"
                        + "\"side_a\":\"IS\",\"side_b\":\"Civilians\",\"type_of_violence\":3,\"where_prec\":2,"
                        + "\"date_prec\":4,\"best\":5,\"where_coordinates\":\"Al Bab town\""),
                feature("\"Start\":\"12/03/2019\",\"End\":\"12/03/2019\",\"Name\":\"Kafr Nabl\",\"Description\":\"shelling\""),
                feature("\"time\":\"2021-04-02T10:15:00Z\",\"actors\":\"SDF; Civilians (Syria)\""),
                feature("\"name\":\"no date here\"")));
        assertThat(rows).extracting(r -> r.isRejected() ? r.rejection() : "ok")
                .containsExactly("ok", "ok", "ok", "ok", "no date");
        Incident a = rows.get(0).incident();
        assertThat(a.sourceKey()).isEqualTo("acled:SYR7");
        assertThat(a.date()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(a.datePrecision()).isEqualTo(DatePrecision.WEEK);
        assertThat(a.actors()).containsExactly(new Actor("Hayat Tahrir al-Sham", "HTS"), new Actor("SDF", "SDF"));
        assertThat(a.place()).isEqualTo("Sarmin");
        assertThat(a.summary()).isEqualTo("a clash");
        assertThat(a.fatalities()).isEqualTo(3);
        assertThat(a.revised()).isEqualTo(Instant.ofEpochSecond(1700000000));
        Incident u = rows.get(1).incident();
        assertThat(u.sourceKey()).isEqualTo("ucdp:44");
        assertThat(u.endDate()).isEqualTo(LocalDate.of(2017, 2, 5));
        assertThat(u.subEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(u.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(u.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(u.fatalities()).isEqualTo(5);
        Incident plain = rows.get(2).incident();
        assertThat(plain.date()).isEqualTo(LocalDate.of(2019, 3, 12));
        assertThat(plain.endDate()).isNull();
        assertThat(plain.place()).isEqualTo("Kafr Nabl");
        assertThat(plain.eventType()).isEqualTo(EventType.STRATEGIC_DEVELOPMENTS);
        assertThat(plain.factions()).containsExactly("UNK");
        assertThat(rows.get(3).incident().actors()).extracting(Actor::factionCode).containsExactly("SDF", "CIV");
    }

    @Test
    void gdalsGeoJsonOfTheStoreImportsBackUnchanged() throws Exception {
        assumeTrue(onPath("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
        Path db = dir.resolve("store.gpkg");
        Path csv = Fixtures.write(dir.resolve("acled.csv"), EventFiles.acledSample());
        List<Incident> before;
        try (IncidentStore s = IncidentStore.open(db); IncidentReader r = Formats.open(csv, "auto", ReaderContext.of(CATALOG))) {
            s.importAll(r, ImportOptions.DEFAULT, null);
            before = s.query(FilterSpec.ALL);
        }
        Path out = dir.resolve("out.geojson");
        Process p = new ProcessBuilder("ogr2ogr", "-f", "GeoJSON", out.toString(), db.toString(), "incident")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        try (IncidentStore s = IncidentStore.open(db); IncidentReader r = Formats.open(out, "auto", ReaderContext.of(CATALOG))) {
            ImportReport report = s.importAll(r, ImportOptions.DEFAULT, null);
            assertThat(report.rejections()).isEmpty();
            assertThat(report.skipped()).as(report.describe()).isEqualTo(3);
        }
        try (IncidentStore s = IncidentStore.open(dir.resolve("copy.gpkg"));
             IncidentReader r = Formats.open(out, "auto", ReaderContext.of(CATALOG))) {
            assertThat(s.importAll(r, ImportOptions.DEFAULT, null).imported()).isEqualTo(3);
            List<Incident> after = s.query(FilterSpec.ALL);
            assertThat(after).hasSize(3);
            for (int k = 0; k < 3; k++) {
                assertThat(after.get(k).toBuilder().id(0).batchId(0).build())
                        .isEqualTo(before.get(k).toBuilder().id(0).batchId(0).build());
            }
        }
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
