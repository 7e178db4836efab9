package org.sitmap.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * A plain pixel buffer: premultiplied ARGB ints, row by row, backed by a {@link BufferedImage} so Java2D can draw
 * text and vectors into the same pixels that markers are stamped into directly. The screen shows these pixels
 * through a JavaFX {@code PixelBuffer} (format {@code IntArgbPre}); exports write them with ImageIO.
 *
 * <p>A raster given {@link VectorMarks} ({@link #drawVectors}) is the picture of a vector export (PDF): the
 * painters then draw their markers, cluster discs, counts and labels as vectors there instead of stamping them into
 * the pixels, through the same placement code; what only exists as pixels (the heat surface) stays in the pixels.
 *
 * <p>Not thread-safe: one thread draws into it at a time; hand it over to another thread only after drawing ends.
 */
public final class Raster {
    private final BufferedImage image;
    private final int[] pixels;
    private VectorMarks vector;

    public Raster(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > 200_000_000L) {
            throw new IllegalArgumentException("raster size " + width + "x" + height + " out of range");
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** Makes the painters draw their marks as vectors into {@code marks} (null: stamp pixels, the default). */
    public void drawVectors(VectorMarks marks) { this.vector = marks; }

    /** Where marks are drawn as vectors, or null when they are stamped into the pixels. */
    public VectorMarks vector() { return vector; }

    public int width() { return image.getWidth(); }

    public int height() { return image.getHeight(); }

    /** The pixels, premultiplied ARGB, {@code y * width + x}. */
    public int[] pixels() { return pixels; }

    /** The same pixels as an image, for Java2D drawing and ImageIO. */
    public BufferedImage image() { return image; }

    /**
     * A Java2D context with anti-aliasing on; dispose it after use. With {@link VectorMarks} it draws into their
     * context (as vectors), not into the pixels.
     */
    public Graphics2D graphics() {
        Graphics2D g = vector != null ? (Graphics2D) vector.graphics().create() : image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Fills every pixel with one premultiplied ARGB value (0 for transparent). */
    public void clear(int argbPre) {
        Arrays.fill(pixels, argbPre);
    }

    /** Source-over blend of a non-premultiplied ARGB colour into pixel (x, y); no bounds check. */
    public void blend(int x, int y, int argb) {
        int i = y * image.getWidth() + x;
        int a = argb >>> 24;
        if (a == 255) {
            pixels[i] = argb;
            return;
        }
        int dst = pixels[i];
        int inv = 255 - a;
        int r = (((argb >> 16) & 0xff) * a + ((dst >> 16) & 0xff) * inv) / 255;
        int g = (((argb >> 8) & 0xff) * a + ((dst >> 8) & 0xff) * inv) / 255;
        int b = ((argb & 0xff) * a + (dst & 0xff) * inv) / 255;
        int da = a + ((dst >>> 24) * inv) / 255;
        pixels[i] = (da << 24) | (r << 16) | (g << 8) | b;
    }
}
