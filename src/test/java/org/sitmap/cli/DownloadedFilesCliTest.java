package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;
import org.sitmap.testutil.TableFiles;

/** {@code sitmap import} of the files analysts download: API JSON, Excel, zip, .gz; refusals in one line. */
class DownloadedFilesCliTest {
    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void eachDownloadImportsOnceAndTheSameEventsAreSkippedWhateverTheirFile() throws IOException {
        String db = dir.resolve("s.gpkg").toString();
        String csv = EventFiles.acledSample();
        Path json = Fixtures.write(dir.resolve("acled.json"), TableFiles.acledJson(TableFiles.records(csv)));
        Path xlsx = dir.resolve("acled.xlsx");
        Files.write(xlsx, TableFiles.xlsx(TableFiles.parseCsv(csv)));
        Path gz = dir.resolve("acled.csv.gz");
        Files.write(gz, TableFiles.gzip(csv));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("acled.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path zip = dir.resolve("acled.zip");
        Files.write(zip, TableFiles.zip(entries));
        assertThat(run("import", "--db", db, json.toString())).isZero();
        assertThat(out.toString()).contains(json + " (acled-json): 3 rows read, 3 imported");
        assertThat(run("import", "--db", db, xlsx.toString(), gz.toString(), zip.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(xlsx + " (xlsx): 3 rows read, 0 imported, 0 updated, 3 skipped")
                .contains(gz + " (acled): 3 rows read, 0 imported, 0 updated, 3 skipped")
                .contains(zip + " (zip): 3 rows read, 0 imported, 0 updated, 3 skipped");
    }

    @Test
    void refusalsAreOneLineWithExitStatusOne() throws IOException {
        String db = dir.resolve("s.gpkg").toString();
        Path answer = Fixtures.write(dir.resolve("answer.json"), "{\"status\":403,\"success\":false,"
                + "\"error\":{\"message\":\"Access denied\"}}");
        assertThat(run("import", "--db", db, answer.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("sitmap: " + answer + ":1: the ACLED API answered with an error"
                + " (status 403): Access denied; nothing to import");
        Path shp = dir.resolve("points.shp");
        Files.write(shp, new byte[] {0, 0, 0x27, 0x0a, 0, 0, 0, 0});
        assertThat(run("import", "--db", db, shp.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("sitmap: " + shp + ": the shapefile's attribute table (.dbf) is"
                + " missing beside it");
        assertThat(run("import", "--db", db, "--format", "xlsx", answer.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("sitmap: " + answer + ": ").doesNotContain("\n")
                .doesNotContain("Exception");
    }
}
