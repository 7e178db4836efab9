package org.sitmap.ui.map.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.sitmap.render.basemap.BasemapPainter;
import org.sitmap.tiles.LocalTileSource;
import org.sitmap.tiles.MbTilesSource;
import org.sitmap.tiles.NetworkPolicy;
import org.sitmap.tiles.TileCache;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileOrigin;

/**
 * The tiles of one window: the chain (MBTiles pack, OpenStreetMap through the disk cache, the local basemap), its
 * network policy (the "Online tiles" switch, locked off under {@code --offline}), the pack's attribution, and the
 * threads that fetch tiles and open packs. The window's workspace owns it and closes it with the window; exports
 * from the window draw with {@link #chain()}, so they show the tiles the map shows.
 *
 * <p>Gluon creates {@link ChainTileRetriever} through ServiceLoader, so the map's retriever cannot be handed its
 * chain: the window attaches its tiles to it ({@code ChainTileRetriever.attach}) and detaches them on close.
 *
 * <p>Thread-safe: the chain and policy are volatile and replaced whole under the lock; {@link #useMbTiles} opens a
 * file, so call it off the FX thread ({@link #packOpener()}).
 */
public final class MapTiles implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MapTiles.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger(1);

    private final LocalTileSource local = new LocalTileSource(BasemapPainter.shared());
    private final OnlinePreference prefs;
    private final Path cacheRoot;
    private final ExecutorService pool = Executors.newFixedThreadPool(3, r -> daemon(r,
            "sitmap-tiles-" + THREADS.getAndIncrement(), Thread.NORM_PRIORITY - 1));
    private final ExecutorService packOpener = Executors.newSingleThreadExecutor(r -> daemon(r, "sitmap-tile-pack",
            Thread.NORM_PRIORITY));
    private volatile NetworkPolicy policy;
    private volatile TileChain chain;
    private volatile Path packFile;
    private volatile String packAttribution = "";
    private volatile Consumer<TileOrigin> listener;
    private final String problem;

    /**
     * @param forcedOffline true for {@code --offline}: no network connection, whatever the switch says
     * @param prefs         the remembered online switch and MBTiles pack
     * @param cacheRoot     tile cache folder ({@link TileCache#defaultRoot()} in the window)
     */
    public MapTiles(boolean forcedOffline, OnlinePreference prefs, Path cacheRoot) {
        this.prefs = prefs;
        this.cacheRoot = cacheRoot;
        this.policy = forcedOffline ? NetworkPolicy.forcedOffline() : NetworkPolicy.switchable(prefs.online());
        this.chain = new TileChain(List.of(), local);
        String trouble = null;
        MbTilesSource pack = null;
        Path file = prefs.mbTiles().orElse(null);
        if (file != null) {
            try {
                pack = MbTilesSource.open(file);
            } catch (IOException e) {
                trouble = e.getMessage() + " — using the other tile sources";
                LOG.warning(trouble);
                file = null;
            }
        }
        install(pack, file);
        this.problem = trouble;
    }

    /**
     * The window's tiles: the user's preferences and the default cache folder. The system property
     * {@code sitmap.offline=true} forces offline too (for test runs that open the window).
     */
    public static MapTiles forWindow(boolean forcedOffline) {
        boolean offline = forcedOffline || Boolean.getBoolean("sitmap.offline");
        return new MapTiles(offline, OnlinePreference.userPreferences(), TileCache.defaultRoot());
    }

    /** Offline tiles kept in memory only (tests, demos): no preferences are read or written. */
    public static MapTiles offline(Path cacheRoot) {
        return new MapTiles(true, OnlinePreference.inMemory(false), cacheRoot);
    }

    private static Thread daemon(Runnable r, String name, int priority) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(priority);
        return t;
    }

    /** Why the remembered MBTiles pack could not be opened, or null. */
    public String problem() { return problem; }

    /** Replaces the MBTiles pack (null removes it), keeping the policy; IOException with a plain message. Blocking. */
    public synchronized void useMbTiles(Path file) throws IOException {
        MbTilesSource pack = file == null ? null : MbTilesSource.open(file);
        prefs.setMbTiles(file);
        install(pack, file);
    }

    private synchronized void install(MbTilesSource pack, Path file) {
        TileChain old = chain;
        chain = TileChain.standard(pack, new TileCache(cacheRoot), policy, local);
        chain.setListener(listener);
        packFile = file;
        packAttribution = pack == null ? "" : pack.attribution();
        if (old != chain) old.close();
    }

    /** Installs a chain directly (tests). */
    public synchronized void install(TileChain newChain, NetworkPolicy newPolicy, String attribution) {
        TileChain old = chain;
        chain = newChain;
        policy = newPolicy;
        packFile = null;
        packAttribution = attribution == null ? "" : attribution;
        newChain.setListener(listener);
        if (old != newChain) old.close();
    }

    /** Who hears where each tile came from, for this and every later chain (called on tile threads). */
    public synchronized void setListener(Consumer<TileOrigin> l) {
        listener = l;
        chain.setListener(l);
    }

    /** The chain the map draws from, and the window's exports. */
    public TileChain chain() { return chain; }

    /** The network policy; the "Online tiles" switch sets it. */
    public NetworkPolicy policy() { return policy; }

    /** The user's remembered switch and pack. */
    public OnlinePreference preferences() { return prefs; }

    /** The MBTiles pack in use, if any. */
    public Optional<Path> pack() { return Optional.ofNullable(packFile); }

    /** The MBTiles pack's own attribution, empty without a pack. */
    public String packAttribution() { return packAttribution; }

    /** The local basemap source. */
    public LocalTileSource local() { return local; }

    /** The threads that fetch the map's tiles. */
    public Executor pool() { return pool; }

    /** The thread that opens a chosen MBTiles pack (off the FX thread and off the worker). */
    public Executor packOpener() { return packOpener; }

    /** Stops the tile threads and closes the chain's files (the pack). */
    @Override
    public void close() {
        pool.shutdownNow();
        packOpener.shutdownNow();
        chain.close();
    }
}
