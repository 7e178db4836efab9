package org.sitmap.tiles;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;

/**
 * Draws the basemap of any {@link Viewport} (fractional zoom, any size) for exports: the local vector basemap
 * first, crisp at any zoom, then whatever tiles the chain's sources have (an MBTiles pack, cached or online
 * OpenStreetMap under the chain's {@link NetworkPolicy}) over it, scaled from the nearest zoom level. A tile that
 * is missing or does not decode leaves the vector basemap showing.
 *
 * <p>Thread: runs on the caller's thread (an export worker), blocking on tile downloads when online.
 */
public final class TileComposer {
    private static final Logger LOG = Logger.getLogger(TileComposer.class.getName());
    private static final int MAX_TILE_ZOOM = 19;

    private TileComposer() { }

    /**
     * Paints the viewport into the raster and returns which sources contributed (for the export's attribution
     * line; always includes {@link TileOrigin#LOCAL}).
     */
    public static Set<TileOrigin> compose(TileChain chain, Viewport view, Raster raster) {
        chain.local().painter().paintGround(raster, view);
        Set<TileOrigin> used = overlay(chain, view, raster);
        used.add(TileOrigin.LOCAL);
        return used;
    }

    /**
     * Only the tiles the chain's sources have, scaled over whatever the raster holds (the caller painted the vector
     * basemap itself, e.g. scaled for print); returns the sources used (empty when none had a tile).
     */
    public static Set<TileOrigin> overlay(TileChain chain, Viewport view, Raster raster) {
        Set<TileOrigin> used = EnumSet.noneOf(TileOrigin.class);
        if (chain.sources().isEmpty()) return used;
        int z = (int) Math.max(0, Math.min(MAX_TILE_ZOOM, Math.round(view.zoom())));
        double s = Math.pow(2, view.zoom() - z); // screen pixels per level-z pixel
        double ox = view.originX() / s, oy = view.originY() / s;
        int n = 1 << z;
        int x0 = (int) Math.floor(ox / 256), x1 = (int) Math.floor((ox + view.width() / s) / 256);
        int y0 = Math.max(0, (int) Math.floor(oy / 256)), y1 = Math.min(n - 1, (int) Math.floor((oy + view.height() / s)
                / 256));
        Graphics2D g = raster.graphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int ty = y0; ty <= y1; ty++) {
                for (int tx = x0; tx <= x1; tx++) {
                    int wrapped = Math.floorMod(tx, n);
                    Optional<TileImage> tile = chain.fromSources(z, wrapped, ty);
                    if (tile.isEmpty()) continue;
                    BufferedImage img = decode(tile.get());
                    if (img == null) continue;
                    AffineTransform at = new AffineTransform();
                    at.translate(tx * 256 * s - view.originX(), ty * 256 * s - view.originY());
                    at.scale(s * 256.0 / img.getWidth(), s * 256.0 / img.getHeight());
                    g.drawImage(img, at, null);
                    used.add(tile.get().origin());
                }
            }
        } finally {
            g.dispose();
        }
        return used;
    }

    private static BufferedImage decode(TileImage tile) {
        if (tile.raster() != null) return tile.raster().image();
        try {
            return ImageIO.read(new ByteArrayInputStream(tile.encoded()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "tile does not decode", e);
            return null;
        }
    }
}
