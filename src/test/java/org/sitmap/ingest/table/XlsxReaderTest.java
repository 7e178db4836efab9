package org.sitmap.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.TableFiles;

/** Excel workbooks with ACLED's and UCDP's columns, hostile workbooks, and one written by GDAL. */
class XlsxReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    private List<ParsedRow> read(Path f) throws IOException {
        return ApiJsonReaderTest.drain(Formats.open(f, "auto", ReaderContext.of(CATALOG)));
    }

    @Test
    void acledWorkbookGivesTheSameIncidentsAsTheCsvWithDateCellsAndRowNumbers() throws IOException {
        String csv = EventFiles.acledSample();
        List<ParsedRow> fromCsv = ApiJsonReaderTest.drain(new AcledReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "a.csv", CATALOG));
        List<List<String>> rows = new ArrayList<>(TableFiles.parseCsv(csv));
        rows.add(1, List.of());   // a blank row is passed over; row numbers stay the sheet's
        Path f = dir.resolve("acled.xlsx");
        Files.write(f, TableFiles.xlsx(rows));
        assertThat(Formats.detect(f, "auto").name()).isEqualTo("xlsx");
        List<ParsedRow> got = read(f);
        assertThat(got).hasSize(3).noneMatch(ParsedRow::isRejected);
        assertThat(got).extracting(ParsedRow::line).containsExactly(3L, 4L, 5L);
        for (int k = 0; k < 3; k++) {
            assertThat(ApiJsonReaderTest.withoutOrigin(got.get(k).incident()))
                    .isEqualTo(ApiJsonReaderTest.withoutOrigin(fromCsv.get(k).incident()));
        }
        assertThat(got.get(0).incident().origin()).isEqualTo(f + ":3");
        assertThat(got.get(0).incident().date()).isEqualTo(LocalDate.of(2020, 6, 1));
    }

    @Test
    void ucdpWorkbookAndBadCellsRejectedAtTheirRow() throws IOException {
        String csv = EventFiles.ucdp(EventFiles.ucdpRow("900001", 1, "Government of Syria", "Syrian insurgents", "1",
                "Sarmin town", "35.9", "36.72", "1", "2017-02-01", "2017-02-01", "2", "4", "9"),
                EventFiles.ucdpRow("900002", 1, "Government of Syria", "Syrian insurgents", "1",
                "Sarmin town", "135.9", "36.72", "1", "2017-02-01", "2017-02-01", "2", "4", "9"));
        Path f = dir.resolve("ged.xlsx");
        Files.write(f, TableFiles.xlsx(TableFiles.parseCsv(csv)));
        List<ParsedRow> got = read(f);
        assertThat(got.get(0).incident().sourceKey()).isEqualTo("ucdp:900001");
        assertThat(got.get(1).rejection()).isEqualTo("latitude 135.9 out of range (-90..90)");
        assertThat(got.get(1).line()).isEqualTo(3);
    }

    @Test
    void aWorkbookWithOtherColumnsIsRefusedWithOneMessage() throws IOException {
        Path f = dir.resolve("other.xlsx");
        Files.write(f, TableFiles.xlsx(List.of(List.of("a", "b"), List.of("1", "2"))));
        assertThatThrownBy(() -> read(f)).isInstanceOf(InputException.class)
                .hasMessage(f + ":1: the columns are neither ACLED's (event_id_cnty, event_date ...) nor UCDP GED's"
                        + " (id, side_a, date_start ...)");
    }

    @Test
    void zipBombsTraversalAndDamagedWorkbooksAreRefused() throws IOException {
        Path bomb = TableFiles.zipBomb(dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", 64L << 20);
        assertThatThrownBy(() -> ApiJsonReaderTest.drain(Formats.open(bomb, "xlsx", ReaderContext.of(CATALOG))))
                .isInstanceOf(InputException.class).hasMessageContaining("(a zip bomb?): refused");
        Map<String, byte[]> evil = new LinkedHashMap<>();
        evil.put("../../evil.xml", "x".getBytes(StandardCharsets.UTF_8));
        Path traversal = dir.resolve("evil.xlsx");
        Files.write(traversal, TableFiles.zip(evil));
        assertThatThrownBy(() -> ApiJsonReaderTest.drain(Formats.open(traversal, "xlsx", ReaderContext.of(CATALOG))))
                .isInstanceOf(InputException.class).hasMessageContaining("unsafe entry name '../../evil.xml'");
        byte[] good = TableFiles.xlsx(TableFiles.parseCsv(EventFiles.acledSample()));
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> ApiJsonReaderTest.drain(Formats.open(cut, "xlsx", ReaderContext.of(CATALOG))))
                .isInstanceOf(InputException.class).hasMessageStartingWith(cut + ": ");
        Map<String, byte[]> noSheet = new LinkedHashMap<>();
        noSheet.put("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
        Path empty = dir.resolve("nosheet.xlsx");
        Files.write(empty, TableFiles.zip(noSheet));
        assertThatThrownBy(() -> ApiJsonReaderTest.drain(Formats.open(empty, "auto", ReaderContext.of(CATALOG))))
                .isInstanceOf(InputException.class).hasMessageStartingWith(empty + ": ");
    }

    @Test
    void aWorkbookWrittenByGdalImports() throws Exception {
        assumeTrue(onPath("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
        Path csv = dir.resolve("acled.csv");
        Files.writeString(csv, EventFiles.acledSample());
        Path xlsx = dir.resolve("acled.xlsx");
        // typed columns: GDAL writes event_date as a date cell, latitude as a number
        Process p = new ProcessBuilder("ogr2ogr", "-f", "XLSX", "-oo", "AUTODETECT_TYPE=YES", xlsx.toString(),
                csv.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<ParsedRow> got = read(xlsx);
        assertThat(got).hasSize(3).noneMatch(ParsedRow::isRejected);
        Incident first = got.get(0).incident();
        assertThat(first.sourceKey()).isEqualTo("acled:SYR1001");
        assertThat(first.date()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(first.latitude()).isEqualTo(35.5279);
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
