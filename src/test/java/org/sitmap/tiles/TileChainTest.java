package org.sitmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.render.basemap.BasemapPainter;

class TileChainTest {
    private static final LocalTileSource LOCAL = new LocalTileSource(new BasemapPainter());

    @TempDir
    Path dir;

    private static TileSource failing(RuntimeException orNull) {
        return new TileSource() {
            @Override public Optional<TileImage> tile(int z, int x, int y) throws IOException {
                if (orNull != null) throw orNull;
                throw new IOException("disk on fire");
            }

            @Override public TileOrigin origin() { return TileOrigin.MBTILES; }
        };
    }

    @Test
    void failingSourcesFallBackToTheLocalBasemap() {
        List<TileOrigin> heard = Collections.synchronizedList(new ArrayList<>());
        TileChain chain = new TileChain(List.of(failing(null), failing(new IllegalStateException("bug"))), LOCAL);
        chain.setListener(heard::add);
        TileImage t = chain.tile(6, 38, 25);
        assertThat(t.origin()).isEqualTo(TileOrigin.LOCAL);
        assertThat(t.raster()).isNotNull();
        assertThat(t.raster().width()).isEqualTo(256);
        assertThat(heard).containsExactly(TileOrigin.LOCAL);
    }

    @Test
    void anMbTilesPackServesItsTilesAndTheLocalBasemapTheRest() throws Exception {
        byte[] png = TestTiles.png(Color.GREEN);
        Path file = TestTiles.writeMbTiles(dir.resolve("p.mbtiles"), 7, 76, 50, png);
        try (MbTilesSource pack = MbTilesSource.open(file)) {
            assertThat(pack.attribution()).isEqualTo("Test Tiles");
            TileChain chain = new TileChain(List.of(pack), LOCAL);
            TileImage hit = chain.tile(7, 76, 50);
            assertThat(hit.origin()).isEqualTo(TileOrigin.MBTILES);
            assertThat(hit.encoded()).isEqualTo(png);
            assertThat(chain.tile(7, 77, 50).origin()).isEqualTo(TileOrigin.LOCAL);
        }
    }

    @Test
    void aLocalBasemapThatFailsStillYieldsATile() {
        LocalTileSource broken = new LocalTileSource(null); // painting throws NullPointerException
        TileChain chain = new TileChain(List.of(failing(null)), broken);
        TileImage t = chain.tile(3, 4, 3);
        assertThat(t.origin()).isEqualTo(TileOrigin.LOCAL);
        assertThat(t.raster().width()).isEqualTo(256);
    }
}
