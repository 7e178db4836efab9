package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;

/**
 * The child process of {@link CrashImportTest}: imports an ACLED file into a store and, once {@code signalAt}
 * rows have been read (several batches already written inside the open transaction), prints {@code INSIDE} on
 * stdout and then blocks on stdin, so the parent can kill it in the middle of the import without any race.
 *
 * <p>Usage: {@code CrashImportMain STORE FILE SIGNAL_AT}.
 */
public final class CrashImportMain {
    private CrashImportMain() { }

    public static void main(String[] args) throws IOException {
        Path store = Path.of(args[0]);
        Path file = Path.of(args[1]);
        int signalAt = Integer.parseInt(args[2]);
        try (IncidentStore s = IncidentStore.open(store);
             IncidentReader inner = new AcledReader(Files.newInputStream(file), file.toString(), s.factions())) {
            IncidentReader reader = new IncidentReader() {
                int n;
                @Override public String file() { return inner.file(); }
                @Override public String format() { return inner.format(); }
                @Override public void close() throws IOException { inner.close(); }
                @Override public ParsedRow next() throws IOException {
                    if (++n == signalAt) {
                        System.out.println("INSIDE " + s.file());
                        System.out.flush();
                        // wait to be killed: the parent never writes to stdin
                        while (System.in.read() >= 0) { }
                        throw new IllegalStateException("the parent should have killed this process");
                    }
                    return inner.next();
                }
            };
            s.importAll(reader, ImportOptions.DEFAULT, null);
        }
        System.out.println("DONE");
    }
}
