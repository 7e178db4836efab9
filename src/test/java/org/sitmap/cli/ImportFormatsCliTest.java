package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** {@code sitmap import} of ACLED, UCDP and KML files: reports, re-import, and one-line errors for bad files. */
class ImportFormatsCliTest {
    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void importsEachFormatAndASecondRunAddsNothing() throws IOException {
        String db = dir.resolve("s.gpkg").toString();
        Path acled = Fixtures.write(dir.resolve("acled.csv"), EventFiles.acledSample());
        Path ged = Fixtures.write(dir.resolve("ged.csv"), EventFiles.ucdp(EventFiles.ucdpRow("1", 1, "Government of Syria",
                "Syrian insurgents", "1", "Sarmin", "35.9", "36.72", "1", "2017-02-01", "2017-02-01", "2", "4", "9")));
        Path kml = Fixtures.write(dir.resolve("e.kml"), EventFiles.kml("<Placemark id=\"x\"><TimeStamp><when>2020-01-01"
                + "</when></TimeStamp><Point><coordinates>36,35</coordinates></Point></Placemark>"));
        assertThat(run("import", "--db", db, acled.toString(), ged.toString(), kml.toString())).isZero();
        assertThat(out.toString()).contains(acled + " (acled): 3 rows read, 3 imported, 0 updated, 0 skipped, 0 rejected")
                .contains("actors kept under UNK: Jaysh Test Brigade")
                .contains(ged + " (ucdp): 1 rows read, 1 imported").contains(kml + " (kml): 1 rows read, 1 imported");
        assertThat(run("import", "--db", db, acled.toString(), ged.toString(), kml.toString())).isZero();
        assertThat(out.toString()).contains("3 rows read, 0 imported, 0 updated, 3 skipped")
                .contains("1 rows read, 0 imported, 0 updated, 1 skipped");
    }

    @Test
    void badFilesGiveOneLineAndExitStatusOne() throws IOException {
        String db = dir.resolve("s.gpkg").toString();
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 7 + 1);
        binary[100] = 0;
        Path bin = dir.resolve("x.csv");
        Files.write(bin, binary);
        Path empty = Fixtures.write(dir.resolve("empty.csv"), "");
        Path wrong = Fixtures.write(dir.resolve("wrong.csv"), "a,b,c\n1,2,3\n");
        String sample = EventFiles.acledSample();
        Path cut = Fixtures.write(dir.resolve("cut.csv"), sample.substring(0, sample.indexOf("enough")));
        Path xxe = Fixtures.write(dir.resolve("x.kml"), "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY e SYSTEM"
                + " \"file:///etc/passwd\">]><kml><Placemark><name>&e;</name></Placemark></kml>");
        for (Path p : new Path[] {bin, empty, cut, xxe}) {
            assertThat(run("import", "--db", db, "--format", p == xxe ? "kml" : "acled", p.toString())).as(p.toString()).isEqualTo(1);
            assertThat(err.toString().strip()).startsWith("sitmap: " + p).doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("root:");
        }
        assertThat(run("import", "--db", db, wrong.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("wrong.csv:1: missing columns event_id_cnty").contains("not an ACLED CSV export");
        assertThat(run("import", "--db", db, "--format", "ucdp", wrong.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("sitmap: " + wrong + ":1: missing columns id, date_start, side_a,"
                + " latitude, longitude: not a UCDP GED CSV file (found 3 columns)");
    }

    @Test
    void strictRefusesTheFileAtTheFirstBadRow() throws IOException {
        String db = dir.resolve("s.gpkg").toString();
        Path f = Fixtures.write(dir.resolve("a.csv"), EventFiles.acled(
                EventFiles.acledRow("S1", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "1"),
                EventFiles.acledRow("S2", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "135", "36", "", "1")));
        assertThat(run("import", "--db", db, "--strict", f.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("sitmap: " + f + ":3: latitude 135 out of range (-90..90)");
        assertThat(run("import", "--db", db, f.toString())).isZero();
        assertThat(out.toString()).contains("2 rows read, 1 imported, 0 updated, 0 skipped, 1 rejected")
                .contains("rejected " + f + ":3: latitude 135 out of range (-90..90)");
    }
}
