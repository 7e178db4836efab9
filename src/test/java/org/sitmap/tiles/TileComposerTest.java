package org.sitmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.geo.WebMercator;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.render.basemap.BasemapPainter;
import org.sitmap.render.basemap.BasemapStyle;

class TileComposerTest {
    private static final LocalTileSource LOCAL = new LocalTileSource(new BasemapPainter());

    @TempDir
    Path dir;

    @Test
    void packTilesCoverTheVectorBasemapWhereTheyExistAtFractionalZoom() throws Exception {
        Path file = TestTiles.writeMbTiles(dir.resolve("p.mbtiles"), 7, 60, 45, TestTiles.png(Color.GREEN));
        try (MbTilesSource pack = MbTilesSource.open(file)) {
            TileChain chain = new TileChain(List.of(pack), LOCAL);
            double lat = WebMercator.lat(45.5 / 128), lon = WebMercator.lon(60.5 / 128); // centre of tile 7/60/45
            Viewport view = new Viewport(lat, lon, 7.4, 800, 600);
            Raster r = new Raster(800, 600);
            assertThat(TileComposer.compose(chain, view, r)).contains(TileOrigin.MBTILES, TileOrigin.LOCAL);
            assertThat(r.pixels()[300 * 800 + 400] & 0xFFFFFF).isEqualTo(Color.GREEN.getRGB() & 0xFFFFFF);
            // the tile spans 256 · 2^0.4 ≈ 338 px: 250 px left of the centre is outside it, so the basemap shows
            assertThat(r.pixels()[300 * 800 + 150] & 0xFFFFFF).isNotEqualTo(Color.GREEN.getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void withoutSourcesItIsTheVectorBasemap() {
        TileChain chain = new TileChain(List.of(), LOCAL);
        Viewport view = new Viewport(34.3, 34.0, 8.3, 200, 200); // open sea west of Lebanon
        Raster r = new Raster(200, 200);
        assertThat(TileComposer.compose(chain, view, r)).containsExactly(TileOrigin.LOCAL);
        assertThat(r.pixels()[100 * 200 + 100] & 0xFFFFFF).isEqualTo(BasemapStyle.SEA.getRGB() & 0xFFFFFF);
    }
}
