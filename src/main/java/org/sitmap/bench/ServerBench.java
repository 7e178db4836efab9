package org.sitmap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Place;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.store.pg.PgBenchStore;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileComposer;

/**
 * {@code sitmap bench --db postgresql://…}: the benchmark against a team server. It imports the same synthetic ACLED
 * file as the GeoPackage bench through the real server import path, then measures, under the same keys where they
 * apply: {@code import_rows_per_s} and {@code import_ms}, {@code open_to_first_frame_ms} (cold: a new connection,
 * the index read from the server (its packed index, see {@code store.pg.IndexPacks}), no local snapshot, then the
 * first frame), {@code heap_mb}, {@code fts_ms}
 * (PostgreSQL full-text search of a common word feeding the map) and the frame stages ({@code brush_frame_ms} …),
 * which run on the in-memory index exactly as on a GeoPackage store.
 *
 * <p>The database must be one the user may run {@code server init} on, holding no team's data: see
 * {@link PgBenchStore}, which also empties it again at the end. Single-threaded on the calling thread.
 */
public final class ServerBench {
    private final PgLocation where;
    private final int incidents;
    private final int runs;
    private final PrintStream log;

    /**
     * @param where     the server and database (its owner's login)
     * @param incidents how many synthetic incidents (at least 1000)
     * @param runs      measured runs of each fast stage (at least five)
     * @param log       progress lines (stderr in the command)
     */
    public ServerBench(PgLocation where, int incidents, int runs, PrintStream log) {
        if (incidents < 1000) throw new IllegalArgumentException("--incidents must be at least 1000");
        this.where = where;
        this.incidents = incidents;
        this.runs = Math.max(5, runs);
        this.log = log;
    }

    /** Runs every stage and returns the figures; the database is left an empty team store. */
    public BenchResult run() throws IOException {
        Path dir = Files.createTempDirectory("sitmap-bench");
        try (PgBenchStore server = PgBenchStore.open(where)) {
            try {
                return run(dir, server);
            } finally {
                log.println("removing the bench's imports from " + where.display() + "…");
                server.empty();
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private BenchResult run(Path dir, PgBenchStore server) throws IOException {
        BenchResult out = new BenchResult(incidents);
        List<Place> towns = Gazetteer.readShipped().stream()
                .filter(p -> "SY".equals(p.countryCode()) && p.featureCode() != null
                        && p.featureCode().startsWith("PPL") && p.source() != null && p.source().startsWith("GeoNames")).toList();
        SyntheticData data = new SyntheticData(towns);
        log.printf("writing %,d synthetic ACLED rows over %d towns…%n", incidents, towns.size());
        Path csv = data.writeAcledCsv(dir.resolve("synthetic-acled.csv"), incidents, 42);
        FactionCatalog catalog = FactionCatalog.shipped();
        importStage(out, server, csv, dir, data, catalog);
        log.println("vacuum and analyse (untimed; otherwise the server's autovacuum runs during the stages)…");
        server.settle();

        log.println("open → first frame (index from the server, no local snapshot)…");
        Viewport screen = Viewport.fit(Benchmark.SYRIA, 1600, 1000);
        TileChain tiles = TileChain.forExport(true, null);
        MapFramePainter painter = new MapFramePainter();
        Raster frame = new Raster(1600, 1000);
        Raster base = new Raster(1600, 1000);
        int openRuns = incidents >= 5_000_000 ? 3 : Math.min(runs, 5);
        out.timing("open_to_first_frame_ms", Timing.measure(1, openRuns, () -> {
            IncidentIndex ix = server.openIndex();
            Selection all = new IndexFilter(ix, FilterSpec.ALL, null).apply();
            TileComposer.compose(tiles, screen, base);
            painter.paint(frame, screen, all, IncidentPainter.Options.DEFAULT);
        }), FrameStages.target(incidents, "≤ 10000", "≤ 2000"));
        tiles.close();

        ServerWindowStages window = new ServerWindowStages(log, runs);
        window.openWithSnapshot(out, where, dir.resolve("snapshots"), incidents);
        window.liveVisible(out, where, where, data, dir, incidents, server::adopt);

        IncidentIndex ix = server.openIndex();
        Benchmark.heapStage(out, ix);
        new StoreStages(log, runs).textSearch(out, server::searchText, ix, incidents);
        new FrameStages(log, runs).run(out, ix, painter);
        out.note("server", "team server: " + where.display());
        return out;
    }

    /**
     * Imports the file into the emptied team store, as {@code sitmap import --db} does; timed after a warm-up import
     * of another file of the same size (below five million rows; from there one timed import).
     */
    private void importStage(BenchResult out, PgBenchStore server, Path csv, Path dir, SyntheticData data,
                             FactionCatalog catalog) throws IOException {
        ReaderContext ctx = ReaderContext.of(catalog);
        boolean big = incidents >= 5_000_000;
        if (!big) {
            log.printf("import warm-up (%,d rows)…%n", incidents);
            Path warm = data.writeAcledCsv(dir.resolve("warm-up.csv"), incidents, 7);
            check(server.importFile(warm, "acled", ctx));
            server.empty();
            Files.delete(warm);
        }
        int importRuns = big ? 1 : 3;
        long[] nanos = new long[importRuns];
        for (int k = 0; k < importRuns; k++) {
            log.printf("import %d/%d into %s…%n", k + 1, importRuns, where.display());
            long t0 = System.nanoTime();
            check(server.importFile(csv, "acled", ctx));
            nanos[k] = System.nanoTime() - t0;
            if (k < importRuns - 1) server.empty();
        }
        Timing t = Timing.ofNanos(nanos);
        out.number("import_rows_per_s", incidents / (t.median() / 1000),
                FrameStages.target(incidents, null, "≥ 100000"));
        out.timing("import_ms", t, null);
    }

    private void check(ImportReport r) {
        if (r.imported() != incidents) {
            throw new IllegalStateException("the benchmark import took " + r.imported() + " of " + incidents
                    + " rows: " + r.describe());
        }
    }
}
