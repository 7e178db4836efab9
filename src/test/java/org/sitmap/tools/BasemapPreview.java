package org.sitmap.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.render.basemap.BasemapPainter;

/**
 * Renders a few basemap views to PNG for looking at them (not a test):
 * {@code java -cp target/classes:target/test-classes org.sitmap.tools.BasemapPreview OUT_DIR}.
 */
public final class BasemapPreview {
    private BasemapPreview() { }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/basemap-preview");
        Files.createDirectories(out);
        BasemapPainter painter = new BasemapPainter();
        render(painter, new Viewport(35.0, 38.5, 6.6, 1400, 1100), out.resolve("syria-z6.6.png"));
        render(painter, new Viewport(35.55, 36.65, 10, 1200, 900), out.resolve("idlib-south-z10.png"));
        render(painter, new Viewport(34.0, 37.0, 4, 1200, 800), out.resolve("region-z4.png"));
        render(painter, new Viewport(20, 0, 1, 1024, 700), out.resolve("world-z1.png"));
        render(painter, new Viewport(33.51, 36.29, 12, 800, 600), out.resolve("damascus-z12.png"));
        mosaic(new org.sitmap.tiles.LocalTileSource(painter), 7, 75, 49, 5, 4, out.resolve("tiles-z7.png"));
        mosaic(new org.sitmap.tiles.LocalTileSource(painter), 10, 614, 406, 4, 3, out.resolve("tiles-z10.png"));
    }

    /** Stitches cols × rows locally drawn tiles from (x0, y0) at zoom z, to check their seams. */
    private static void mosaic(org.sitmap.tiles.LocalTileSource local, int z, int x0, int y0, int cols, int rows,
                               Path file) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cols * 256, rows * 256,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) g.drawImage(local.render(z, x0 + i, y0 + j).image(), i * 256, j * 256, null);
        }
        g.dispose();
        ImageIO.write(img, "png", new File(file.toString()));
        System.out.println(file);
    }

    private static void render(BasemapPainter painter, Viewport v, Path file) throws Exception {
        long t0 = System.nanoTime();
        Raster r = new Raster(v.width(), v.height());
        painter.paint(r, v);
        long t1 = System.nanoTime();
        Raster r2 = new Raster(v.width(), v.height());
        painter.paint(r2, v);
        long t2 = System.nanoTime();
        ImageIO.write(r.image(), "png", new File(file.toString()));
        System.out.printf("%s first %.0f ms, cached %.0f ms%n", file, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
