package org.sitmap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.LegendPainter;
import org.sitmap.render.Raster;
import org.sitmap.render.ScaleBarPainter;
import org.sitmap.render.Viewport;
import org.sitmap.store.IncidentStore;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileComposer;

/** Times a headless 1920×1080 PNG snapshot of Syria from the store (load, draw, encode, write). */
final class ExportStage {
    private ExportStage() { }

    static Timing measure(IncidentStore store, Path dir, int runs) {
        Path out = dir.resolve("snapshot.png");
        TileChain tiles = TileChain.forExport(true, null);
        IncidentPainter painter = new IncidentPainter(store.factions());
        try {
            return Timing.measure(1, runs, () -> {
                IncidentIndex ix = store.loadIndex();
                Selection sel = new IndexFilter(ix, FilterSpec.ALL, null).apply();
                Viewport vp = Viewport.fit(Benchmark.SYRIA, 1920, 1080);
                Raster r = new Raster(1920, 1080);
                TileComposer.compose(tiles, vp, r);
                painter.paint(r, vp, sel, IncidentPainter.Options.DEFAULT);
                LegendPainter.paint(r, LegendPainter.Model.of(sel), Corner.TOP_RIGHT, true);
                ScaleBarPainter.paint(r, vp, Corner.BOTTOM_LEFT);
                try {
                    ImageIO.write(r.image(), "png", out.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            tiles.close();
        }
    }
}
