package org.sitmap.tiles;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.sitmap.render.Raster;

/**
 * The image formats of tile packs: PNG and JPEG (decoded by whoever shows them), WebP (decoded here through
 * ImageIO, with the TwelveMonkeys WebP plugin on the class path, because JavaFX cannot), and vector tiles
 * (Mapbox Vector Tiles, {@code format=pbf}), which Sitmap does not draw: a pack of them is refused with a message.
 */
public final class TileFormats {
    /** The message for a vector tile pack. */
    public static final String VECTOR = "vector tiles are not supported; use a raster PNG/JPEG/WebP pack";

    private TileFormats() { }

    /** True for a WebP image (a RIFF container of type WEBP). */
    public static boolean isWebp(byte[] b) {
        return b != null && b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    /** True for a PNG, JPEG, GIF or WebP image. */
    public static boolean isRasterImage(byte[] b) {
        if (b == null || b.length < 4) return false;
        boolean png = (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
        boolean gif = b[0] == 'G' && b[1] == 'I' && b[2] == 'F';
        return png || jpeg || gif || isWebp(b);
    }

    /**
     * The reason a pack cannot serve as a basemap, or null: its metadata {@code format} says vector ({@code pbf},
     * {@code mvt}), or, with no format given, its tiles are not raster images (gzip-compressed vector tiles).
     *
     * @param format    the metadata's {@code format}, or null
     * @param someTile  one tile's bytes, or null when the pack has none
     */
    public static String refusal(String format, byte[] someTile) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (f.equals("pbf") || f.equals("mvt") || f.contains("vector")) return VECTOR + " (format=" + f + ")";
        if (f.isEmpty() && someTile != null && !isRasterImage(someTile)) return VECTOR + " (its tiles are not images)";
        return null;
    }

    /** A WebP tile decoded into a raster; null when it does not decode. */
    public static Raster decodeWebp(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null || img.getWidth() <= 0 || img.getWidth() > 4096 || img.getHeight() > 4096) return null;
            Raster r = new Raster(img.getWidth(), img.getHeight());
            Graphics2D g = r.image().createGraphics();
            try {
                g.drawImage(img, 0, 0, null);
            } finally {
                g.dispose();
            }
            return r;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
