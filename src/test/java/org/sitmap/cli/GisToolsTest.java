package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.testutil.Fixtures;

/**
 * The store as GDAL and QGIS see and change it, checked with the real tools: each test runs only where its tool is
 * installed ({@code ogrinfo} from gdal-bin, {@code validate_gpkg.py} from python3-gdal, PyQGIS from python3-qgis)
 * and is skipped with a message elsewhere.
 */
class GisToolsTest {
    private static final String[] VALIDATORS = {"/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
        "/usr/share/doc/python3-gdal/examples/validate_gpkg.py"};

    /** One week of June 2019 holds six of these events: the 3rd, 5th, 9th, the whole month, a range, an unplaced one. */
    private static final String WEEK = """
            {"type": "FeatureCollection", "features": [
            %s,
            %s,
            %s,
            %s,
            %s,
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.63, 35.93]}, "properties": {
             "source_key": "w:month", "date": "2019-06-01", "date_precision": "month", "place": "Idlib",
             "event_type": "Explosions/Remote violence", "actors": ["Syrian Arab Army"]}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.7, 35.8]}, "properties": {
             "source_key": "w:range", "date": "2019-05-30", "end_date": "2019-06-04", "place": "Maarat al-Numan",
             "event_type": "Battles", "actors": ["Syrian Arab Army"]}},
            {"type": "Feature", "geometry": null, "properties": {"source_key": "w:nowhere", "date": "2019-06-06",
             "place": "Nowhere", "event_type": "Battles", "actors": ["Syrian Arab Army"]}}
            ]}
            """.formatted(day("2019-06-02", 36.80, 35.86), day("2019-06-03", 36.81, 35.87), day("2019-06-05", 36.82, 35.88),
            day("2019-06-09", 36.83, 35.89), day("2019-06-10", 36.84, 35.90));

    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private static String day(String date, double lon, double lat) {
        return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + lon + ", " + lat
                + "]}, \"properties\": {\"source_key\": \"w:" + date + "\", \"date\": \"" + date + "\", \"place\": \"Saraqib\","
                + " \"event_type\": \"Battles\", \"sub_event_type\": \"Armed clash\", \"actors\": [\"Syrian Arab Army\"],"
                + " \"fatalities\": 1}}";
    }

    private int sitmap(String... args) {
        return cli.run(args);
    }

    private Path store(String name) {
        Path db = dir.resolve(name);
        Path in = Fixtures.write(dir.resolve(name + ".geojson"), WEEK);
        assertThat(sitmap("import", "--db", db.toString(), in.toString())).as(err.toString()).isZero();
        return db;
    }

    @Test
    void validateGpkgFindsNothingOnANewStoreNorAfterImportsAndUpdates() throws Exception {
        Path script = null;
        for (String s : VALIDATORS) if (Files.isRegularFile(Path.of(s))) script = Path.of(s);
        assumeTrue(script != null, "validate_gpkg.py (python3-gdal) is not installed");
        assumeTrue(python() != null, "no python3");
        Path empty = dir.resolve("empty.gpkg");
        assertThat(sitmap("import", "--db", empty.toString(), Fixtures.write(dir.resolve("none.geojson"),
                "{\"type\": \"FeatureCollection\", \"features\": []}").toString())).isZero();
        assertThat(run(python(), script.toString(), empty.toString())).isEqualTo(List.of("exit 0"));
        Path db = store("full.gpkg");
        Path changed = Fixtures.write(dir.resolve("changed.geojson"), WEEK.replace("\"fatalities\": 1", "\"fatalities\": 2"));
        assertThat(sitmap("import", "--db", db.toString(), changed.toString())).isZero();
        assertThat(out.toString()).contains("5 updated");
        assertThat(run(python(), script.toString(), db.toString())).isEqualTo(List.of("exit 0"));
        // a GeoPackage export is a store of its own
        Path export = dir.resolve("export.gpkg");
        assertThat(sitmap("export", "--db", db.toString(), "--offline", "--out", export.toString())).as(err.toString())
                .isZero();
        assertThat(run(python(), script.toString(), export.toString())).isEqualTo(List.of("exit 0"));
    }

    @Test
    void ogrinfoListsTheIncidentAndPlaceLayersAndTheImportHistoryWithoutWarnings() throws Exception {
        assumeTrue(onPath("ogrinfo"), "ogrinfo (gdal-bin) is not installed");
        Path db = store("layers.gpkg");
        List<String> listing = run("ogrinfo", "-ro", db.toString());
        assertThat(listing).filteredOn(l -> l.matches("\\d+: .*"))
                .containsExactly("1: incident (Point)", "2: place (Point)", "3: import_batch (None)");
        assertThat(String.join("\n", listing)).doesNotContainIgnoringCase("warning").doesNotContain("ERROR");
        String all = String.join("\n", run("ogrinfo", "-ro", "-al", db.toString()));
        assertThat(all).doesNotContainIgnoringCase("warning").doesNotContain("ERROR").endsWith("exit 0")
                .contains("actors: String(JSON)").contains("end_date (Date) = 2019/06/03")
                .contains("Feature Count: 8").doesNotContain("latitude:").doesNotContain("longitude:");
    }

    @Test
    void anIndexGdalCreatesAndAPointGdalMovesKeepWorkingInSitmap() throws Exception {
        assumeTrue(onPath("ogrinfo"), "ogrinfo (gdal-bin) is not installed");
        Path db = store("gdal.gpkg");
        // GDAL finds Sitmap's index and makes none; dropped and made again by GDAL, Sitmap keeps GDAL's
        assertThat(run("ogrinfo", db.toString(), "-sql", "SELECT CreateSpatialIndex('incident','geom')"))
                .contains("  CreateSpatialIndex (Integer) = 0");
        run("ogrinfo", db.toString(), "-sql", "SELECT DisableSpatialIndex('incident','geom')");
        assertThat(run("ogrinfo", db.toString(), "-sql", "SELECT CreateSpatialIndex('incident','geom')"))
                .contains("  CreateSpatialIndex (Integer) = 1");
        Path more = Fixtures.write(dir.resolve("more.geojson"), "{\"type\": \"FeatureCollection\", \"features\": ["
                + day("2019-07-01", 38.0, 36.5) + "," + day("2019-07-02", 35.9, 33.1) + "]}");
        assertThat(sitmap("import", "--db", db.toString(), more.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 imported");
        assertThat(run("ogrinfo", "-ro", db.toString(), "-sql", "SELECT count(*) AS n, min(minx) AS x0, max(maxx) AS x1,"
                + " min(miny) AS y0, max(maxy) AS y1 FROM rtree_incident_geom"))
                .contains("  n (Integer) = 9").anyMatch(l -> near(l, "x0", 35.9)).anyMatch(l -> near(l, "x1", 38.0))
                .anyMatch(l -> near(l, "y0", 33.1)).anyMatch(l -> near(l, "y1", 36.5));
        // moved with GDAL's SQL (a SpatiaLite blob, as GDAL writes it) and as a GeoPackage blob
        run("ogrinfo", db.toString(), "-dialect", "sqlite", "-sql",
                "UPDATE incident SET geom = MakePoint(38.25, 35.5, 4326) WHERE source_key = 'w:2019-06-05'");
        run("ogrinfo", db.toString(), "-sql",
                "UPDATE incident SET geom = AsGPB(MakePoint(37.5, 34.75, 4326)) WHERE source_key = 'w:2019-06-09'");
        assertThat(sitmap("query", "--db", db.toString(), "--bbox", "38.2,35.4,38.3,35.6")).isZero();
        assertThat(out.toString()).contains("\"coordinates\":[38.25,35.5]").contains("\"w:2019-06-05\"")
                .doesNotContain("w:2019-06-09");
        assertThat(sitmap("query", "--db", db.toString(), "--text", "Saraqib", "--from", "2019-06-09", "--to", "2019-06-09"))
                .isZero();
        assertThat(out.toString()).contains("\"coordinates\":[37.5,34.75]");
        assertThat(sitmap("query", "--db", db.toString(), "--bbox", "36.8,35.85,36.85,35.95")).isZero();
        assertThat(out.toString()).doesNotContain("w:2019-06-05").doesNotContain("w:2019-06-09").contains("w:2019-06-03");
    }

    @Test
    void qgisLoadsTheLayerAndItsTimeFilterCountsAWeekAsSitmapDoes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        assumeTrue(run("/usr/bin/python3", "-c", "import qgis.core").contains("exit 0"), "PyQGIS (python3-qgis) is not installed");
        Path db = store("qgis.gpkg");
        assertThat(sitmap("query", "--db", db.toString(), "--from", "2019-06-03", "--to", "2019-06-09")).isZero();
        long sitmapCount = out.toString().lines().filter(l -> l.contains("\"Feature\"")).count();
        assertThat(sitmapCount).isEqualTo(6);
        // what the layer properties' Temporal tab does: fields guessed from the names, the limits the README
        // names ("include start, include end"); then one frame of a weekly animation, as the controller asks it
        Path script = Fixtures.write(dir.resolve("week.py"), """
                import os
                import sys
                from qgis.core import (Qgis, QgsApplication, QgsDateTimeRange, QgsFeatureRequest, QgsVectorLayer,
                                       QgsVectorLayerTemporalContext)
                from qgis.PyQt.QtCore import QDate, QDateTime, QTime
                app = QgsApplication([], False)
                app.initQgis()
                layer = QgsVectorLayer(sys.argv[1] + "|layername=incident", "incident", "ogr")
                print("valid", layer.isValid(), "features", layer.featureCount())
                props = layer.temporalProperties()
                props.guessDefaultsFromFields(layer.fields())
                props.setLimitMode(Qgis.VectorTemporalLimitMode.IncludeBeginIncludeEnd)
                props.setIsActive(True)
                print("fields", props.startField(), props.endField())
                begin = QDateTime(QDate(2019, 6, 3), QTime(0, 0))
                frame = QgsDateTimeRange(begin, begin.addDays(7), True, False)
                context = QgsVectorLayerTemporalContext()
                context.setLayer(layer)
                request = QgsFeatureRequest().setFilterExpression(props.createFilterString(context, frame))
                print("week", sum(1 for _ in layer.getFeatures(request)), flush=True)
                os._exit(0)  # QGIS 3.22 may crash in exitQgis() without a display
                """);
        List<String> lines = runEnv(List.of("/usr/bin/python3", script.toString(), db.toString()));
        assertThat(lines).contains("valid True features 8", "fields event_date end_date", "week " + sitmapCount, "exit 0");
    }

    /** Whether an ogrinfo line {@code "  name (Real) = v"} holds about {@code value} (R-tree bounds are floats). */
    private static boolean near(String line, String name, double value) {
        String prefix = "  " + name + " (Real) = ";
        return line.startsWith(prefix) && Math.abs(Double.parseDouble(line.substring(prefix.length())) - value) < 1e-4;
    }

    private static String python() {
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) return "/usr/bin/python3";
        return onPath("python3") ? "python3" : null;
    }

    private List<String> run(String... cmd) throws IOException, InterruptedException {
        return runEnv(List.of(cmd));
    }

    /** Runs a tool; its output lines, then "exit N". */
    private List<String> runEnv(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", dir.toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(text).isTrue();
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add("exit " + p.exitValue());
        return lines;
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
