package org.sitmap.render;

/**
 * Stamps the sprites of a marker picture into a pixel raster tile by tile: the raster is cut into bands of
 * {@link #TILE_ROWS} rows, each band gets the sprites that reach into it in their order, and the bands are stamped one
 * after the other, each sprite clipped to the band. A band of a 1600 pixels wide raster is 200 KB, so its stamps stay
 * in the core's cache instead of scattering over the whole raster (6.4 MB) sprite after sprite. Every pixel lies in
 * one band and gets the stamps that cover it in their order, so the pixels are those of stamping every sprite in
 * order. In each band the sprites that later opaque pixels hide there are left out ({@link HiddenSprites}), which
 * changes no pixel either.
 *
 * <p>From {@link #SPLIT_STAMPS} sprites the upper and the lower bands (cut where about half of the band entries lie
 * above) are stamped on two threads ({@link org.sitmap.index.Split}); the two touch different raster rows.
 *
 * <p>Threading: not thread-safe (scratch arrays); one instance per drawing thread. The sprites must be
 * {@link MarkerSprites#prepare prepared} on the calling thread first.
 */
final class SpriteTiles {
    /** Rows of a band. */
    static final int TILE_ROWS = 32;
    /** From this many sprites a picture stamps on two threads. */
    static final int SPLIT_STAMPS = 4000;
    private final HiddenSprites[] hidden = {new HiddenSprites(), new HiddenSprites()};
    private final int[][] kept = {new int[0], new int[0]};
    /** Per band: where its sprites start in {@link #list} (bands + 1 entries). */
    private int[] start = new int[0];
    /** The sprites of every band, band after band, ascending within a band. */
    private int[] list = new int[0];

    /** Stamps the sprites {@code [0, n)} (key, centre) in order into the pixel raster {@code r}. */
    void stamp(MarkerSprites sprites, Raster r, int[] keys, int[] xs, int[] ys, int n) {
        stamp(sprites, r, keys, xs, ys, n, TILE_ROWS);
    }

    /** As {@link #stamp(MarkerSprites, Raster, int[], int[], int[], int)} with bands of {@code tileRows} rows. */
    void stamp(MarkerSprites sprites, Raster r, int[] keys, int[] xs, int[] ys, int n, int tileRows) {
        int h = r.height();
        int w = r.width();
        int size = sprites.size();
        int half = size / 2;
        int bands = (h + tileRows - 1) / tileRows;
        if (start.length < bands + 1) start = new int[bands + 1];
        int[] first = start;
        java.util.Arrays.fill(first, 0, bands + 1, 0);
        // a counting sort of the sprites by the bands they reach into, keeping their order within a band
        int entries = 0;
        for (int k = 0; k < n; k++) {
            int y0 = ys[k] - half;
            int b0 = Math.max(0, Math.floorDiv(y0, tileRows));
            int b1 = Math.min(bands - 1, Math.floorDiv(y0 + size - 1, tileRows));
            for (int b = b0; b <= b1; b++) first[b + 1]++;
            entries += Math.max(0, b1 - b0 + 1);
        }
        for (int b = 0; b < bands; b++) first[b + 1] += first[b];
        if (list.length < entries) list = new int[entries];
        int[] order = list;
        int[] fill = java.util.Arrays.copyOf(first, bands);
        for (int k = 0; k < n; k++) {
            int y0 = ys[k] - half;
            int b0 = Math.max(0, Math.floorDiv(y0, tileRows));
            int b1 = Math.min(bands - 1, Math.floorDiv(y0 + size - 1, tileRows));
            for (int b = b0; b <= b1; b++) order[fill[b]++] = k;
        }
        // the band where about half of the entries lie above: the two threads' share
        int mid = 0;
        while (mid < bands && 2 * first[mid] < entries) mid++;
        int cut = mid;
        org.sitmap.index.Split.halves(n, SPLIT_STAMPS, (part, from, to) -> {
            boolean whole = from == 0 && to == n;
            int b0 = whole || part == 0 ? 0 : cut;
            int b1 = whole || part == 1 ? bands : cut;
            for (int b = b0; b < b1; b++) {
                int lo = first[b], hi = first[b + 1];
                if (lo == hi) continue;
                int yFrom = b * tileRows;
                int yTo = Math.min(h, yFrom + tileRows);
                if (kept[part].length < hi - lo) kept[part] = new int[Math.max(hi - lo, 2 * kept[part].length)];
                int[] out = kept[part];
                int nk = hidden[part].keep(sprites, keys, xs, ys, order, lo, hi, w, yFrom, yTo, out);
                for (int i = 0; i < nk; i++) {
                    int k = out[i];
                    sprites.stampBand(r, keys[k], xs[k], ys[k], yFrom, yTo);
                }
            }
        });
    }
}
