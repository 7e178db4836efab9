package org.sitmap.store.gpkg;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;

/**
 * Dev tool (not a test): imports a file into a new store ROUNDS times in one JVM through the public import path and
 * prints process CPU and wall of each, with the FINE log of the store package (the importing thread's phases and
 * CPU, the reading thread's CPU, how the stage's rows were moved). Uses only public API, so the same classes run
 * against an older jar for A/B: {@code java -cp JAR:target/test-classes org.sitmap.store.gpkg.StoreImportPerfMain
 * FILE.csv [ROUNDS] [DIR]}; {@code -Dsitmap.import.stage=false} binds every row instead of staging them.
 */
public final class StoreImportPerfMain {
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "/tmp/sitmap-import-perf"));
        Logger store = Logger.getLogger("org.sitmap.store");
        store.setLevel(Level.FINE);
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(Level.FINE);
        store.addHandler(h);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FactionCatalog cat = FactionCatalog.shipped();
        for (int r = 0; r < rounds; r++) {
            Path db = dir.resolve("perf-" + r + ".gpkg");
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(db + suffix));
            long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
            try (IncidentStore s = IncidentStore.open(db);
                 IncidentReader reader = Formats.open(csv, "acled", ReaderContext.of(cat))) {
                System.out.println(s.importAll(reader, ImportOptions.DEFAULT, n -> { }));
            }
            System.out.printf("round %d: process cpu %.2f s wall %.2f s load %.2f%n", r,
                    (os.getProcessCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9, os.getSystemLoadAverage());
        }
    }

    private StoreImportPerfMain() { }
}
