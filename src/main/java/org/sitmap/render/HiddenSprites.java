package org.sitmap.render;

import java.util.Arrays;

/**
 * Which sprites of a marker picture can be left out without changing a pixel: a sprite each of whose visible pixels
 * (alpha above 0) lies under a fully opaque pixel of a sprite stamped after it. Source-over with an opaque source
 * writes the source whatever lies below, so a pixel's final value depends only on the stamps from the last opaque one
 * on; a sprite hidden everywhere by later opaque pixels changes nothing the picture ends with.
 *
 * <p>Walked from the last sprite to the first with a coverage bit map of one band of raster rows (pixels outside the
 * band, or outside the raster, count as covered): a sprite is kept when one of its visible pixels is not yet
 * covered, and then its opaque pixels are added. Each row of a sprite is one 64-bit mask of its visible and one of
 * its opaque pixels ({@link MarkerSprites#visibleRows}, {@link MarkerSprites#opaqueRows}), so a sprite costs a few
 * word operations a row instead of a blend a pixel. Sprites wider than 64 pixels are always kept.
 *
 * <p>Threading: not thread-safe (the bit map is scratch); one instance per band and drawing thread.
 */
final class HiddenSprites {
    private long[] cover = new long[0];

    /**
     * The indices of the sprites {@code [0, n)} to stamp into raster rows {@code [yFrom, yTo)} of a raster {@code w}
     * wide, ascending, into {@code out} (at least {@code n} long); returns how many. A sprite that shows no pixel in
     * the band is left out too. Sprites wider than 64 pixels, or beyond the raster's margin of two sprite sizes, are
     * kept.
     */
    int keep(MarkerSprites sprites, int[] keys, int[] xs, int[] ys, int n, int w, int yFrom, int yTo, int[] out) {
        return keep(sprites, keys, xs, ys, null, 0, n, w, yFrom, yTo, out);
    }

    /**
     * As above, of the sprites {@code idx[from..to)} only (ascending; {@code idx} null: the sprites {@code from..to}
     * themselves), e.g. those whose rows reach the band: the sprites left out reach no pixel of it.
     */
    int keep(MarkerSprites sprites, int[] keys, int[] xs, int[] ys, int[] idx, int from, int to, int w, int yFrom,
             int yTo, int[] out) {
        int size = sprites.size();
        int n = to - from;
        if (yTo <= yFrom) return 0;
        if (size > 64) {
            for (int q = 0; q < n; q++) out[q] = idx == null ? from + q : idx[from + q];
            return n;
        }
        int pad = 2 * size;   // sprites are culled within a sprite's size of the raster: x0 >= -1.5 size
        int stride = (w + 2 * pad + 63) / 64 + 1;
        int rows = yTo - yFrom;
        if (cover.length < stride * rows) cover = new long[stride * rows];
        long[] cov = cover;
        // columns outside the raster count as covered
        long[] template = new long[stride];
        Arrays.fill(template, -1L);
        for (int x = pad; x < pad + w; x++) template[x >>> 6] &= ~(1L << x);
        for (int y = 0; y < rows; y++) System.arraycopy(template, 0, cov, y * stride, stride);
        int half = size / 2;
        int m = n;
        for (int q = to - 1; q >= from; q--) {
            int k = idx == null ? q : idx[q];
            int key = keys[k];
            int x0 = xs[k] - half + pad;
            int y0 = ys[k] - half;
            if (x0 < 0 || x0 + size > (stride - 1) * 64) {   // beyond the margin: not expected; kept
                out[--m] = k;
                continue;
            }
            long[] vis = sprites.visibleRows(key);
            int wi = x0 >>> 6;
            int off = x0 & 63;
            int j0 = Math.max(0, yFrom - y0);
            int j1 = Math.min(size, yTo - y0);
            boolean shows = false;
            for (int j = j0; j < j1 && !shows; j++) {
                long v = vis[j];
                int at = (y0 + j - yFrom) * stride + wi;
                long hi = off == 0 ? 0 : v >>> (64 - off);
                shows = (((v << off) & ~cov[at]) | (hi & ~cov[at + 1])) != 0;
            }
            if (!shows) continue;
            out[--m] = k;
            long[] solid = sprites.opaqueRows(key);
            for (int j = j0; j < j1; j++) {
                long s = solid[j];
                if (s == 0) continue;
                int at = (y0 + j - yFrom) * stride + wi;
                cov[at] |= s << off;
                if (off != 0) cov[at + 1] |= s >>> (64 - off);
            }
        }
        System.arraycopy(out, m, out, 0, n - m);
        return n - m;
    }
}
