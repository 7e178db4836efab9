package org.sitmap.tiles;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.render.Raster;
import org.sitmap.render.basemap.BasemapStyle;

/**
 * Asks each source in turn for a tile; the locally rendered basemap fills whatever they cannot, so a tile is
 * always returned and the map is never blank. {@link #tile(int, int, int)} never throws. Each served tile is
 * reported to the listener with its {@link TileOrigin} (for the window's "tiles from" indicator and attribution).
 *
 * <p>Thread-safe: called from several tile threads at once; the listener is called on those threads.
 */
public final class TileChain {
    private static final Logger LOG = Logger.getLogger(TileChain.class.getName());

    private final List<TileSource> sources;
    private final LocalTileSource local;
    private volatile Consumer<TileOrigin> listener = o -> { };

    /**
     * @param sources tried in order (e.g. an MBTiles pack, then OpenStreetMap)
     * @param local   the local basemap that fills every gap
     */
    public TileChain(List<TileSource> sources, LocalTileSource local) {
        this.sources = List.copyOf(sources);
        this.local = local;
    }

    /**
     * The usual chain: the MBTiles pack (if any), OpenStreetMap through the disk cache under {@code policy},
     * then the local basemap.
     */
    public static TileChain standard(MbTilesSource pack, TileCache cache, NetworkPolicy policy,
                                     LocalTileSource local) {
        List<TileSource> list = new java.util.ArrayList<>();
        if (pack != null) list.add(pack);
        list.add(OsmTileSource.openStreetMap(cache, policy));
        return new TileChain(list, local);
    }

    /**
     * A chain for exports and other headless use over the shared painter: with {@code offline}, cached OSM tiles
     * only and no connection; otherwise OSM tiles are fetched (and cached). {@code pack} may be null.
     */
    public static TileChain forExport(boolean offline, MbTilesSource pack) {
        NetworkPolicy policy = offline ? NetworkPolicy.forcedOffline() : NetworkPolicy.switchable(true);
        return standard(pack, new TileCache(TileCache.defaultRoot()), policy,
                new LocalTileSource(org.sitmap.render.basemap.BasemapPainter.shared()));
    }

    /** Closes the sources that hold files open (an MBTiles pack). */
    public void close() {
        for (TileSource s : sources) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing a tile source failed", e);
                }
            }
        }
    }

    /** Sets who hears where each tile came from (called on tile threads; keep it quick). */
    public void setListener(Consumer<TileOrigin> listener) {
        this.listener = listener == null ? o -> { } : listener;
    }

    public List<TileSource> sources() { return sources; }

    /** The tile z/x/y from the first source that has it, else drawn locally; never throws, never null. */
    public TileImage tile(int z, int x, int y) {
        return served(fromSources(z, x, y).orElseGet(() -> fallback(z, x, y)));
    }

    /**
     * The tile from the first source that has it, without the local fill (for exports, which paint the vector
     * basemap underneath themselves); never throws. Not reported to the listener.
     */
    public Optional<TileImage> fromSources(int z, int x, int y) {
        for (TileSource s : sources) {
            try {
                Optional<TileImage> t = s.tile(z, x, y);
                if (t.isPresent()) return t;
            } catch (NetworkPolicy.OfflineException e) {
                LOG.fine(e::getMessage);
            } catch (Exception e) {
                LOG.log(Level.FINE, "tile " + z + "/" + x + "/" + y + " from " + s.origin().label() + " failed", e);
            }
        }
        return Optional.empty();
    }

    /** The local basemap source that fills the gaps. */
    public LocalTileSource local() { return local; }

    /** The locally drawn tile, or a plain sea-coloured one if even drawing fails; never throws. */
    public TileImage fallback(int z, int x, int y) {
        try {
            return TileImage.drawn(local.render(z, x, y), TileOrigin.LOCAL);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError)) throw vme;
            LOG.log(Level.WARNING, "local basemap failed for tile " + z + "/" + x + "/" + y, e);
            Raster r = new Raster(LocalTileSource.TILE_SIZE, LocalTileSource.TILE_SIZE);
            Graphics2D g = r.graphics();
            g.setColor(BasemapStyle.SEA);
            g.fillRect(0, 0, r.width(), r.height());
            g.dispose();
            return TileImage.drawn(r, TileOrigin.LOCAL);
        }
    }

    private TileImage served(TileImage t) {
        try {
            listener.accept(t.origin());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "tile listener failed", e);
        }
        return t;
    }
}
