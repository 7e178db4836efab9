package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.model.FactionCatalog;

/**
 * Leaving out the sprites that later opaque pixels hide changes no pixel: stamping only the kept sprites, in one band
 * or in two bands split at any row, gives the pixels of stamping every sprite in order; and most of a crowded
 * picture's sprites are indeed left out.
 */
class HiddenSpritesTest {
    private final FactionCatalog cat = Fixtures.catalog();

    @Test
    void stampingOnlyTheVisibleSpritesGivesThePixelsOfStampingThemAll() {
        for (int radius : new int[] {5, 9, 30}) {
            MarkerSprites sprites = new MarkerSprites(cat, radius);
            SplittableRandom rnd = new SplittableRandom(radius);
            int w = 301, h = 203, n = 6000;
            int m = sprites.size();
            int[] key = new int[n], x = new int[n], y = new int[n];
            for (int k = 0; k < n; k++) {
                // every style (solid, hollow, light: opaque and translucent pixels), crowded on a few spots and
                // spread, some on or beyond the edges (within a sprite's size, as the marker picture culls)
                key[k] = MarkerSprites.key(rnd.nextInt(cat.size()), rnd.nextInt(6), rnd.nextInt(4));
                if (rnd.nextInt(10) == 0) {
                    x[k] = rnd.nextInt(w + 2 * m) - m;
                    y[k] = rnd.nextInt(h + 2 * m) - m;
                } else {
                    // a crowd of solid markers of two shapes around each spot: most are hidden by the cores of the
                    // ones stamped later around them (an equal marker on the same pixel hides nothing: its
                    // anti-aliased rim is translucent)
                    key[k] = MarkerSprites.key(rnd.nextInt(cat.size()), rnd.nextInt(2), rnd.nextInt(8) == 0 ? 2 : 0);
                    x[k] = 40 * (1 + rnd.nextInt(6)) + rnd.nextInt(11) - 5;
                    y[k] = 50 * (1 + rnd.nextInt(3)) + rnd.nextInt(11) - 5;
                }
            }
            Raster all = new Raster(w, h);
            for (int k = 0; k < n; k++) sprites.stamp(all, key[k], x[k], y[k]);
            for (int split : new int[] {h, h / 2, 1, 77, h - 1}) {
                Raster kept = new Raster(w, h);
                int stamped = 0;
                for (int k = 0; k < n; k++) sprites.prepare(kept, key[k]);
                int[][] bands = {{0, split}, {split, h}};
                for (int[] band : bands) {
                    int[] out = new int[n];
                    int nk = new HiddenSprites().keep(sprites, key, x, y, n, w, band[0], band[1], out);
                    for (int i = 0; i < nk; i++) {
                        if (i > 0) assertThat(out[i]).isGreaterThan(out[i - 1]);
                        sprites.stampBand(kept, key[out[i]], x[out[i]], y[out[i]], band[0], band[1]);
                    }
                    stamped += nk;
                }
                assertThat(kept.pixels()).as("radius %d, split at %d", radius, split).isEqualTo(all.pixels());
                if (sprites.size() <= 64 && split == h) assertThat(stamped).as("radius %d", radius).isLessThan(2 * n / 3);
            }
        }
    }

    @Test
    void spritesWiderThanAWordAreAllKept() {
        MarkerSprites sprites = new MarkerSprites(cat, 31);   // 65 pixels wide
        int[] key = {MarkerSprites.key(0, 0, 0), MarkerSprites.key(0, 0, 0)};
        int[] x = {50, 50}, y = {50, 50};
        for (int k : key) sprites.sprite(k);
        int[] out = new int[2];
        assertThat(new HiddenSprites().keep(sprites, key, x, y, 2, 100, 0, 100, out)).isEqualTo(2);
    }
}
