package org.sitmap.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.ingest.table.TableFormats;
import org.sitmap.model.FactionCatalog;
import org.sitmap.store.IncidentStore;

/**
 * Fuzz tests of the readers added for issue #13, with the contract of {@link ReadersFuzzTest}: rows or an
 * {@code InputException}, nothing else. {@code apiJson} feeds the same bytes to the ACLED and the UCDP API JSON
 * readers; {@code packed} writes the bytes to a file and opens it as {@code --format auto} would (a zip: KMZ,
 * Excel workbook or zip of data files; gzip; anything else as it is detected). Seeds in
 * {@code src/test/resources/org/sitmap/ingest/TablesFuzzTestInputs/<method>/}; {@code mvn verify} fuzzes each for
 * {@code maxDuration} in the surefire executions {@code fuzz-apijson} and {@code fuzz-packed} (pom.xml).
 */
class TablesFuzzTest {
    private static final FactionCatalog CATALOG = IncidentStore.loadCatalog();

    @FuzzTest(maxDuration = "10s")
    void apiJson(byte[] data) throws IOException {
        ReadersFuzzTest.drain(b -> TableFormats.acledJson(new ByteArrayInputStream(b), "fuzz.json", CATALOG), data);
        ReadersFuzzTest.drain(b -> TableFormats.ucdpJson(new ByteArrayInputStream(b), "fuzz.json", CATALOG), data);
    }

    @FuzzTest(maxDuration = "10s")
    void packed(byte[] data) throws IOException {
        Path f = Files.createTempFile("fuzz", ".bin");
        try {
            Files.write(f, data);
            ReadersFuzzTest.drain(b -> Formats.open(f, "auto", ReaderContext.of(CATALOG)), data);
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
