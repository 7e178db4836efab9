package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.store.gpkg.IncidentStore;

/** Nothing imported is a failure; long rejection lists are cut; impossible article dates are refused. */
class PlainFailuresCliTest {
    @TempDir
    Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aFileWhoseEveryRowIsRejectedExitsOneAndStoresNothing() throws Exception {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < 25; i++) sb.append(i == 0 ? "" : ",\n").append("{}");
        Path f = Files.writeString(dir.resolve("empty.geojson"), sb.append("\n]}").toString());
        Path db = dir.resolve("s.gpkg");
        assertThat(run("import", "--db", db.toString(), f.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("sitmap: " + f + ": nothing imported, all 25 rows were"
                + " rejected (first, line 2: no date); fix the rows listed above and import the file again");
        assertThat(out.toString()).contains("25 rejected").contains("  … and 5 more rejected");
        assertThat(out.toString().lines().filter(l -> l.startsWith("  rejected "))).hasSize(20);
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.count()).isZero();
            assertThat(s.batches()).isEmpty();
        }
    }

    @Test
    void anArticleDateOutsideTheYearsIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "Clashes erupted in Ariha today.\n");
        assertThat(run("import", "--db", dir.resolve("s.gpkg").toString(), "--date", "-2024-01-01", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("article date '-2024-01-01' is not YYYY-MM-DD or YYYY-MM").doesNotContain("\tat ");
        err.getBuffer().setLength(0);
        assertThat(run("import", "--db", dir.resolve("s.gpkg").toString(), "--date", "1850-01-01", f.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("article date 1850-01-01 is outside the years 1900-2100");
    }
}
