package org.sitmap.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.csv.CsvTokenizer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentStore;
import org.sitmap.testutil.EventFiles;

/**
 * Measures the ACLED path on a generated file of N current-layout rows (about 330 bytes each, notes of ~150
 * characters): the tokenizer alone, the reader (rows to incidents), and the import into a new store.
 *
 * <p>Usage: {@code AcledBenchmarkMain N WORKDIR [parse-only]}. Not a test: timings are never asserted.
 */
public final class AcledBenchmarkMain {
    private AcledBenchmarkMain() { }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Path csv = dir.resolve("acled-" + n + ".csv");
        if (!Files.exists(csv)) write(csv, n);
        System.out.printf("file %s: %d rows, %.1f MB%n", csv, n, Files.size(csv) / 1e6);
        FactionCatalog catalog = IncidentStore.loadCatalog();
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            long fields = 0;
            try (InputStream in = Files.newInputStream(csv); CsvTokenizer t = new CsvTokenizer(in, csv.toString(), ',')) {
                while (t.next()) fields += t.size();
            }
            long t1 = System.nanoTime();
            int ok = 0;
            try (IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), catalog)) {
                ParsedRow row;
                while ((row = r.next()) != null) if (!row.isRejected()) ok++;
            }
            long t2 = System.nanoTime();
            System.out.printf("run %d: tokenizer %.2f s (%d fields); reader %.2f s (%d incidents)%n", run,
                    (t1 - t0) / 1e9, fields, (t2 - t1) / 1e9, ok);
        }
        if (args.length > 2 && args[2].equals("parse-only")) return;
        Path db = dir.resolve("acled-bench.gpkg");
        for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + suffix));
        try (IncidentStore store = IncidentStore.open(db)) {
            long t0 = System.nanoTime();
            ImportReport rep;
            try (IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), store.factions())) {
                rep = store.importAll(r, ImportOptions.DEFAULT, null);
            }
            long t1 = System.nanoTime();
            System.out.printf("import into a new store: %.2f s (%d imported, %.0f rows/s)%n", (t1 - t0) / 1e9,
                    rep.imported(), rep.imported() / ((t1 - t0) / 1e9));
            try (IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), store.factions())) {
                rep = store.importAll(r, ImportOptions.DEFAULT, null);
            }
            long t2 = System.nanoTime();
            System.out.printf("re-import (all skipped): %.2f s (%d skipped)%n", (t2 - t1) / 1e9, rep.skipped());
        }
    }

    private static void write(Path csv, int n) throws IOException {
        String[] actors = {"Military Forces of Syria (2000-)", "Islamic State (Syria)", "Hayat Tahrir al-Sham",
                "SDF: Syrian Democratic Forces", "Military Forces of Turkey (2016-)", "Civilians (Syria)",
                "Unidentified Armed Group (Syria)", "Military Forces of Russia (2000-)", "Hezbollah"};
        String[][] types = {{"Battles", "Armed clash"}, {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
                {"Explosions/Remote violence", "Air/drone strike"}, {"Violence against civilians", "Attack"},
                {"Strategic developments", "Looting/property destruction"}};
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(EventFiles.ACLED_HEADER);
            w.write("\r\n");
            for (int i = 0; i < n; i++) {
                String date = String.format("%04d-%02d-%02d", 2012 + i % 13, 1 + i % 12, 1 + i % 28);
                String[] t = types[i % types.length];
                String notes = "\"On " + date + ", forces shelled positions near Place " + (i % 2000)
                        + ", Idlib; local sources report damage to homes, a school and \"\"several\"\" vehicles. [event "
                        + i + "]\"";
                w.write(EventFiles.acledRow("SYR" + i, date, t[0], t[1], actors[i % actors.length],
                        i % 3 == 0 ? "Civilians (Syria); Women (Syria)" : "", actors[(i * 7 + 3) % actors.length],
                        "Place " + (i % 2000), String.format("%.4f", 32.5 + (i % 4500) / 1000.0),
                        String.format("%.4f", 35.7 + (i % 6500) / 1000.0), notes, Integer.toString(i % 9)));
                w.write("\r\n");
            }
        }
    }
}
