package org.sitmap.render;

import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;

/**
 * Density ("heat") drawing for large data: rows are counted into a float grid of {@value #CELL}-pixel cells, the
 * grid is blurred with a separable Gaussian kernel, and each pixel takes a colour from a ramp (transparent →
 * yellow → orange → red → dark red) by the log of its density relative to the densest cell, bilinearly
 * interpolated between cells. Linear in the number of rows plus the number of pixels.
 *
 * <p>Threading: not thread-safe (scratch arrays); owned by one {@link IncidentPainter}.
 */
public final class HeatPainter {
    static final int CELL = 4;
    private static final double SIGMA = 2.2;
    private static final int[] RAMP = {0x00ffffb2, 0xa0fecc5c, 0xc8fd8d3c, 0xdcf03b20, 0xf0bd0026, 0xff67000d};
    private final float[] kernel;
    private final int[] lut = new int[256];

    public HeatPainter() {
        int kr = (int) Math.ceil(SIGMA * 2.5);
        kernel = new float[2 * kr + 1];
        for (int k = -kr; k <= kr; k++) kernel[k + kr] = (float) Math.exp(-k * k / (2 * SIGMA * SIGMA));
        for (int v = 0; v < 256; v++) lut[v] = premultiply(ramp(v / 255.0));
    }

    /** Blends the density of {@code sel} over {@code r}; counts the located rows in view into {@code hits}. */
    public void paint(Raster r, Viewport vp, Selection sel, HitTester.Builder hits) {
        IncidentIndex ix = sel.index();
        int w = r.width();
        int h = r.height();
        int gw = w / CELL + 2;
        int gh = h / CELL + 2;
        float[] grid = new float[gw * gh];
        double world = vp.worldPixels();
        double ox = vp.originX();
        double oy = vp.originY();
        int inView = 0;
        int[] rows = sel.rows();
        for (int k = 0, n = sel.count(); k < n; k++) {
            int row = rows[k];
            if (ix.geoPrecision(row) == 0 || Float.isNaN(ix.mercX(row))) continue;
            double x = ix.mercX(row) * world - ox;
            double y = ix.mercY(row) * world - oy;
            if (x < 0 || y < 0 || x >= w || y >= h) continue;
            grid[(int) (y / CELL) * gw + (int) (x / CELL)] += 1f;
            inView++;
        }
        hits.counted(inView);
        if (inView == 0) return;
        float[] tmp = new float[grid.length];
        blur(grid, tmp, gw, gh, 1, gw);
        blur(tmp, grid, gh, gw, gw, 1);
        float max = 0;
        for (float v : grid) max = Math.max(max, v);
        byte[] level = new byte[grid.length];
        for (int i = 0; i < grid.length; i++) level[i] = (byte) Math.min(255, (int) (Math.log1p(grid[i] * 4) / Math.log1p(max * 4) * 255));
        int[] px = r.pixels();
        int half = CELL / 2;
        // pixel (x, y) lies between cell centres cx = (x - half) / CELL and cx + 1; walk CELL×CELL blocks of pixels
        // that share their four corner cells and skip blocks where all four are (nearly) empty
        for (int cy = -1; cy < gh; cy++) {
            int c0 = Math.max(0, Math.min(gh - 1, cy)) * gw;
            int c1 = Math.max(0, Math.min(gh - 1, cy + 1)) * gw;
            int py0 = cy * CELL + half;
            for (int cx = -1; cx < gw; cx++) {
                int xa = Math.max(0, Math.min(gw - 1, cx));
                int xb = Math.max(0, Math.min(gw - 1, cx + 1));
                int a = level[c0 + xa] & 0xff;
                int b = level[c0 + xb] & 0xff;
                int c = level[c1 + xa] & 0xff;
                int d = level[c1 + xb] & 0xff;
                if (a < 3 && b < 3 && c < 3 && d < 3) continue;
                int px0 = cx * CELL + half;
                for (int j = 0; j < CELL; j++) {
                    int y = py0 + j;
                    if (y < 0 || y >= h) continue;
                    int fy = 2 * j + 1;                         // (j + 0.5) / CELL in eighths
                    int left = a * (2 * CELL - fy) + c * fy;   // × 2·CELL
                    int right = b * (2 * CELL - fy) + d * fy;
                    int rowBase = y * w;
                    for (int i = 0; i < CELL; i++) {
                        int x = px0 + i;
                        if (x < 0 || x >= w) continue;
                        int fx = 2 * i + 1;
                        int v = (left * (2 * CELL - fx) + right * fx) / (4 * CELL * CELL);
                        if (v < 3) continue;
                        int src = lut[v];
                        int k = rowBase + x;
                        px[k] = src + MarkerSprites.mulPre(px[k], 255 - (src >>> 24));
                    }
                }
            }
        }
    }

    /** One pass of the kernel along lines of length {@code len} (stride {@code step}), {@code lines} apart by {@code lineStep}. */
    private void blur(float[] src, float[] dst, int len, int lines, int step, int lineStep) {
        int kr = kernel.length / 2;
        for (int l = 0; l < lines; l++) {
            int base = l * lineStep;
            for (int i = 0; i < len; i++) {
                float s = 0;
                for (int k = -kr; k <= kr; k++) {
                    int j = i + k;
                    if (j >= 0 && j < len) s += src[base + j * step] * kernel[k + kr];
                }
                dst[base + i * step] = s;
            }
        }
    }

    private static int ramp(double t) {
        double p = t * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) p);
        double f = p - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        int out = 0;
        for (int sh = 0; sh <= 24; sh += 8) {
            int ca = (a >>> sh) & 0xff;
            int cb = (b >>> sh) & 0xff;
            out |= ((int) Math.round(ca + (cb - ca) * f) & 0xff) << sh;
        }
        return out;
    }

    private static int premultiply(int argb) {
        int a = argb >>> 24;
        int r = ((argb >> 16) & 0xff) * a / 255;
        int g = ((argb >> 8) & 0xff) * a / 255;
        int b = (argb & 0xff) * a / 255;
        return (a << 24) | (r << 16) | (g << 8) | b;
    }
}
