package org.sitmap.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;

/**
 * Measures the store with synthetic ACLED-like incidents (not a unit test; run by hand):
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.sitmap.store.StoreBenchmarkMain 1000000 /tmp/b.gpkg}.
 * Prints import rows/s, the re-import (all skipped) rate, loadIndex time, and a text search time.
 */
public final class StoreBenchmarkMain {
    private StoreBenchmarkMain() { }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path db = Path.of(args.length > 1 ? args[1] : "/tmp/sitmap-bench.gpkg");
        for (String s : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + s));
        int schema = args.length > 2 ? Integer.parseInt(args[2]) : Migrations.CURRENT;
        try (IncidentStore store = IncidentStore.open(db, schema)) {
            long t0 = System.nanoTime();
            ImportReport r = store.importAll(synthetic(n), ImportOptions.DEFAULT, null);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("import %d rows: %.1f s, %.0f rows/s (%d imported)%n", n, s, n / s, r.imported());
            t0 = System.nanoTime();
            r = store.importAll(synthetic(n), ImportOptions.DEFAULT, null);
            s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("re-import (all skipped): %.1f s, %.0f rows/s (%d skipped)%n", s, n / s, r.skipped());
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            for (int k = 0; k < 3; k++) {
                long t0 = System.nanoTime();
                IncidentIndex index = store.loadIndex();
                System.out.printf("loadIndex %d rows: %.2f s%n", index.size(), (System.nanoTime() - t0) / 1e9);
            }
            long t0 = System.nanoTime();
            long[] ids = store.searchText("Saraqib shelling");
            System.out.printf("searchText: %d hits in %.3f s%n", ids.length, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            int q = store.query(FilterSpec.ALL.withDates(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 31))
                    .withFactions(java.util.Set.of("RUS"))).size();
            System.out.printf("query (1 month, RUS): %d rows in %.3f s%n", q, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("file size: %.0f MB%n", Files.size(db) / 1e6);
    }

    private static final String[] PLACES = {"Saraqib", "Maarat al-Numan", "Kafr Nabl", "Ariha", "Jisr al-Shughur",
            "Khan Shaykhun", "Deir ez-Zor", "Al Bukamal", "Mayadin", "Raqqa", "Manbij", "Afrin", "Tal Rifaat", "Daraa",
            "Douma", "Harasta", "Hama", "Homs", "Palmyra", "Qamishli"};
    private static final String[][] ACTORS = {{"Military Forces of Syria (2000-)", "SAA"},
            {"Military Forces of Russia (2000-) Air Force", "RUS"}, {"Hayat Tahrir al-Sham", "HTS"},
            {"Islamic State (Syria)", "ISIS"}, {"SDF: Syrian Democratic Forces", "SDF"},
            {"Military Forces of Turkey (2016-)", "TUR"}, {"Civilians (Syria)", "CIV"},
            {"Unidentified Armed Group (Syria)", "UNK"}};

    /** {@code n} ACLED-like incidents over 2012-2024 with two actors and a notes-length evidence text each. */
    static IncidentReader synthetic(int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        SubEventType[] subs = SubEventType.values();
        return new IncidentReader() {
            int i;
            @Override public String file() { return "synthetic"; }
            @Override public String format() { return "synthetic"; }
            @Override public void close() { }
            @Override public ParsedRow next() {
                if (i == n) return null;
                i++;
                String place = PLACES[rnd.nextInt(PLACES.length)];
                String[] a1 = ACTORS[rnd.nextInt(ACTORS.length)], a2 = ACTORS[rnd.nextInt(ACTORS.length)];
                SubEventType sub = subs[rnd.nextInt(subs.length)];
                Incident inc = Incident.builder().sourceKey("SYR" + i).date(LocalDate.ofEpochDay(15340 + rnd.nextInt(4700)))
                        .place(place).admin1("Idlib").country("Syria")
                        .position(32.5 + rnd.nextDouble() * 4.5, 35.8 + rnd.nextDouble() * 6.2).subEventType(sub)
                        .actor(a1[0], a1[1]).actor(a2[0], a2[1]).fatalities(rnd.nextInt(10))
                        .summary(sub.label() + " in " + place)
                        .evidence("On this day, " + a1[0] + " carried out " + sub.label().toLowerCase() + " against "
                                + a2[0] + " near " + place + ". Casualties were reported by local sources; number "
                                + rnd.nextInt(100000) + ".")
                        .source("Synthetic Observatory").origin("synthetic:" + i).build();
                return ParsedRow.ok(i, inc);
            }
        };
    }
}
