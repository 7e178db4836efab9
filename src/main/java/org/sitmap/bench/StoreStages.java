package org.sitmap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.model.FilterSpec;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * The store's stages of the benchmark beyond the import rate: open without the column snapshot (the index read
 * from the rows), text search feeding the map, and the peak resident memory of a {@code sitmap import} of the
 * same file in a child process (its {@code VmHWM} in {@code /proc/PID/status}, read until it ends) and the most
 * heap that import had in use after a collection (its GC log).
 */
final class StoreStages {
    /** A word of the synthetic summaries that names the most frequent town. */
    static final String COMMON_WORD = "Aleppo";
    /** A word every synthetic summary has. */
    static final String EVERY_ROW_WORD = "Synthetic";

    private final PrintStream log;
    private final int runs;

    StoreStages(PrintStream log, int runs) {
        this.log = log;
        this.runs = runs;
    }

    /** Open → index without a snapshot (deleted before each run; a new one is written after each). */
    void openFromRows(BenchResult out, Path db, int incidents) {
        log.println("open → index from the rows (no snapshot)…");
        int n = incidents >= 5_000_000 ? 1 : Math.min(runs, 3);
        out.timing("open_from_rows_ms", Timing.measure(0, n, () -> {
            try {
                IncidentStore.awaitColumnSnapshot();
                Files.deleteIfExists(Path.of(db + ".sitmap-columns"));
                try (IncidentStore store = IncidentStore.open(db)) {
                    store.loadIndex();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), null);
        IncidentStore.awaitColumnSnapshot();
    }

    /** Text search of a common word, its ids made into the map's selection; and of a word every row has. */
    void textSearch(BenchResult out, IncidentStore store, IncidentIndex ix, int incidents) {
        textSearch(out, store::searchText, ix, incidents);
    }

    /** The same with the ids of a search done by {@code search} (a team server's full-text search). */
    void textSearch(BenchResult out, Function<String, long[]> search, IncidentIndex ix, int incidents) {
        log.println("text search…");
        int[] count = new int[1];
        FilterSpec spec = FilterSpec.ALL.withText(COMMON_WORD);
        out.timing("fts_ms", Timing.measure(2, runs, () -> count[0] = new IndexFilter(ix, spec,
                search.apply(COMMON_WORD)).apply().count()),
                incidents >= 10_000_000 ? "≤ 300" : incidents >= 1_000_000 ? "≤ 50" : null);
        out.note("fts", String.format(java.util.Locale.ROOT, "text search: \"%s\" matches %,d incidents",
                COMMON_WORD, count[0]));
        FilterSpec every = FilterSpec.ALL.withText(EVERY_ROW_WORD);
        out.timing("fts_every_row_ms", Timing.measure(1, Math.max(3, runs / 5), () -> new IndexFilter(ix, every,
                search.apply(EVERY_ROW_WORD)).apply()), null);
    }

    /**
     * A cold {@code sitmap import} of {@code csv} into a new store in a child JVM (as a user runs it): its wall
     * time, its peak resident set and the most heap it had in use after a collection. Skipped (with a note) when
     * {@code /proc} is not there.
     */
    void childImport(BenchResult out, Path csv, Path dir) throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            out.note("import_rss", "peak RSS of sitmap import not measured (no /proc)");
            return;
        }
        log.println("sitmap import in a child process (peak RSS)…");
        Path db = dir.resolve("child.gpkg");
        Path gcLog = dir.resolve("child-gc.log");
        long[] run = child(gcLog, "import", "--db", db.toString(), csv.toString());
        Benchmark.deleteStore(db);
        if (run == null) return;
        out.number("import_child_ms", run[0], null);
        out.number("import_peak_rss_mb", run[1] / 1024.0, null);
        long live = liveHeapMb(gcLog);
        if (live >= 0) out.number("import_heap_live_mb", live, null);
        Files.deleteIfExists(gcLog);
    }

    /**
     * A cold headless {@code sitmap export} of the whole store {@code db} as a 1920×1080 PNG in a child JVM: the
     * store opened, its index loaded (from the column snapshot) and a frame painted, what the window does on
     * opening a store, without JavaFX. Its peak resident set and the most heap in use after a collection.
     */
    void childOpen(BenchResult out, Path db, Path dir) throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self"))) return;
        log.println("sitmap export of the store in a child process (peak RSS)…");
        Path png = dir.resolve("child.png");
        Path gcLog = dir.resolve("child-open-gc.log");
        long[] run = child(gcLog, "export", "--db", db.toString(), "--out", png.toString());
        for (String f : new String[] {"child.png", "child.pgw", "child.prj"}) Files.deleteIfExists(dir.resolve(f));
        if (run == null) return;
        out.number("open_png_peak_rss_mb", run[1] / 1024.0, null);
        long live = liveHeapMb(gcLog);
        if (live >= 0) out.number("open_png_heap_live_mb", live, null);
        Files.deleteIfExists(gcLog);
    }

    /** Runs {@code sitmap args} in a child JVM with a GC log; its wall ms and peak RSS in KiB, null if interrupted. */
    private static long[] child(Path gcLog, String... args) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xlog:gc:file=" + gcLog, "-cp",
                System.getProperty("java.class.path"), "org.sitmap.app.Launcher"));
        cmd.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path status = Path.of("/proc/" + p.pid() + "/status");
        long peakKb = 0;
        try {
            while (!p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) peakKb = Math.max(peakKb, hwm(status));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            return null;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) {
            throw new IOException("the child sitmap " + args[0] + " failed (exit " + p.exitValue() + ")");
        }
        return new long[] {ms, peakKb};
    }

    /**
     * The most heap in use right after a young or full collection in a JVM's {@code -Xlog:gc} log ("… Pause Young
     * … 812M->95M(1024M) …"): what
     * the import holds on to, whatever the heap the JVM chose to take around it; -1 when the log has no collection.
     */
    static long liveHeapMb(Path gcLog) {
        long max = -1;
        java.util.regex.Pattern after = java.util.regex.Pattern.compile("\\d+M->(\\d+)M\\(");
        try {
            for (String line : Files.readAllLines(gcLog)) {
                // a remark or cleanup pause collects nothing: its figure is the heap in use, garbage included
                if (!line.contains("Pause Young") && !line.contains("Pause Full")) continue;
                java.util.regex.Matcher m = after.matcher(line);
                if (m.find()) max = Math.max(max, Long.parseLong(m.group(1)));
            }
        } catch (IOException e) {
            return -1;
        }
        return max;
    }

    private static long hwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two looks
        }
        return 0;
    }
}
