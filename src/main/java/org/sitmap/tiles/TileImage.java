package org.sitmap.tiles;

import java.util.Objects;
import org.sitmap.render.Raster;

/**
 * One 256-pixel tile: either encoded image bytes (PNG/JPEG/WebP from a pack or a server) or a drawn {@link
 * Raster}, with the source that served it.
 *
 * @param encoded image file bytes, or null when {@code raster} is set
 * @param raster  drawn pixels, or null when {@code encoded} is set
 * @param origin  the source that served it
 */
public record TileImage(byte[] encoded, Raster raster, TileOrigin origin) {
    public TileImage {
        Objects.requireNonNull(origin, "origin");
        if ((encoded == null) == (raster == null)) throw new IllegalArgumentException("exactly one of bytes/raster");
    }

    public static TileImage encoded(byte[] bytes, TileOrigin origin) {
        return new TileImage(bytes, null, origin);
    }

    public static TileImage drawn(Raster raster, TileOrigin origin) {
        return new TileImage(null, raster, origin);
    }
}
