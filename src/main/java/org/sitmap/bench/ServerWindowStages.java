package org.sitmap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.pg.PgBrowser;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.store.pg.TeamIndex;
import org.sitmap.store.pg.PgStore;

/**
 * The window's stages on a team server, for {@code sitmap bench --db postgresql://…}: open → first frame with a
 * current local snapshot ({@code open_with_snapshot_ms}), and a 1,000-incident import by another client visible in
 * an open window ({@code live_visible_ms}: from the import's commit to the grown index filtered and drawn, as the
 * window's live thread, already waiting on the server, does it). Both use the window's own code ({@link TeamIndex}).
 */
public final class ServerWindowStages {
    private static final Viewport SCREEN = Viewport.fit(Benchmark.SYRIA, 1600, 1000);
    private final PrintStream log;
    private final int runs;
    private final MapFramePainter painter = new MapFramePainter();
    private final Raster frame = new Raster(1600, 1000);

    public ServerWindowStages(PrintStream log, int runs) {
        this.log = log;
        this.runs = runs;
    }

    /**
     * Opens {@code where} as the window does with the snapshot in {@code cacheDir}: once to make the snapshot
     * current, then {@code runs} times timed, each to its first frame.
     */
    public void openWithSnapshot(BenchResult out, PgLocation where, Path cacheDir, int incidents) {
        log.println("open → first frame with a current local snapshot…");
        PgSnapshot snapshots = new PgSnapshot(cacheDir, true);   // each opening's snapshot is complete after it
        String[] how = new String[1];
        Runnable open = () -> {
            try (TeamIndex t = new TeamIndex(PgBrowser.open(where, FactionCatalog.shipped()), snapshots)) {
                IncidentIndex ix = t.load();
                how[0] = t.howLoaded();
                painter.paint(frame, SCREEN, new IndexFilter(ix, FilterSpec.ALL, null).apply(),
                        IncidentPainter.Options.DEFAULT);
            }
        };
        open.run();
        out.timing("open_with_snapshot_ms", Timing.measure(0, Math.min(runs, 5), open),
                incidents >= 10_000_000 ? "≤ 1500" : incidents >= 1_000_000 ? "≤ 300" : null);
        out.note("open_with_snapshot", "open with a local snapshot: " + how[0]);
    }

    /**
     * An open index of {@code reader}'s store; {@code editor} (another connection: another client) imports 1,000 new
     * synthetic incidents per run; timed from the import's commit to the grown index filtered and drawn.
     */
    public void liveVisible(BenchResult out, PgLocation reader, PgLocation editor, SyntheticData data, Path dir,
                            int incidents) throws IOException {
        liveVisible(out, reader, editor, data, dir, incidents, batch -> { });
    }

    /** As above; {@code imported} gets each of the other client's import batches (the bench removes them after). */
    public void liveVisible(BenchResult out, PgLocation reader, PgLocation editor, SyntheticData data, Path dir,
                            int incidents, java.util.function.LongConsumer imported) throws IOException {
        log.println("another client's 1,000-incident import → visible in an open window…");
        int n = Math.min(runs, 5);
        long[] nanos = new long[n];
        try (TeamIndex t = new TeamIndex(PgBrowser.open(reader, FactionCatalog.shipped()), null)) {
            IncidentIndex ix = t.load();
            t.awaitCommit(10);   // the feed listens from here on, as an open window's does
            for (int k = 0; k < n; k++) {
                Path csv = liveFile(data, dir, k);
                try (PgStore store = PgStore.open(editor);
                     org.sitmap.model.IncidentReader r = org.sitmap.store.gpkg.StoreFileReader.open(csv, "auto",
                             new ReaderContext(FactionCatalog.shipped(), null))) {
                    imported.accept(store.importAll(r, ImportOptions.DEFAULT, x -> { }).batchId());
                }
                long t0 = System.nanoTime();
                long end = t0 + 10_000_000_000L;
                while (!t.awaitCommit(500) && System.nanoTime() < end) {
                    // bounded: each wait ends after 500 ms at most
                }
                TeamIndex.Growth g = t.grow(ix);
                if (g == null) throw new IllegalStateException("the import did not reach the open index in 10 s");
                ix = g.index().summarise();
                painter.paint(frame, SCREEN, new IndexFilter(ix, FilterSpec.ALL, null).apply(),
                        IncidentPainter.Options.DEFAULT);
                nanos[k] = System.nanoTime() - t0;
                Files.deleteIfExists(csv);
            }
        }
        out.timing("live_visible_ms", Timing.ofNanos(nanos), incidents >= 1_000_000 ? "≤ 2000" : null);
    }

    /** 1,000 synthetic incidents with keys of their own (run {@code k}), so each import adds them all. */
    private static Path liveFile(SyntheticData data, Path dir, int k) throws IOException {
        Path f = data.writeAcledCsv(dir.resolve("live-" + k + ".csv"), 1000, 7_000 + k);
        String prefix = "LIVE" + k + "-" + System.nanoTime() + "-";
        List<String> lines = Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? prefix + l.substring(3) : l);
        Files.write(f, lines);
        return f;
    }
}
