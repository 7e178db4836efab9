package org.sitmap.ingest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.acled.LegacyAcledReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * Dev tool (not a test): GeoPackage imports of one CSV into new stores in one JVM, alternating the former character
 * reader and the byte reader, with the importer's FINE log (the reading thread's CPU among it).
 * {@code java -cp target/sitmap.jar:target/test-classes org.sitmap.ingest.ImportCpuMain FILE.csv DIR [ROUNDS]}.
 */
public final class ImportCpuMain {
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Logger log = Logger.getLogger("org.sitmap.store.gpkg");
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(Level.FINE);
        log.addHandler(h);
        log.setLevel(Level.FINE);
        FactionCatalog cat = FactionCatalog.shipped();
        for (int r = 0; r < rounds; r++) {
            for (int which = 0; which < 2; which++) {
                Path db = dir.resolve("cpu-" + r + "-" + which + ".gpkg");
                Files.deleteIfExists(db);
                System.err.println("round " + r + " " + (which == 0 ? "chars" : "bytes"));
                InputStream in = Files.newInputStream(csv);
                try (IncidentReader reader = which == 0 ? new LegacyAcledReader(in, csv.toString(), cat)
                        : new AcledReader(in, csv.toString(), cat);
                     IncidentStore s = IncidentStore.open(db)) {
                    s.importAll(reader, ImportOptions.DEFAULT, null);
                }
                try (var files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) if (p.getFileName().toString().startsWith("cpu-")) Files.delete(p);
                }
            }
        }
    }
}
