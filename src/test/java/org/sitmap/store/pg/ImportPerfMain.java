package org.sitmap.store.pg;

import java.nio.file.Path;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.IncidentValues;

/**
 * Dev tool (not a test): the client's share of a server import, stage by stage, in CPU seconds of one thread:
 * parsing the file, then also normalising and hashing, then also encoding the COPY text.
 * {@code java -cp target/sitmap.jar:target/test-classes org.sitmap.store.pg.ImportPerfMain FILE.csv [ROUNDS]}; a
 * missing FILE is first written with {@code -Drows=N} synthetic rows (the bench's, seed 42).
 */
public final class ImportPerfMain {
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        if (!java.nio.file.Files.exists(csv)) {
            int n = Integer.parseInt(System.getProperty("rows", "1000000"));
            new org.sitmap.bench.SyntheticData(org.sitmap.ingest.gazetteer.Gazetteer.readShipped().stream()
                    .filter(p -> "SY".equals(p.countryCode()) && p.featureCode() != null
                            && p.featureCode().startsWith("PPL") && p.source() != null
                            && p.source().startsWith("GeoNames")).toList()).writeAcledCsv(csv, n, 42);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        FactionCatalog cat = FactionCatalog.shipped();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int stage = 0; stage < 3; stage++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                long bytes = 0;
                IncidentValues values = new IncidentValues(cat);
                CopyText buf = new CopyText();
                try (IncidentReader reader = Formats.open(csv, "acled", ReaderContext.of(cat))) {
                    for (ParsedRow row; (row = reader.next()) != null; ) {
                        if (stage == 0 || row.isRejected()) continue;
                        Incident inc = values.normalised(row.incident());
                        String h = values.hash(inc);
                        if (stage == 2) {
                            PgImporter.stage(buf, row.line(), inc, h);
                            if (buf.length() > (1 << 20)) bytes += buf.drain().length;
                        }
                    }
                }
                System.out.printf("round %d stage %s: cpu %.2f s proc %.2f wall %.2f s bytes %d%n", r,
                        new String[] {"parse", "+hash", "+encode"}[stage], (mx.getCurrentThreadCpuTime() - c0) / 1e9, ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9,
                        (System.nanoTime() - w0) / 1e9, bytes);
            }
        }
    }
}
