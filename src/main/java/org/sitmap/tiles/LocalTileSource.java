package org.sitmap.tiles;

import java.util.Optional;
import org.sitmap.geo.WebMercator;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.render.basemap.BasemapPainter;

/** Draws tiles from the shipped vector basemap; always answers, for any tile. Thread-safe. */
public final class LocalTileSource implements TileSource {
    public static final int TILE_SIZE = 256;
    private final BasemapPainter painter;

    public LocalTileSource(BasemapPainter painter) {
        this.painter = painter;
    }

    @Override
    public Optional<TileImage> tile(int z, int x, int y) {
        return Optional.of(TileImage.drawn(render(z, x, y), TileOrigin.LOCAL));
    }

    /** The raster of tile z/x/y. */
    public Raster render(int z, int x, int y) {
        double n = Math.pow(2, z);
        Viewport view = new Viewport(WebMercator.lat((y + 0.5) / n), WebMercator.lon((x + 0.5) / n), z, TILE_SIZE,
                TILE_SIZE);
        Raster raster = new Raster(TILE_SIZE, TILE_SIZE);
        painter.paintGround(raster, view);
        return raster;
    }

    /** The painter behind these tiles. */
    public BasemapPainter painter() { return painter; }

    @Override
    public TileOrigin origin() { return TileOrigin.LOCAL; }
}
