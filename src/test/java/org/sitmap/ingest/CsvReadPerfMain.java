package org.sitmap.ingest;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.IncidentValues;

/**
 * Dev tool (not a test): the reading thread's CPU per file for the ACLED reader, parse only and parse with what
 * both importers' reading thread adds (actors normalised, content hash). Compare two versions by running each jar
 * in turn: {@code java -cp target/sitmap.jar:target/test-classes org.sitmap.ingest.CsvReadPerfMain FILE.csv [ROUNDS]}.
 */
public final class CsvReadPerfMain {
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        FactionCatalog cat = FactionCatalog.shipped();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int stage = 0; stage < 2; stage++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long rows = 0;
                IncidentValues values = new IncidentValues(cat);
                long check = 0;
                InputStream in = Files.newInputStream(csv);
                try (IncidentReader reader = new AcledReader(in, csv.toString(), cat)) {
                    for (ParsedRow row; (row = reader.next()) != null; ) {
                        rows++;
                        if (stage == 0 || row.isRejected()) continue;
                        Incident inc = values.normalised(row.incident());
                        check += values.hash(inc).charAt(0);
                    }
                }
                System.out.printf("round %d %-6s cpu %.2f s rows %d (%d)%n", r, stage == 0 ? "parse" : "+hash",
                        (mx.getCurrentThreadCpuTime() - c0) / 1e9, rows, check);
            }
        }
    }
}
