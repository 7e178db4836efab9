package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.model.FactionCatalog;

/**
 * {@link GlyphSprites#stamp} gives every pixel the source-over blend of the sprite, computed pixel by pixel as
 * {@code src + mulPre(dst, 255 - alpha)} (what it computed before it skipped the blend over transparent pixels):
 * over transparent, opaque and translucent destinations, clipped at every edge, and for the real disc sprites.
 */
class GlyphSpritesTest {
    /** The blend pixel by pixel, with no shortcut. */
    private static void reference(Raster r, GlyphSprites.Sprite s, int x0, int y0) {
        for (int y = 0; y < s.h(); y++) {
            for (int x = 0; x < s.w(); x++) {
                int dx = x0 + x, dy = y0 + y;
                if (dx < 0 || dy < 0 || dx >= r.width() || dy >= r.height()) continue;
                int src = s.px()[y * s.w() + x];
                if (src == 0) continue;
                int a = src >>> 24;
                int i = dy * r.width() + dx;
                r.pixels()[i] = a == 255 ? src : src + MarkerSprites.mulPre(r.pixels()[i], 255 - a);
            }
        }
    }

    /** A premultiplied colour of alpha {@code a}. */
    private static int pre(SplittableRandom rnd, int a) {
        int c = a << 24;
        for (int shift = 0; shift < 24; shift += 8) c |= rnd.nextInt(a + 1) << shift;
        return c;
    }

    @Test
    void stampingBlendsEveryPixelAsTheFullFormula() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int trial = 0; trial < 200; trial++) {
            int sw = 1 + rnd.nextInt(30), sh = 1 + rnd.nextInt(30);
            int[] px = new int[sw * sh];
            for (int k = 0; k < px.length; k++) {
                int kind = rnd.nextInt(4);
                px[k] = kind == 0 ? 0 : kind == 1 ? pre(rnd, 255) : pre(rnd, rnd.nextInt(256));
            }
            GlyphSprites.Sprite s = new GlyphSprites.Sprite(px, sw, sh, sw);
            Raster a = new Raster(40, 30);
            Raster b = new Raster(40, 30);
            for (int k = 0; k < a.pixels().length; k++) {
                int kind = rnd.nextInt(3);
                int v = kind == 0 ? 0 : kind == 1 ? pre(rnd, 255) : pre(rnd, rnd.nextInt(256));
                a.pixels()[k] = v;
                b.pixels()[k] = v;
            }
            int x0 = rnd.nextInt(-sw - 2, 43), y0 = rnd.nextInt(-sh - 2, 33);
            GlyphSprites.stamp(a, s, x0, y0);
            reference(b, s, x0, y0);
            assertThat(java.util.Arrays.equals(a.pixels(), b.pixels())).as("trial %d: %dx%d at %d,%d", trial, sw, sh,
                    x0, y0).isTrue();
        }
    }

    @Test
    void discsOverEachOtherAreTheFullBlend() {
        GlyphSprites glyphs = new GlyphSprites(FactionCatalog.shipped());
        Raster stamped = new Raster(300, 200);
        Raster drawn = new Raster(300, 200);
        GlyphSprites reference = new GlyphSprites(FactionCatalog.shipped());
        // discs partly over each other and over the edges; the second picture stamps each disc's sprite (read
        // back from a disc stamped alone on a blank picture) by the reference blend
        int[][] at = {{10, 10, 20}, {25, 18, 24}, {150, 100, 17}, {160, 104, 12}, {295, 195, 24}, {-3, 150, 9}};
        for (int[] p : at) {
            glyphs.stampDisc(stamped, p[2] % 5, p[2] % 3 - 1, p[2], p[0], p[1]);
            Raster blank = new Raster(300, 200);
            reference.stampDisc(blank, p[2] % 5, p[2] % 3 - 1, p[2], 150, 100);
            // recover the disc sprite from the blank picture: its bounding box holds exactly its pixels
            int size = 2 * p[2] + 5;
            int[] px = new int[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) px[y * size + x] = blank.pixels()[(100 - size / 2 + y) * 300 + 150 - size / 2 + x];
            }
            reference(drawn, new GlyphSprites.Sprite(px, size, size, size), p[0] - size / 2, p[1] - size / 2);
        }
        assertThat(java.util.Arrays.equals(stamped.pixels(), drawn.pixels())).as("same pixels").isTrue();
        assertThat(java.util.Arrays.stream(stamped.pixels()).filter(v -> v != 0).count()).isGreaterThan(3000);
    }
}
