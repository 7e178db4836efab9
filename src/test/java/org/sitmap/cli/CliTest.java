package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.GeoJsonReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.Fixtures;

class CliTest {
    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private static final String FEATURES = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5896, 35.5279]},
             "properties": {"source_key": "t:1", "date": "2020-06-01", "date_precision": 3, "place": "كفرسجنة",
              "admin1": "Idlib", "country": "Syria", "geo_precision": 1, "event_type": "Explosions/Remote violence",
              "sub_event_type": "Air/drone strike", "actors": ["Syrian Air Force"], "fatalities": null,
              "summary": "=HYPERLINK(\\"http://x\\")", "source": "test", "evidence": "القصف"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [40.4272, 35.1562]},
             "properties": {"source_key": "t:2", "date": "2020-05-20", "place": "Busayrah", "event_type": "Battles",
              "sub_event_type": "Armed clash", "actors": [{"name": "Islamic State", "faction": "ISIS"}, "SDF"],
              "fatalities": 2, "summary": "Attack on an SDF post", "source": "test", "end_date": "2020-05-21"}},
            {"type": "Feature", "geometry": null,
             "properties": {"source_key": "t:3", "date": "2019-01-01", "place": "Nowhere", "event_type": "Battles",
              "factions": ["UNK"], "summary": "unresolved", "source": "test"}}
            ]}
            """;

    private List<Incident> readAll(Path file) throws IOException {
        List<Incident> l = new ArrayList<>();
        try (GeoJsonReader r = new GeoJsonReader(Files.newInputStream(file), file.toString(), FactionCatalog.shipped())) {
            ParsedRow row;
            while ((row = r.next()) != null) l.add(row.incident());
        }
        return l;
    }

    @Test
    void importThenQueryRoundTripsTheGeoJson() throws IOException {
        Path in = Fixtures.write(dir.resolve("in.geojson"), FEATURES);
        Path db = dir.resolve("a.gpkg");
        assertThat(run("import", "--db", db.toString(), in.toString())).isZero();
        assertThat(out.toString()).contains("3 rows read, 3 imported, 0 updated, 0 skipped, 0 rejected")
                .contains("unresolved places (not placed on the map): Nowhere");
        Path first = dir.resolve("first.geojson");
        assertThat(run("query", "--db", db.toString(), "--out", first.toString())).isZero();
        assertThat(out.toString()).contains("3 incidents written");
        // the export imports into a fresh store and exports again to the same incidents
        Path db2 = dir.resolve("b.gpkg");
        assertThat(run("import", "--db", db2.toString(), "--format", "geojson", first.toString())).isZero();
        Path second = dir.resolve("second.geojson");
        assertThat(run("query", "--db", db2.toString(), "--out", second.toString())).isZero();
        List<Incident> a = readAll(first), b = readAll(second);
        assertThat(a).hasSize(3).isEqualTo(b);
        assertThat(Files.readString(second, StandardCharsets.UTF_8)).contains("كفرسجنة");
        assertThat(a.get(0).place()).isEqualTo("Nowhere");
        assertThat(a.get(0).located()).isFalse();
        assertThat(a.get(2).fatalities()).isNull();
        // re-importing the same file changes nothing
        assertThat(run("import", "--db", db.toString(), in.toString())).isZero();
        assertThat(out.toString()).contains("0 imported, 0 updated, 3 skipped");
    }

    @Test
    void queryFiltersAndWritesCsvWithoutFormulas() throws IOException {
        Path in = Fixtures.write(dir.resolve("in.geojson"), FEATURES);
        Path db = dir.resolve("c.gpkg");
        assertThat(run("import", "--db", db.toString(), in.toString())).isZero();
        assertThat(run("query", "--db", db.toString(), "--format", "csv", "--faction", "SAA")).isZero();
        String csv = out.toString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("id,event_id_cnty,event_date,").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")
                .contains("كفرسجنة");
        assertThat(run("query", "--db", db.toString(), "--from", "2020-05-21", "--to", "2020-05-31")).isZero();
        assertThat(out.toString()).contains("\"t:2\"").doesNotContain("\"t:1\"").doesNotContain("\"t:3\"");
        assertThat(run("query", "--db", db.toString(), "--type", "Air/drone strike", "--bbox", "35,35,37,36")).isZero();
        assertThat(out.toString()).contains("\"t:1\"").doesNotContain("\"t:2\"");
        assertThat(run("query", "--db", db.toString(), "--text", "sdf post")).isZero();
        assertThat(out.toString()).contains("\"t:2\"").doesNotContain("\"t:1\"");
    }

    @Test
    void badInputExitsOneWithOneLineNamingFileAndLine() {
        Path bad = Fixtures.write(dir.resolve("bad.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [\n{,}\n]}");
        assertThat(run("import", "--db", dir.resolve("d.gpkg").toString(), bad.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("sitmap: " + bad + ":2: malformed JSON").hasLineCount(1);
        Path rejects = Fixtures.write(dir.resolve("rej.geojson"), FEATURES.replace("\"2020-05-20\"", "\"yesterday\""));
        assertThat(run("import", "--db", dir.resolve("d.gpkg").toString(), "--strict", rejects.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("sitmap: " + rejects + ":7: date 'yesterday'").hasLineCount(1);
        assertThat(run("query", "--db", dir.resolve("d.gpkg").toString())).isZero();
        assertThat(out.toString()).doesNotContain("\"t:");
        Path blocker = Fixtures.write(dir.resolve("blocker"), "a file, not a folder");
        assertThat(run("query", "--db", dir.resolve("d.gpkg").toString(), "--out", blocker.resolve("x.geojson").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("sitmap: " + blocker.resolve("x.geojson") + ": cannot write the file")
                .hasLineCount(1);
    }

    @Test
    void aMistypedStorePathIsRefusedByReadingCommandsAndNothingIsCreated() {
        Path typo = dir.resolve("no").resolve("such").resolve("x.gpkg");
        assertThat(run("query", "--db", typo.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("sitmap: " + typo + ": no such store").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
        assertThat(run("--db", typo.toString(), "export", "--out", dir.resolve("x.geojson").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("sitmap: " + typo + ": no such store").hasLineCount(1);
        assertThat(run("query", "--db", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("sitmap: " + dir + ": is a folder, not a store file; give a file name with --db"
                + System.lineSeparator());
        assertThat(dir.resolve("no")).doesNotExist();
        assertThat(dir.resolve("x.geojson")).doesNotExist();
        // an import creates the store; then the same path reads
        Path in = Fixtures.write(dir.resolve("in.geojson"), FEATURES);
        assertThat(run("import", "--db", typo.toString(), in.toString())).isZero();
        assertThat(run("query", "--db", typo.toString())).isZero();
        assertThat(out.toString()).contains("\"t:1\"");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        String db = dir.resolve("e.gpkg").toString();
        IncidentStore.open(dir.resolve("e.gpkg")).close();   // reading commands refuse a store that does not exist
        assertThat(run("import", "--db", db)).isEqualTo(2);
        assertThat(err.toString()).startsWith("sitmap: Missing required parameter").hasLineCount(1);
        assertThat(run("query", "--db", db, "--bogus")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--bogus");
        assertThat(run("import", "--db", db, Fixtures.write(dir.resolve("in.geojson"), FEATURES).toString())).isZero();
        assertThat(run("query", "--db", db, "--faction", "XYZ")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("unknown faction 'XYZ'");
        assertThat(run("query", "--db", db, "--from", "2020-02-30")).isEqualTo(2);
        assertThat(run("query", "--db", db, "--from", "2020-03-01", "--to", "2020-02-01")).isEqualTo(2);
        assertThat(run("query", "--db", db, "--bbox", "1,2,3")).isEqualTo(2);
        assertThat(run("import", "--db", db, "--format", "parquet", "x")).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"import", "query"}) {
            assertThat(run(cmd, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: sitmap " + cmd).contains("--db");
        }
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("import").contains("query");
    }

    @Test
    void reviewPrintsIncidentsAndDryRunStoresNothing() {
        Path in = Fixtures.write(dir.resolve("in.geojson"), FEATURES);
        String db = dir.resolve("f.gpkg").toString();
        assertThat(run("import", "--db", db, "--review", "--dry-run", in.toString())).isZero();
        assertThat(out.toString()).contains("+ 2020-06-01 (month) كفرسجنة [35.5279, 36.5896 exact]")
                .contains("evidence: القصف").contains("dry run: nothing was stored");
        assertThat(run("query", "--db", db, "--format", "csv")).isZero();
        assertThat(out.toString().split("\r\n")).hasSize(1);
    }
}
