package org.sitmap.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Place;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * Dev tool (not a test): frame stages of the benchmark, many times, on an index built in memory ({@code mem N}),
 * loaded from a GeoPackage store ({@code store FILE}) or a team server ({@code pg postgresql://…}), or loaded after
 * imports of a CSV into fresh stores in the same JVM, as the full benchmark does ({@code importK CSV}, K imports),
 * printing per stage the median and quartiles of the calling thread's CPU, of the split helper's CPU and of the wall,
 * the GC time met and the CPU of the process's other threads (JIT, GC) a frame. {@code java -cp
 * target/test-classes:target/sitmap.jar org.sitmap.bench.FrameGapMain mem|store|pg|importK N|FILE|URL|CSV STAGE RUNS
 * [WARM]}, STAGE one of brush, country, zoomed, hist, all (hist, country, zoomed, brush, in the bench's order).
 */
public final class FrameGapMain {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        IncidentIndex ix;
        if (args[0].equals("mem")) {
            List<Place> towns = Gazetteer.readShipped().stream()
                    .filter(p -> "SY".equals(p.countryCode()) && p.featureCode() != null
                            && p.featureCode().startsWith("PPL") && p.source() != null
                            && p.source().startsWith("GeoNames")).toList();
            ix = new SyntheticData(towns).index(org.sitmap.model.FactionCatalog.shipped(),
                    Integer.parseInt(args[1]), 42);
        } else if (args[0].equals("pg")) {
            try (org.sitmap.store.pg.PgStore s = org.sitmap.store.pg.PgStore.open(org.sitmap.store.pg.PgLocation.parse(
                    args[1], org.sitmap.store.pg.PgEnvironment.system()))) {
                ix = s.loadIndex();
            }
        } else if (args[0].startsWith("import")) {
            // as the full bench: imports of the CSV into fresh stores in this JVM, then opens with a frame each
            Path dir = java.nio.file.Files.createTempDirectory(Path.of("/tmp/frames"), "gap");
            int imports = args[0].length() > 6 ? Integer.parseInt(args[0].substring(6)) : 2;
            Path db = null;
            for (int k = 0; k < imports; k++) {
                db = dir.resolve("i" + k + ".gpkg");
                try (IncidentStore s = IncidentStore.open(db);
                     org.sitmap.model.IncidentReader r = org.sitmap.ingest.Formats.open(Path.of(args[1]), "acled",
                             org.sitmap.ingest.ReaderContext.of(s.factions()))) {
                    System.out.println(s.importAll(r, org.sitmap.store.ImportOptions.DEFAULT, null).describe());
                }
            }
            MapFramePainter p0 = new MapFramePainter();
            Raster r0 = new Raster(1600, 1000);
            IncidentIndex last = null;
            for (int k = 0; k < 5; k++) {
                IncidentStore.awaitColumnSnapshot();
                try (IncidentStore s = IncidentStore.open(db)) {
                    last = s.loadIndex();
                    p0.paint(r0, Viewport.fit(Benchmark.SYRIA, 1600, 1000), Selection.all(last),
                            IncidentPainter.Options.DEFAULT);
                }
            }
            ix = last;
        } else {
            try (IncidentStore s = IncidentStore.open(Path.of(args[1]))) {
                ix = s.loadIndex();
            }
        }
        String stage = args[2];
        int runs = Integer.parseInt(args[3]);
        int warm = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        for (int k = 0; k < 3; k++) System.gc();
        MapFramePainter painter = new MapFramePainter();
        Raster raster = new Raster(1600, 1000);
        Viewport screen = Viewport.fit(Benchmark.SYRIA, 1600, 1000);
        Viewport idlib = new Viewport(35.75, 36.6, 11.5, 1600, 1000);
        Supplier<FilterSpec> next = FrameStages.slidingWindow(ix);
        TimelineStage timeline = new TimelineStage(ix);
        Selection all = Selection.all(ix);
        Runnable brush = () -> {
            FilterSpec spec = next.get();
            Selection sel = new IndexFilter(ix, spec, null).apply();
            timeline.histogram(spec);
            painter.paint(raster, screen, sel, IncidentPainter.Options.DEFAULT);
        };
        Runnable country = () -> painter.paint(raster, screen, all, IncidentPainter.Options.DEFAULT);
        Runnable zoomed = () -> painter.paint(raster, idlib, all, IncidentPainter.Options.DEFAULT);
        Runnable hist = () -> timeline.histogramUncached(next.get());
        System.out.printf("index %,d rows (%s), load %s%n", ix.size(), args[1],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String s : stage.equals("all") ? new String[] {"hist", "country", "zoomed", "brush"} : new String[] {stage}) {
            Runnable task = switch (s) {
                case "brush" -> brush;
                case "country" -> country;
                case "zoomed" -> zoomed;
                case "hist" -> hist;
                default -> throw new IllegalArgumentException(s);
            };
            time(s, warm, runs, task);
        }
    }

    static long splitCpu() {
        long sum = 0;
        for (long id : MX.getAllThreadIds()) {
            java.lang.management.ThreadInfo ti = MX.getThreadInfo(id);
            if (ti != null && ti.getThreadName().equals("sitmap-split")) sum += MX.getThreadCpuTime(id);
        }
        return sum;
    }

    static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) t += b.getCollectionTime();
        return t;
    }

    static void time(String what, int warm, int runs, Runnable task) {
        for (int k = 0; k < warm; k++) task.run();

        long[] wall = new long[runs], cpu = new long[runs], help = new long[runs];
        long gc0 = gcMillis();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long p0 = os.getProcessCpuTime();
        long mine = 0;
        for (int k = 0; k < runs; k++) {
            long h0 = splitCpu();
            long c0 = MX.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.run();
            wall[k] = System.nanoTime() - t0;
            cpu[k] = MX.getCurrentThreadCpuTime() - c0;
            help[k] = splitCpu() - h0;
            mine += cpu[k] + help[k];
        }
        long others = os.getProcessCpuTime() - p0 - mine;

        long gc = gcMillis() - gc0;
        System.out.printf("%-8s %s | wall %s | helper %s | gc %d ms, other threads %.2f ms a frame, over %d%n", what,
                q(cpu), q(wall), q(help), gc, others / 1e6 / runs, runs);
        if (Boolean.getBoolean("gap.threads")) {
            for (long id : MX.getAllThreadIds()) {
                java.lang.management.ThreadInfo ti = MX.getThreadInfo(id);
                if (ti != null) System.out.printf("   %-40s %8.1f ms %s%n", ti.getThreadName(),
                        MX.getThreadCpuTime(id) / 1e6, ti.getThreadState());
            }
        }
    }

    static String q(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return String.format(java.util.Locale.ROOT, "%6.2f [%6.2f %6.2f]", s[s.length / 2] / 1e6,
                s[s.length / 4] / 1e6, s[3 * s.length / 4] / 1e6);
    }

    private FrameGapMain() { }
}
