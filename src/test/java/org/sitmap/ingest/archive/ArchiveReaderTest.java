package org.sitmap.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.TableFiles;

/** {@code .gz} files and zips of data files: each entry read like a file; bombs, traversal, nesting refused. */
class ArchiveReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    private static List<ParsedRow> read(Path f, String format) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (IncidentReader r = Formats.open(f, format, ReaderContext.of(CATALOG))) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gzipFilesAreReadAsTheFileInside() throws IOException {
        Path gz = dir.resolve("acled.csv.gz");
        Files.write(gz, TableFiles.gzip(EventFiles.acledSample()));
        assertThat(Formats.detect(gz, "auto").name()).isEqualTo("gzip");
        List<ParsedRow> rows = read(gz, "auto");
        assertThat(rows).hasSize(3).noneMatch(ParsedRow::isRejected);
        assertThat(rows.get(1).incident().origin()).isEqualTo(gz + ":3");
        assertThat(read(gz, "acled")).hasSize(3);
        Path json = dir.resolve("answer.json.gz");
        Files.write(json, TableFiles.gzip(TableFiles.acledJson(TableFiles.records(EventFiles.acledSample()))));
        assertThat(read(json, "auto")).hasSize(3).noneMatch(ParsedRow::isRejected);
    }

    @Test
    void aZipOfDataFilesReadsEveryEntryAndPassesOverTheRest() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("README.txt", utf8("codebook"));
        entries.put("__MACOSX/._acled.csv", new byte[] {0, 5, 22, 7});
        entries.put("data/acled.csv", utf8(EventFiles.acledSample()));
        entries.put("data/ged.json", utf8(TableFiles.ucdpJson("{\"id\":7,\"side_a\":\"IS\",\"side_b\":\"Civilians\","
                + "\"date_start\":\"2017-01-01\",\"where_prec\":1,\"latitude\":95,\"longitude\":36}")));
        entries.put("data/more.xlsx", TableFiles.xlsx(TableFiles.parseCsv(EventFiles.acled(EventFiles.acledRow("SYR9",
                "2021-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "1")))));
        Path zip = dir.resolve("download.zip");
        Files.write(zip, TableFiles.zip(entries));
        assertThat(Formats.detect(zip, "auto").name()).isEqualTo("zip");
        List<ParsedRow> rows = read(zip, "auto");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).incident().origin()).isEqualTo(zip + "!/data/acled.csv:2");
        assertThat(rows.get(3).rejection()).isEqualTo("data/ged.json: latitude 95 out of range (-90..90)");
        assertThat(rows.get(3).line()).isEqualTo(2);
        assertThat(rows.get(4).incident().sourceKey()).isEqualTo("acled:SYR9");
        assertThat(rows.get(4).incident().origin()).isEqualTo(zip + "!/data/more.xlsx:2");
    }

    @Test
    void zipKindsAreToldApart() throws IOException {
        Map<String, byte[]> kmz = new LinkedHashMap<>();
        kmz.put("doc.kml", utf8(EventFiles.kml()));
        Path k = dir.resolve("events.zip");
        Files.write(k, TableFiles.zip(kmz));
        assertThat(Formats.detect(k, "auto").name()).isEqualTo("kml");
        Path x = dir.resolve("workbook.zip");
        Files.write(x, TableFiles.xlsx(TableFiles.parseCsv(EventFiles.acledSample())));
        assertThat(Formats.detect(x, "auto").name()).isEqualTo("xlsx");
        Map<String, byte[]> shp = new LinkedHashMap<>();
        shp.put("pts.shp", new byte[100]);
        shp.put("pts.dbf", new byte[10]);
        Path s = dir.resolve("pts.zip");
        Files.write(s, TableFiles.zip(shp));
        assertThatThrownBy(() -> Formats.detect(s, "auto")).isInstanceOf(InputException.class)
                .hasMessage(s + ": a zipped ESRI shapefile: unzip it and import the .shp (its .dbf and .prj beside it)");
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("codebook.pdf", utf8("%PDF-1.4"));
        Path d = dir.resolve("docs.zip");
        Files.write(d, TableFiles.zip(docs));
        assertThatThrownBy(() -> Formats.detect(d, "auto")).isInstanceOf(InputException.class)
                .hasMessage(d + ": the zip archive holds no CSV, Excel, JSON, GeoJSON or KML file (1 entries)");
    }

    @Test
    void bombsTraversalNestingAndDamageAreRefusedWithOneMessage() throws IOException {
        Path bomb = TableFiles.zipBomb(dir.resolve("bomb.zip"), "big.csv", 64L << 20);
        assertThatThrownBy(() -> read(bomb, "auto")).isInstanceOf(InputException.class)
                .hasMessage(bomb + "!/big.csv: expands more than 200 times (a zip bomb?): refused");
        Path gzBomb = TableFiles.gzipBomb(dir.resolve("big.csv.gz"), 64L << 20);
        assertThatThrownBy(() -> read(gzBomb, "auto")).isInstanceOf(InputException.class)
                .hasMessageContaining("(a zip bomb?): refused");
        Map<String, byte[]> evil = new LinkedHashMap<>();
        evil.put("../../../tmp/evil.csv", utf8(EventFiles.acledSample()));
        Path traversal = dir.resolve("evil.zip");
        Files.write(traversal, TableFiles.zip(evil));
        assertThatThrownBy(() -> read(traversal, "auto")).isInstanceOf(InputException.class)
                .hasMessageContaining("unsafe entry name '../../../tmp/evil.csv'");
        Map<String, byte[]> nested = new LinkedHashMap<>();
        nested.put("inner.csv", TableFiles.zip(Map.of("a.csv", utf8(EventFiles.acledSample()))));
        Path n = dir.resolve("nested.zip");
        Files.write(n, TableFiles.zip(nested));
        assertThatThrownBy(() -> read(n, "auto")).isInstanceOf(InputException.class)
                .hasMessage(n + "!/inner.csv: an archive inside an archive is not opened; unpack it first");
        byte[] gz = TableFiles.gzip(EventFiles.acledGenerated(200));
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> read(cut, "auto")).isInstanceOf(InputException.class).hasMessageStartingWith(cut + ": ");
        Path notGz = dir.resolve("x.gz");
        Files.write(notGz, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertThatThrownBy(() -> read(notGz, "auto")).isInstanceOf(InputException.class).hasMessageStartingWith(notGz + ": ");
    }
}
