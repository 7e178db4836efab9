package org.sitmap.ui.map.tiles;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
 * fetches each tile from the {@link TileChain} in {@link TileSettings} on a small pool of daemon threads and turns
 * it into a JavaFX image. The future it returns NEVER fails: any error (a source failing, an image that does not
 * decode, even a bug) completes it with the locally drawn tile, because Gluon's map misbehaves on failed tiles.
 *
 * <p>Threading: {@link #loadTile} is called on the FX thread and returns at once; the work runs on the pool.
 * Images are created off the FX thread (allowed for {@code Image}/{@code WritableImage} that are not yet shown).
 */
public final class ChainTileRetriever implements TileRetriever {
    private static final Logger LOG = Logger.getLogger(ChainTileRetriever.class.getName());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "sitmap-tiles-" + Counter.NEXT.getAndIncrement());
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private static final class Counter {
        static final AtomicInteger NEXT = new AtomicInteger(1);
    }

    private final Supplier<TileChain> chain;
    private final Executor executor;

    /** Used by ServiceLoader: the chain of {@link TileSettings}, on the shared tile pool. */
    public ChainTileRetriever() {
        this(TileSettings::chain, POOL);
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
