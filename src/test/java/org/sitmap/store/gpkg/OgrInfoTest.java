package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.Fixtures;

/** GDAL reads the store as a GeoPackage point layer (runs only where {@code ogrinfo} is on the PATH). */
class OgrInfoTest {
    @TempDir Path dir;

    @Test
    void ogrinfoSeesAPointLayerWithEveryIncident() throws Exception {
        assumeTrue(onPath("ogrinfo"), "ogrinfo (gdal-bin) is not installed");
        Path db = dir.resolve("gdal.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("f", Fixtures.arabic(), Fixtures.unresolved(),
                    Fixtures.simple("k", java.time.LocalDate.of(2020, 1, 1), "Saraqib", 35.86, 36.8, "SAA")),
                    ImportOptions.DEFAULT, null);
        }
        Process p = new ProcessBuilder("ogrinfo", "-so", db.toString(), "incident").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Geometry: Point").contains("Feature Count: 3").contains("ID[\"EPSG\",4326]")
                .doesNotContain("ERROR").doesNotContain("Warning");
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
