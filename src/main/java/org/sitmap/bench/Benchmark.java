package org.sitmap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.BBox;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.Place;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileComposer;

/**
 * The project benchmark ({@code sitmap bench}): writes a synthetic ACLED file of N incidents, imports it into a
 * fresh store through the real import path, and times, after warm-up and over repeated runs, each stage an
 * analyst feels: open → first frame, the in-memory filter, the timeline histogram, the raster, a whole brush frame,
 * a headless snapshot export, heap after load, the extraction of one article, and the same filter done by SQLite.
 * Single-threaded on the calling thread; everything it writes goes to a temporary folder it deletes.
 */
public final class Benchmark {
    /** Syria, as the window first shows it. */
    static final BBox SYRIA = new BBox(35.5, 32.3, 42.4, 37.4);
    /** North-west Syria (Idlib, Aleppo, Hama): the bounding box of the benchmark filter. */
    static final BBox NORTH_WEST = new BBox(35.8, 35.0, 38.5, 37.0);
    /** The three factions of the benchmark filter. */
    static final Set<String> FACTIONS = Set.of("SAA", "RUS", "HTS");
    /** The brushed window of the timeline, in days. */
    static final int WINDOW_DAYS = 90;

    private final int incidents;
    private final int runs;
    private final PrintStream log;
    private final boolean frameOnly;

    /**
     * @param incidents how many synthetic incidents
     * @param runs      measured runs of each fast stage (after as many warm-up runs, at least five)
     * @param log       progress lines (stderr in the command)
     */
    public Benchmark(int incidents, int runs, PrintStream log) {
        this(incidents, runs, log, false);
    }

    /**
     * @param frameOnly true: build the index straight from the synthetic data in memory (no file, no import, no
     *                  store) and time only the frame stages ({@link FrameStages}) and the PNG snapshot
     */
    public Benchmark(int incidents, int runs, PrintStream log, boolean frameOnly) {
        this.frameOnly = frameOnly;
        if (incidents < 1000) throw new IllegalArgumentException("--incidents must be at least 1000");
        this.incidents = incidents;
        this.runs = Math.max(5, runs);
        this.log = log;
    }

    /** Runs every stage and returns the figures. */
    public BenchResult run() throws IOException {
        Path dir = Files.createTempDirectory("sitmap-bench");
        try {
            return run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private BenchResult run(Path dir) throws IOException {
        BenchResult out = new BenchResult(incidents);
        List<Place> towns = Gazetteer.readShipped().stream()
                .filter(p -> "SY".equals(p.countryCode()) && p.featureCode() != null
                        && p.featureCode().startsWith("PPL") && p.source() != null && p.source().startsWith("GeoNames")).toList();
        SyntheticData data = new SyntheticData(towns);
        if (frameOnly) return frameOnly(out, dir, data);
        log.printf("writing %,d synthetic ACLED rows over %d towns…%n", incidents, towns.size());
        Path csv = data.writeAcledCsv(dir.resolve("synthetic-acled.csv"), incidents, 42);

        Path db = dir.resolve("bench.gpkg");
        importStage(out, csv, dir, db, data);

        log.println("open → first frame…");
        Viewport screen = Viewport.fit(SYRIA, 1600, 1000);
        TileChain tiles = TileChain.forExport(true, null);
        MapFramePainter painter = new MapFramePainter();
        Raster frame = new Raster(1600, 1000);
        Raster base = new Raster(1600, 1000);
        StoreStages storeStages = new StoreStages(log, runs);
        storeStages.openFromRows(out, db, incidents);
        out.timing("open_to_first_frame_ms", Timing.measure(1, Math.min(runs, 5), () -> {
            IncidentStore.awaitColumnSnapshot();
            try (IncidentStore store = IncidentStore.open(db)) {
                IncidentIndex ix = store.loadIndex();
                Selection all = new IndexFilter(ix, FilterSpec.ALL, null).apply();
                TileComposer.compose(tiles, screen, base);
                painter.paint(frame, screen, all, IncidentPainter.Options.DEFAULT);
            }
        }), incidents >= 10_000_000 ? "≤ 1500" : incidents >= 1_000_000 ? "≤ 300" : null);

        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentIndex ix = store.loadIndex();
            heapStage(out, ix);
            storeStages.textSearch(out, store, ix, incidents);
            interactiveStages(out, store, ix, painter);
        }
        storeStages.childImport(out, csv, dir);
        storeStages.childOpen(out, db, dir);
        new ExtraStages(log, runs).run(out, dir, db);
        tiles.close();
        return out;
    }

    /**
     * Imports the file into a new store (open, import, close: the rows are committed and the store file complete),
     * timed after a warm-up import of another file of the same size and kind, so the code is compiled and the heap
     * grown before it is timed. (A cold {@code sitmap import} of a million rows in a fresh JVM takes 1-2 s more.)
     */
    private void importStage(BenchResult out, Path csv, Path dir, Path db, SyntheticData data) throws IOException {
        // at five million rows and more one run is timed, without a warm-up (compilation is a small part of it)
        boolean big = incidents >= 5_000_000;
        if (!big) {
            log.printf("import warm-up (%,d rows)…%n", incidents);
            Path warm = data.writeAcledCsv(dir.resolve("warm-up.csv"), incidents, 7);
            importInto(dir.resolve("warm-up.gpkg"), warm, incidents);
            deleteStore(dir.resolve("warm-up.gpkg"));
            Files.delete(warm);
        }
        int importRuns = big ? 1 : 3;
        long[] nanos = new long[importRuns];
        for (int k = 0; k < importRuns; k++) {
            Path file = k == importRuns - 1 ? db : dir.resolve("import-" + k + ".gpkg");
            log.printf("import %d/%d…%n", k + 1, importRuns);
            long t0 = System.nanoTime();
            importInto(file, csv, incidents);
            nanos[k] = System.nanoTime() - t0;
            if (file != db) deleteStore(file);
        }
        Timing t = Timing.ofNanos(nanos);
        out.number("import_rows_per_s", incidents / (t.median() / 1000),
                incidents >= 10_000_000 ? "≥ 200000" : incidents >= 1_000_000 ? "≥ 250000" : null);
        out.timing("import_ms", t, null);
    }

    private static void importInto(Path store, Path csv, int rows) throws IOException {
        try (IncidentStore s = IncidentStore.open(store);
             IncidentReader reader = Formats.open(csv, "acled", ReaderContext.of(s.factions()))) {
            ImportReport r = s.importAll(reader, ImportOptions.DEFAULT, null);
            if (r.imported() != rows) {
                throw new IllegalStateException("the benchmark import took " + r.imported() + " of " + rows
                        + " rows: " + r.describe());
            }
        }
    }

    /** {@code --frame-only}: the index built in memory, then the frame stages and the snapshot. */
    private BenchResult frameOnly(BenchResult out, Path dir, SyntheticData data) {
        log.printf("building the index of %,d incidents in memory…%n", incidents);
        long t0 = System.nanoTime();
        IncidentIndex ix = data.index(org.sitmap.model.FactionCatalog.shipped(), incidents, 42);
        log.printf("built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        heapStage(out, ix);
        FrameStages frames = new FrameStages(log, runs);
        frames.run(out, ix, new MapFramePainter());
        out.timing("export_ms", frames.export(ix, dir), FrameStages.target(incidents, "≤ 2000", "≤ 300"));
        return out;
    }

    static void heapStage(BenchResult out, IncidentIndex ix) {
        Runtime rt = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) System.gc();
        out.number("heap_mb", (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0),
                FrameStages.target(out.incidents(), "≤ 1200", "≤ 150"));
        out.number("index_mb", ix.bytes() / (1024.0 * 1024.0), null);
    }

    /** Filter, histogram, raster and the brush frame ({@link FrameStages}), then the same filter in SQLite. */
    private void interactiveStages(BenchResult out, IncidentStore store, IncidentIndex ix, MapFramePainter painter) {
        int lastCount = new FrameStages(log, runs).run(out, ix, painter);
        java.util.function.Supplier<FilterSpec> next = FrameStages.slidingWindow(ix);
        log.println("the same filter in SQLite…");
        int sqlRuns = Math.max(5, runs / 5);
        int[] sqlCount = new int[1];
        Timing sql = Timing.measure(2, sqlRuns, () -> sqlCount[0] = store.filterIds(next.get()).length);
        out.timing("sqlite_filter_ms", sql, null);
        Timing mem = (Timing) out.get("filter_ms");
        out.note("ratio", String.format(java.util.Locale.ROOT,
                "SQLite filter / in-memory filter: %.0f× (median %.2f ms vs %.2f ms; last window %d incidents)",
                sql.median() / Math.max(1e-3, mem.median()), sql.median(), mem.median(), lastCount));
    }

    static void deleteStore(Path file) throws IOException {
        for (String s : new String[] {"", "-wal", "-shm", "-journal", ".sitmap-columns", ".sitmap-sources"}) Files.deleteIfExists(Path.of(file + s));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
