package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.model.FactionCatalog;

/**
 * Stamping a marker picture band by band (each band's sprites in order, hidden ones left out, on two threads from
 * {@link SpriteTiles#SPLIT_STAMPS} sprites) gives the pixels of stamping every sprite in order on the whole raster,
 * for bands thinner and thicker than a sprite, rasters whose height is not a multiple of the band, and sprites on and
 * beyond every edge.
 */
class SpriteTilesTest {
    private final FactionCatalog cat = Fixtures.catalog();

    @Test
    void stampingBandByBandGivesThePixelsOfStampingEverySpriteInOrder() {
        for (int radius : new int[] {5, 9, 30}) {
            MarkerSprites sprites = new MarkerSprites(cat, radius);
            for (int n : new int[] {300, 2 * SpriteTiles.SPLIT_STAMPS}) {
                SplittableRandom rnd = new SplittableRandom(radius * 31L + n);
                int w = 317, h = 203;
                int m = sprites.size();
                int[] key = new int[n], x = new int[n], y = new int[n];
                for (int k = 0; k < n; k++) {
                    // every style (opaque and translucent pixels); crowds on a few spots and spread, some on or beyond
                    // the edges (within a sprite's size, as the marker picture culls)
                    key[k] = MarkerSprites.key(rnd.nextInt(cat.size()), rnd.nextInt(6), rnd.nextInt(4));
                    if (rnd.nextInt(4) == 0) {
                        x[k] = rnd.nextInt(w + 2 * m) - m;
                        y[k] = rnd.nextInt(h + 2 * m) - m;
                    } else {
                        x[k] = 45 * (1 + rnd.nextInt(6)) + rnd.nextInt(15) - 7;
                        y[k] = 31 * (1 + rnd.nextInt(6)) + rnd.nextInt(15) - 7;
                    }
                }
                Raster all = new Raster(w, h);
                all.clear(0xff808080);
                for (int k = 0; k < n; k++) sprites.stamp(all, key[k], x[k], y[k]);
                for (int rows : new int[] {1, 7, SpriteTiles.TILE_ROWS, 64, h, 2 * h}) {
                    Raster tiled = new Raster(w, h);
                    tiled.clear(0xff808080);
                    for (int k = 0; k < n; k++) sprites.prepare(tiled, key[k]);
                    new SpriteTiles().stamp(sprites, tiled, key, x, y, n, rows);
                    assertThat(tiled.pixels()).as("radius %d, %d sprites, bands of %d rows", radius, n, rows)
                            .isEqualTo(all.pixels());
                }
            }
        }
    }
}
