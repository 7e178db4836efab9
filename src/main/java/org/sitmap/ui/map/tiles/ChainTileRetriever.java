package org.sitmap.ui.map.tiles;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.sitmap.render.Raster;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileImage;

/**
 * Gluon Maps' tile retriever (registered in {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever}):
 * fetches each tile from the {@link TileChain} of the attached window's {@link MapTiles} on its tile threads and turns
 * it into a JavaFX image. The future it returns NEVER fails: any error (a source failing, an image that does not
 * decode, even a bug) completes it with the locally drawn tile, because Gluon's map misbehaves on failed tiles.
 *
 * <p>Threading: {@link #loadTile} is called on the FX thread and returns at once; the work runs on the pool.
 * Images are created off the FX thread (allowed for {@code Image}/{@code WritableImage} that are not yet shown).
 */
public final class ChainTileRetriever implements TileRetriever {
    private static final Logger LOG = Logger.getLogger(ChainTileRetriever.class.getName());
    /** Offline, local tiles on the common pool: what a map shows before a window attached its tiles. */
    private static final TileChain LOCAL_ONLY = new TileChain(java.util.List.of(),
            new org.sitmap.tiles.LocalTileSource(org.sitmap.render.basemap.BasemapPainter.shared()));
    /** The tiles of the window on screen (Gluon's one retriever serves it); null before and after. */
    private static volatile MapTiles attached;

    private final Supplier<TileChain> chain;
    private final Executor executor;

    /** Used by ServiceLoader: the chain of the attached window's {@link MapTiles}, on its tile threads. */
    public ChainTileRetriever() {
        this(() -> {
            MapTiles t = attached;
            return t == null ? LOCAL_ONLY : t.chain();
        }, r -> {
            MapTiles t = attached;
            if (t == null) java.util.concurrent.ForkJoinPool.commonPool().execute(r); else t.pool().execute(r);
        });
    }

    /** Serves the map from {@code tiles} (the window's, once it is built). */
    public static void attach(MapTiles tiles) { attached = tiles; }

    /** Stops serving from {@code tiles} (its window closed); later tiles are drawn locally. */
    public static void detach(MapTiles tiles) {
        if (attached == tiles) attached = null;
    }

    /** A retriever over a given chain and executor (tests). */
    public ChainTileRetriever(Supplier<TileChain> chain, Executor executor) {
        this.chain = chain;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        int x = (int) i, y = (int) j;
        CompletableFuture<Image> result = new CompletableFuture<>();
        try {
            executor.execute(() -> result.complete(load(zoom, x, y)));
        } catch (RuntimeException e) { // rejected (shutting down): still answer
            result.complete(fallback(zoom, x, y));
        }
        return result;
    }

    private Image load(int zoom, int x, int y) {
        try {
            TileChain c = chain.get();
            Image image = toImage(c.tile(zoom, x, y));
            return image != null ? image : fallback(zoom, x, y);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof OutOfMemoryError)) throw vme;
            LOG.log(Level.FINE, "tile " + zoom + "/" + x + "/" + y + " failed; drawing it locally", t);
            return fallback(zoom, x, y);
        }
    }

    private Image fallback(int zoom, int x, int y) {
        try {
            Image image = toImage(chain.get().fallback(zoom, x, y));
            if (image != null) return image;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "local tile " + zoom + "/" + x + "/" + y + " failed", e);
        }
        return new WritableImage(256, 256);
    }

    /** The tile as a JavaFX image; null when encoded bytes do not decode. */
    static Image toImage(TileImage tile) {
        if (tile.raster() != null) return toImage(tile.raster());
        Image image = new Image(new ByteArrayInputStream(tile.encoded()));
        return image.isError() || image.getWidth() <= 0 ? null : image;
    }

    /** Copies a raster's premultiplied pixels into a new JavaFX image. */
    static WritableImage toImage(Raster r) {
        WritableImage image = new WritableImage(r.width(), r.height());
        image.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(),
                r.pixels(), 0, r.width());
        return image;
    }
}
