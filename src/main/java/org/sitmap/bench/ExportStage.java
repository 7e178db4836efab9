package org.sitmap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.sitmap.export.MapExport;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.tiles.TileChain;

/**
 * Times a headless 1920×1080 PNG snapshot of all of Syria through the exporter {@code sitmap export} and the
 * window use ({@link MapExport}: basemap, incidents, labels, legend, scale bar, north arrow, texts, attribution;
 * PNG encoding and world file), offline. The store's index is loaded once before, as in the window; the command
 * line adds the store's open and index load (measured as {@code open_to_first_frame_ms}).
 */
final class ExportStage {
    private ExportStage() { }

    /**
     * Records {@code export_first_ms} (the first snapshot of the store handle: the attribution's query of the
     * sources runs) and {@code export_ms} (the median of the next ones, which reuse that answer while the store is
     * unchanged, as a second export of the same view in the window does).
     */
    static void measure(BenchResult result, IncidentStore store, Path dir, int runs) {
        Path out = dir.resolve("snapshot.png");
        TileChain tiles = TileChain.forExport(true, null);
        try {
            MapExport export = new MapExport(store, tiles);
            export.index();
            SnapshotSpec spec = SnapshotSpec.defaults().withBbox(SnapshotSpec.SYRIA).withPixels(1920, 1080)
                    .withTexts("Benchmark snapshot", "synthetic incidents", "UNCLASSIFIED // BENCHMARK")
                    .withOffline(true);
            ZonedDateTime created = ZonedDateTime.now();
            Runnable write = () -> {
                try {
                    export.write(spec, out, created);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            result.timing("export_first_ms", Timing.measure(0, 1, write), null);
            result.timing("export_ms", Timing.measure(1, runs, write),
                    FrameStages.target(result.incidents(), "≤ 2000", "≤ 300"));
        } finally {
            tiles.close();
        }
    }
}
