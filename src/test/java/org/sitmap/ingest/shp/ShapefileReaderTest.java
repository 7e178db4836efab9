package org.sitmap.ingest.shp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;
import org.sitmap.testutil.TableFiles;

/** Point shapefiles: hand-written ones, ones GDAL writes from ACLED's CSV and from Sitmap's store, hostile ones. */
class ShapefileReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    static final String WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    @TempDir Path dir;

    private static List<ParsedRow> read(Path f) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (IncidentReader r = Formats.open(f, "auto", ReaderContext.of(CATALOG))) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    private Path sample(String name, String prj) throws IOException {
        return TableFiles.pointShapefile(dir.resolve(name), Arrays.asList(new double[] {36.5896, 35.5279}, null,
                        new double[] {36.72, 95.0}),
                List.of("event_date", "event_id_c", "event_type", "sub_event_", "actor1", "location", "geo_precis"),
                List.of(List.of("2020-06-01", "SYR1", "Battles", "Armed clash", "Hayat Tahrir al-Sham", "كفرسجنة", "2"),
                        List.of("2020-06-02", "SYR2", "Battles", "Armed clash", "SDF", "Nowhere", ""),
                        List.of("2020-06-03", "SYR3", "Battles", "Armed clash", "SDF", "Off the map", "1")), prj);
    }

    @Test
    void pointsWithTruncatedNamesNullShapesAndBadCoordinates() throws IOException {
        Path shp = sample("events.shp", WGS84);
        assertThat(Formats.detect(shp, "auto").name()).isEqualTo("shapefile");
        List<ParsedRow> rows = read(shp);
        assertThat(rows).hasSize(3);
        Incident a = rows.get(0).incident();
        assertThat(a.sourceKey()).isEqualTo("acled:SYR1");
        assertThat(a.date()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(a.latitude()).isEqualTo(35.5279);
        assertThat(a.longitude()).isEqualTo(36.5896);
        assertThat(a.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(a.place()).isEqualTo("كفرسجنة");
        assertThat(a.factions()).containsExactly("HTS");
        assertThat(a.origin()).isEqualTo(shp + ":1");
        assertThat(rows.get(1).incident().located()).isFalse();
        assertThat(rows.get(2).rejection()).contains("not longitude, latitude in degrees");
        assertThat(rows.get(2).line()).isEqualTo(3);
    }

    @Test
    void otherCoordinateSystemsMissingTablesAndDamageAreRefused() throws IOException {
        Path projected = sample("utm.shp", "PROJCS[\"WGS_1984_UTM_Zone_37N\",GEOGCS[\"GCS_WGS_1984\"]]");
        assertThatThrownBy(() -> read(projected)).isInstanceOf(InputException.class)
                .hasMessage(projected + ": the shapefile is not in WGS 84 longitude/latitude (its .prj: WGS 1984 UTM"
                        + " Zone 37N); reproject it: ogr2ogr -t_srs EPSG:4326 out.shp utm.shp");
        Path noTable = sample("lonely.shp", null);
        Files.delete(dir.resolve("lonely.dbf"));
        assertThatThrownBy(() -> read(noTable)).isInstanceOf(InputException.class)
                .hasMessage(noTable + ": the shapefile's attribute table (.dbf) is missing beside it");
        Path cut = sample("cut.shp", null);
        byte[] b = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(b, b.length - 5));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(InputException.class).hasMessageContaining("is cut");
        Path lines = sample("lines.shp", null);
        byte[] l = Files.readAllBytes(lines);
        l[32] = 3;
        Files.write(lines, l);
        assertThatThrownBy(() -> read(lines)).isInstanceOf(InputException.class)
                .hasMessage(lines + ": a shapefile of lines: only points can be imported");
        Path badDbf = sample("bad.shp", null);
        byte[] d = Files.readAllBytes(dir.resolve("bad.dbf"));
        d[10] = 7;   // a record length that the field widths do not make
        Files.write(dir.resolve("bad.dbf"), d);
        assertThatThrownBy(() -> read(badDbf)).isInstanceOf(InputException.class)
                .hasMessageContaining("a damaged shapefile table (.dbf)");
        Path longRecord = sample("long.shp", null);
        byte[] r = Files.readAllBytes(longRecord);
        r[104] = 0x7f;   // record 1 claims a huge length
        Files.write(longRecord, r);
        assertThatThrownBy(() -> read(longRecord)).isInstanceOf(InputException.class)
                .hasMessageContaining("record 1 has a bad length");
    }

    @Test
    void shapefilesWrittenByGdalImport() throws Exception {
        assumeTrue(onPath("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
        Path csv = Fixtures.write(dir.resolve("acled.csv"), EventFiles.acledSample());
        Path fromCsv = dir.resolve("acled.shp");
        run("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:4326", "-oo", "X_POSSIBLE_NAMES=longitude",
                "-oo", "Y_POSSIBLE_NAMES=latitude", fromCsv.toString(), csv.toString());
        List<ParsedRow> rows = read(fromCsv);
        assertThat(rows).hasSize(3).noneMatch(ParsedRow::isRejected);
        assertThat(rows.get(0).incident().sourceKey()).isEqualTo("acled:SYR1001");
        assertThat(rows.get(0).incident().factions()).containsExactly("SAA", "CIV");
        assertThat(rows.get(1).incident().latitude()).isEqualTo(35.1562);

        Path db = dir.resolve("store.gpkg");
        List<Incident> before;
        try (IncidentStore s = IncidentStore.open(db); IncidentReader r = Formats.open(csv, "auto", ReaderContext.of(CATALOG))) {
            s.importAll(r, ImportOptions.DEFAULT, null);
            before = s.query(FilterSpec.ALL);
        }
        Path fromStore = dir.resolve("incident.shp");
        run("ogr2ogr", "-f", "ESRI Shapefile", fromStore.toString(), db.toString(), "incident");
        try (IncidentStore s = IncidentStore.open(dir.resolve("copy.gpkg"));
             IncidentReader r = Formats.open(fromStore, "auto", ReaderContext.of(CATALOG))) {
            ImportReport report = s.importAll(r, ImportOptions.DEFAULT, null);
            assertThat(report.imported()).as(report.describe()).isEqualTo(3);
            List<Incident> after = s.query(FilterSpec.ALL);
            for (int k = 0; k < 3; k++) {
                assertThat(after.get(k).toBuilder().id(0).batchId(0).build())
                        .isEqualTo(before.get(k).toBuilder().id(0).batchId(0).build());
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
