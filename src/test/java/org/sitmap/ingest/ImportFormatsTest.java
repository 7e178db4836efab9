package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.CsvWriter;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** Each input format through the store: re-import adds nothing, a changed event updates, strict and default modes. */
class ImportFormatsTest {
    @TempDir Path dir;

    private ImportReport importFile(IncidentStore store, Path file, ImportOptions options) throws IOException {
        try (IncidentReader r = Formats.open(file, "auto", ReaderContext.of(store.factions()))) {
            return store.importAll(r, options, null);
        }
    }

    private void importTwiceThenChange(String name, String text, String changedText, int rows) throws IOException {
        try (IncidentStore store = IncidentStore.open(dir.resolve(name + ".gpkg"))) {
            Path f = Fixtures.write(dir.resolve(name), text);
            ImportReport first = importFile(store, f, ImportOptions.DEFAULT);
            assertThat(first.rejections()).isEmpty();
            assertThat(first.imported()).isEqualTo(rows);
            ImportReport again = importFile(store, f, ImportOptions.DEFAULT);
            assertThat(again.imported()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(again.skipped()).isEqualTo(rows);
            assertThat(store.count()).isEqualTo(rows);
            Path changed = Fixtures.write(dir.resolve("changed-" + name), changedText);
            ImportReport third = importFile(store, changed, ImportOptions.DEFAULT);
            assertThat(third.updated()).isEqualTo(1);
            assertThat(third.skipped()).isEqualTo(rows - 1);
            assertThat(store.count()).isEqualTo(rows);
        }
    }

    @Test
    void acledReimportAddsNothingAndANewerVersionUpdates() throws IOException {
        String text = EventFiles.acledSample();
        importTwiceThenChange("a.csv", text, text.replace("Clash at a post", "Clash at a post (revised)"), 3);
    }

    @Test
    void ucdpReimportAddsNothingAndANewerVersionUpdates() throws IOException {
        String row1 = EventFiles.ucdpRow("1", 1, "Government of Syria", "Syrian insurgents", "1", "Sarmin", "35.9",
                "36.72", "1", "2017-02-01", "2017-02-01", "2", "4", "9");
        String row2 = EventFiles.ucdpRow("2", 3, "IS", "Civilians", "1", "Al Bab", "36.37", "37.51", "1",
                "2017-02-02", "2017-02-02", "1", "1", "1");
        importTwiceThenChange("ged.csv", EventFiles.ucdp(row1, row2), EventFiles.ucdp(row1, row2.replace(",1,1,1", ",1,2,3")), 2);
    }

    @Test
    void kmlReimportAddsNothingAndANewerVersionUpdates() throws IOException {
        String pm = "<Placemark id=\"p%d\"><name>Place %d</name><TimeStamp><when>2020-01-0%d</when></TimeStamp>"
                + "<Point><coordinates>36.%d,35.1</coordinates></Point></Placemark>";
        String a = String.format(pm, 1, 1, 1, 1), b = String.format(pm, 2, 2, 2, 2);
        importTwiceThenChange("e.kml", EventFiles.kml(a, b), EventFiles.kml(a, b.replace("Place 2", "Place 2b")), 2);
    }

    @Test
    void unmappedActorsAreKeptUnderUnkAndListed() throws IOException {
        try (IncidentStore store = IncidentStore.open(dir.resolve("s.gpkg"))) {
            ImportReport r = importFile(store, Fixtures.write(dir.resolve("a.csv"), EventFiles.acledSample()), ImportOptions.DEFAULT);
            assertThat(r.unmappedActors()).containsExactly("Jaysh Test Brigade");
            assertThat(r.describe()).contains("actors kept under UNK: Jaysh Test Brigade");
            Incident i = store.query(FilterSpec.ALL).stream().filter(x -> x.sourceKey().equals("acled:SYR1003")).findFirst().orElseThrow();
            assertThat(i.factions()).containsExactly("HTS", "UNK");
        }
    }

    @Test
    void defaultModeStoresGoodRowsAndReportsBadOnesStrictModeStoresNothing() throws IOException {
        String text = EventFiles.acled(
                EventFiles.acledRow("SYR1", "2020-01-01", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "1"),
                EventFiles.acledRow("SYR2", "01/13/2020", "Battles", "Armed clash", "SDF", "", "", "X", "35", "36", "", "1"),
                EventFiles.acledRow("SYR3", "2020-01-03", "Battles", "Armed clash", "SDF", "", "", "X", "35", "-181", "", "1"));
        Path f = Fixtures.write(dir.resolve("mixed.csv"), text);
        try (IncidentStore store = IncidentStore.open(dir.resolve("strict.gpkg"))) {
            assertThatThrownBy(() -> importFile(store, f, new ImportOptions(true, false)))
                    .isInstanceOf(InputException.class).hasMessage(f + ":3: bad date '01/13/2020' in event_date"
                            + " (expected yyyy-mm-dd, dd/mm/yyyy or 12 March 2019)");
            assertThat(store.count()).isZero();
            assertThat(store.batches()).isEmpty();
        }
        try (IncidentStore store = IncidentStore.open(dir.resolve("default.gpkg"))) {
            ImportReport r = importFile(store, f, ImportOptions.DEFAULT);
            assertThat(r.rowsRead()).isEqualTo(3);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.rejections()).extracting(Object::toString).containsExactly(
                    f + ":3: bad date '01/13/2020' in event_date (expected yyyy-mm-dd, dd/mm/yyyy or 12 March 2019)",
                    f + ":4: longitude -181 out of range (-180..180)");
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void formulaCellsAreNeutralisedOnExportAndTheExportImportsBackUnchanged() throws IOException {
        String text = EventFiles.acled(
                EventFiles.acledRow("SYR1", "2020-01-01", "Battles", "Armed clash", "=cmd|' /C calc'!A0", "", "@SUM(A1)",
                        "+Town", "35", "36", "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", "1"),
                EventFiles.acledRow("SYR2", "2020-01-02", "Battles", "Armed clash", "SDF", "", "", "-Town", "35.5",
                        "-36.25", "-2+3", ""));
        try (IncidentStore store = IncidentStore.open(dir.resolve("s.gpkg"))) {
            importFile(store, Fixtures.write(dir.resolve("f.csv"), text), ImportOptions.DEFAULT);
            List<Incident> stored = store.query(FilterSpec.ALL);
            assertThat(stored).extracting(Incident::summary).contains("=HYPERLINK(\"http://evil.example\",\"click\")");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvWriter.write(stored, out);
            String csv = out.toString(StandardCharsets.UTF_8);
            assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
                    .contains(",'=cmd|' /C calc'!A0,", ",'@SUM(A1),", ",'+Town,", ",'-Town,", ",'-2+3,")
                    .contains(",-36.25,").doesNotContain(",=", ",@", ",+", ",\"=");
            ImportReport back = importFile(store, Fixtures.write(dir.resolve("export.csv"), csv), ImportOptions.DEFAULT);
            assertThat(back.rejections()).isEmpty();
            assertThat(back.skipped()).isEqualTo(2);
            assertThat(back.imported() + back.updated()).isZero();
        }
    }

    @Test
    void malformedFilesLeaveTheStoreUntouched() throws IOException {
        try (IncidentStore store = IncidentStore.open(dir.resolve("s.gpkg"))) {
            importFile(store, Fixtures.write(dir.resolve("ok.csv"), EventFiles.acledSample()), ImportOptions.DEFAULT);
            String sample = EventFiles.acledSample();
            Path cut = Fixtures.write(dir.resolve("cut.csv"), sample.substring(0, sample.indexOf("enough")));
            assertThatThrownBy(() -> importFile(store, cut, ImportOptions.DEFAULT)).isInstanceOf(InputException.class)
                    .hasMessageContaining("cut.csv:4: the file ends inside a quoted field");
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.batches()).hasSize(1);
        }
    }
}
