package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.InputException;

/** Files Sitmap does not import are named, with what to do, instead of "cannot tell the format". */
class UnsupportedFormatsTest {
    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[Math.max(b.length, 100)];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void eachRefusalNamesTheFormat() throws IOException {
        assertThat(refusal(write("points.dbf", bytes(3, 120, 1, 1)))).contains("a part of an ESRI shapefile (.dbf);"
                + " import the .shp beside it");
        assertThat(refusal(write("old.xls", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))))
                .contains("an old Excel workbook (.xls");
        assertThat(refusal(write("other.gpkg", "SQLite format 3\0xxxx".getBytes(StandardCharsets.ISO_8859_1))))
                .contains("a GeoPackage or SQLite database");
        assertThat(refusal(write("tiles.mbtiles", "SQLite format 3\0xxxx".getBytes(StandardCharsets.ISO_8859_1))))
                .contains("an MBTiles tile pack is a basemap");
        assertThat(refusal(write("report.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))).contains("a PDF document");
        assertThat(refusal(write("map.png", bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10)))).contains("an image");
        assertThat(refusal(write("x.bin", "hello".getBytes(StandardCharsets.US_ASCII))))
                .contains("cannot tell the file's format; give --format (auto, geojson, acled-json, ucdp-json");
    }

    @Test
    void newFormatNamesAreKnown() {
        assertThat(Formats.names()).contains("acled-json", "ucdp-json", "xlsx", "shapefile", "zip", "gzip");
    }

    private static String refusal(Path f) {
        try {
            Formats.detect(f, "auto");
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(f + ": ").doesNotContain("\n");
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted " + f);
    }

    @Test
    void aGivenFormatStillReadsInsideACompressedFile() throws IOException {
        Path gz = write("x.csv.gz", org.sitmap.testutil.TableFiles.gzip("a,b\n1,2\n"));
        assertThatThrownBy(() -> Formats.open(gz, "ucdp", ReaderContext.of(FactionCatalog.shipped())))
                .isInstanceOf(InputException.class).hasMessageContaining("not a UCDP GED CSV file");
    }
}
