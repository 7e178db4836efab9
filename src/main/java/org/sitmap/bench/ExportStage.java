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

    static Timing measure(IncidentStore store, Path dir, int runs) {
        Path out = dir.resolve("snapshot.png");
        TileChain tiles = TileChain.forExport(true, null);
        try {
            MapExport export = new MapExport(store, tiles);
            export.index();
            SnapshotSpec spec = SnapshotSpec.defaults().withBbox(SnapshotSpec.SYRIA).withPixels(1920, 1080)
                    .withTexts("Benchmark snapshot", "synthetic incidents", "UNCLASSIFIED // BENCHMARK")
                    .withOffline(true);
            ZonedDateTime created = ZonedDateTime.now();
            return Timing.measure(1, runs, () -> {
                try {
                    export.write(spec, out, created);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            tiles.close();
        }
    }
}
