package org.sitmap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.sitmap.export.Images;
import org.sitmap.export.SnapshotRenderer;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.export.WorldFile;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.tiles.TileChain;

/**
 * The benchmark's frame stages over a loaded index: the in-memory filter, the timeline's histogram (brush drag and
 * after a faction/area/text change), the map raster (one year, and every incident at country zoom and at zoom 11.5
 * over Idlib), a whole brush frame, and (without a store) the 1920×1080 PNG snapshot. They run the classes the
 * window and the exporter run. Single-threaded caller; the painters may split a frame over their own workers.
 */
final class FrameStages {
    /**
     * Unmeasured runs of each frame stage before the measured ones (at least; more when more runs are measured). A
     * stage's own paths are first run in its stage, and in a fresh JVM on two cores the first 10-25 frames run code the
     * JIT is still compiling: brush frames of 36, 9, 9, 7 … ms of CPU before settling near 3 ms, zoomed frames of 112,
     * 47, 29, 22, 22, 29, 24, 23, 18, 17 ms before settling at 11-13 ms at 1M (loaded machine; docs/design/performance.md,
     * seventh session). With five warm-up runs the measured frames fell before or after those compiles by chance, so
     * one jar gave 48 and 113 ms for the same zoomed frame at 10M. The figures are those of a window in use; its first
     * frames after start are slower.
     */
    static final int WARMUP = 30;
    /**
     * And at least this long (ninth session): on the AMD VM, C2 compiles of the brush frame's own methods landed 60 to
     * about 250 frames into its stage (about a second at 1M), so 30 runs left the five measured frames sharing the
     * cores with the compiler, 5.5 ms in the bench against 2.2-3.1 ms of CPU settled (docs/design/performance.md).
     */
    static final long WARM_NANOS = 2_000_000_000L;
    private final PrintStream log;
    private final int runs;

    FrameStages(PrintStream log, int runs) {
        this.log = log;
        this.runs = runs;
    }

    /** A frame stage's timing: {@code runs} measured after the warm-up ({@link #WARMUP}, {@link #WARM_NANOS}). */
    private Timing settled(Runnable task) {
        return Timing.measureSettled(Math.max(runs, WARMUP), WARM_NANOS, runs, task);
    }

    /** The brush's filter sliding a week per call: {@link Benchmark#WINDOW_DAYS} days, three factions, north-west. */
    static Supplier<FilterSpec> slidingWindow(IncidentIndex ix) {
        int[] step = {0};
        int span = Math.max(1, ix.maxDay() - ix.minDay() - Benchmark.WINDOW_DAYS);
        return () -> {
            LocalDate from = LocalDate.ofEpochDay(ix.minDay() + (step[0]++ * 7L) % span);
            return FilterSpec.ALL.withDates(from, from.plusDays(Benchmark.WINDOW_DAYS - 1))
                    .withFactions(Benchmark.FACTIONS).withBbox(Benchmark.NORTH_WEST);
        };
    }

    /** Filter, histogram, raster, redraw and the brush frame; returns the last filtered selection's size. */
    int run(BenchResult out, IncidentIndex ix, MapFramePainter painter) {
        int n = out.incidents();
        log.println("filter, histogram, raster, brush frame…");
        Viewport screen = Viewport.fit(Benchmark.SYRIA, 1600, 1000);
        Raster raster = new Raster(1600, 1000);
        Supplier<FilterSpec> next = slidingWindow(ix);
        int span = Math.max(1, ix.maxDay() - ix.minDay() - Benchmark.WINDOW_DAYS);
        Selection[] last = new Selection[1];
        out.timing("filter_ms", settled(() -> last[0] = new IndexFilter(ix, next.get(), null)
                .apply()), null);
        TimelineStage timeline = new TimelineStage(ix);
        out.timing("histogram_ms", settled(() -> timeline.histogram(next.get())), null);
        out.timing("histogram_uncached_ms", settled(() -> timeline.histogramUncached(next.get())),
                target(n, "≤ 60", "≤ 8"));
        Selection fixed = new IndexFilter(ix, FilterSpec.ALL.withDates(LocalDate.ofEpochDay(ix.minDay() + span / 2),
                LocalDate.ofEpochDay(ix.minDay() + span / 2 + 364)), null).apply();
        out.timing("raster_ms", settled(() -> {
            painter.paint(raster, screen, fixed, IncidentPainter.Options.DEFAULT);
        }), null);
        Selection all = Selection.all(ix);
        out.timing("raster_all_ms", settled(() -> {
            painter.paint(raster, screen, all, IncidentPainter.Options.DEFAULT);
        }), target(n, "≤ 40", "≤ 16"));
        Viewport idlib = new Viewport(35.75, 36.6, 11.5, 1600, 1000);
        out.timing("raster_all_zoomed_ms", settled(() -> {
            painter.paint(raster, idlib, all, IncidentPainter.Options.DEFAULT);
        }), target(n, "≤ 40", "≤ 16"));
        out.timing("brush_frame_ms", settled(() -> {
            FilterSpec spec = next.get();
            Selection sel = new IndexFilter(ix, spec, null).apply();
            timeline.histogram(spec);
            painter.paint(raster, screen, sel, IncidentPainter.Options.DEFAULT);
        }), target(n, "≤ 16", "≤ 4"));
        return last[0].count();
    }

    /**
     * The 1920×1080 PNG snapshot of Syria (every decoration, PNG and world file) drawn from the index alone, as
     * {@code MapExport.write} draws it minus the store's query for the attribution's sources (used by
     * {@code --frame-only}, which has no store).
     */
    Timing export(IncidentIndex ix, Path dir) {
        log.println("headless 1920×1080 export (from the index)…");
        Path png = dir.resolve("snapshot.png");
        TileChain tiles = TileChain.forExport(true, null);
        try {
            SnapshotSpec spec = SnapshotSpec.defaults().withBbox(SnapshotSpec.SYRIA).withPixels(1920, 1080)
                    .withTexts("Benchmark snapshot", "synthetic incidents", "UNCLASSIFIED // BENCHMARK")
                    .withOffline(true);
            ZonedDateTime created = ZonedDateTime.now();
            return Timing.measure(1, Math.min(runs, 5), () -> {
                Selection shown = new IndexFilter(ix, spec.filter(), null).apply();
                Viewport s = spec.screenViewport(shown);
                SnapshotSpec fixedSpec = spec.withCenter(s.centerLat(), s.centerLon(), s.zoom());
                SnapshotRenderer.Result res = new SnapshotRenderer(tiles).render(fixedSpec,
                        new SnapshotRenderer.Content(shown, List.of("Synthetic"), created, null));
                try {
                    Images.writePng(res.raster(), png);
                    WorldFile.writeBeside(png, res.viewport());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            tiles.close();
        }
    }

    static String target(int incidents, String at10m, String at1m) {
        if (incidents >= 10_000_000) return at10m;
        if (incidents >= 1_000_000) return at1m;
        return null;
    }
}
