package org.sitmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.tiles.TestTiles;

class MbTilesFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTilesBySlippyMapRowFlippingTheTmsRow() throws Exception {
        byte[] png = TestTiles.png(Color.RED);
        Path file = TestTiles.writeMbTiles(dir.resolve("pack.mbtiles"), 3, 4, 1, png); // stored at TMS row 6
        try (MbTilesFile tiles = MbTilesFile.open(file)) {
            assertThat(tiles.tile(3, 4, 1)).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
            assertThat(tiles.tile(3, 4, 6)).isEmpty(); // the raw TMS row is not the slippy-map row
            assertThat(tiles.tile(3, 5, 1)).isEmpty();
            assertThat(tiles.tile(3, 4, 8)).isEmpty(); // outside the zoom level's grid
            assertThat(tiles.metadata()).containsEntry("name", "test pack").containsEntry("format", "png");
        }
    }

    @Test
    void rejectsMissingAndNonMbTilesFiles() throws Exception {
        assertThatThrownBy(() -> MbTilesFile.open(dir.resolve("none.mbtiles")))
                .isInstanceOf(IOException.class).hasMessageContaining("no such MBTiles file");
        Path text = Files.writeString(dir.resolve("notes.mbtiles"), "not a database at all, just some text");
        assertThatThrownBy(() -> MbTilesFile.open(text))
                .isInstanceOf(IOException.class).hasMessageContaining("not an MBTiles file");
    }
}
