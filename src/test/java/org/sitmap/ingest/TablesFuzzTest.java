package org.sitmap.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.ingest.table.TableFormats;
import org.sitmap.model.FactionCatalog;

/**
 * Fuzz tests of the readers added for issue #13, with the contract of {@link ReadersFuzzTest}: rows or an
 * {@code InputException}, nothing else. {@code apiJson} feeds the same bytes to the ACLED and the UCDP API JSON
 * readers; {@code packed} writes the bytes to a file and opens it as {@code --format auto} would (a zip: KMZ,
 * Excel workbook or zip of data files; gzip; anything else as it is detected). Seeds in
 * {@code src/test/resources/org/sitmap/ingest/TablesFuzzTestInputs/<method>/}; {@code mvn verify} fuzzes each for
 * {@code maxDuration} in the surefire executions {@code fuzz-apijson} and {@code fuzz-packed} (pom.xml).
 */
class TablesFuzzTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();

    @FuzzTest(maxDuration = "10s")
    void apiJson(byte[] data) throws IOException {
        ReadersFuzzTest.drain(b -> TableFormats.acledJson(new ByteArrayInputStream(b), "fuzz.json", CATALOG), data);
        ReadersFuzzTest.drain(b -> TableFormats.ucdpJson(new ByteArrayInputStream(b), "fuzz.json", CATALOG), data);
    }

    @FuzzTest(maxDuration = "10s")
    void packed(byte[] data) throws IOException {
        if (data.length > 0 && (data[0] == 0 || data[0] == 3)) {
            shapefile(data);
            return;
        }
        Path f = Files.createTempFile("fuzz", ".bin");
        try {
            Files.write(f, data);
            ReadersFuzzTest.drain(b -> Formats.open(f, "auto", ReaderContext.of(CATALOG)), data);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Bytes starting like a .shp (0) go in as the .shp beside a good .dbf; like a .dbf (3), the other way round. */
    private static void shapefile(byte[] data) throws IOException {
        Path d = Files.createTempDirectory("fuzz");
        try {
            Path shp = org.sitmap.testutil.TableFiles.pointShapefile(d.resolve("x.shp"),
                    java.util.List.of(new double[] {36.5, 35.5}, new double[] {36.6, 35.6}),
                    java.util.List.of("event_date", "actor1"),
                    java.util.List.of(java.util.List.of("2020-01-01", "SDF"), java.util.List.of("2020-01-02", "SDF")),
                    null);
            Files.write(data[0] == 0 ? shp : d.resolve("x.dbf"), data);
            ReadersFuzzTest.drain(b -> Formats.open(shp, "auto", ReaderContext.of(CATALOG)), data);
        } finally {
            try (java.util.stream.Stream<Path> files = Files.list(d)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(d);
        }
    }
}
