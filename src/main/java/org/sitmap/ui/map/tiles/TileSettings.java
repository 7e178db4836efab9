package org.sitmap.ui.map.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.sitmap.render.basemap.BasemapPainter;
import org.sitmap.tiles.LocalTileSource;
import org.sitmap.tiles.MbTilesSource;
import org.sitmap.tiles.NetworkPolicy;
import org.sitmap.tiles.TileCache;
import org.sitmap.tiles.TileChain;

/**
 * The tile chain the map uses. Gluon creates {@link ChainTileRetriever} through ServiceLoader, so it cannot be
 * handed its chain: it reads it from here. Until {@link #configure} is called the chain is the local basemap
 * only, with the network forbidden — so a window that forgets to configure stays offline rather than online.
 * MainWindow calls {@link #configure} once at startup, before the map view is created.
 *
 * <p>Thread-safe: the fields are volatile and replaced whole; configure may be called from any thread (it opens
 * the MBTiles file, so prefer a background thread when a pack is given).
 */
public final class TileSettings {
    private static final Logger LOG = Logger.getLogger(TileSettings.class.getName());
    private static final LocalTileSource LOCAL = new LocalTileSource(BasemapPainter.shared());
    private static volatile NetworkPolicy policy = NetworkPolicy.forcedOffline();
    private static volatile TileChain chain = new TileChain(List.of(), LOCAL);
    private static volatile String packAttribution = "";
    private static volatile java.util.function.Consumer<org.sitmap.tiles.TileOrigin> listener;

    private TileSettings() { }

    /**
     * Sets up the chain for the window.
     *
     * @param forcedOffline true for {@code --offline}: no network connection, whatever the toggle says
     * @param prefs         remembered online toggle and MBTiles pack
     * @param cacheRoot     tile cache folder ({@link TileCache#defaultRoot()} in production)
     * @return a message for the user when the remembered MBTiles pack could not be opened, else null
     */
    public static synchronized String configure(boolean forcedOffline, OnlinePreference prefs, Path cacheRoot) {
        NetworkPolicy p = forcedOffline ? NetworkPolicy.forcedOffline() : NetworkPolicy.switchable(prefs.online());
        String problem = null;
        MbTilesSource pack = null;
        if (prefs.mbTiles().isPresent()) {
            try {
                pack = MbTilesSource.open(prefs.mbTiles().get());
            } catch (IOException e) {
                problem = e.getMessage() + " — using the other tile sources";
                LOG.warning(problem);
            }
        }
        install(TileChain.standard(pack, new TileCache(cacheRoot), p, LOCAL), p,
                pack == null ? "" : pack.attribution());
        return problem;
    }

    /**
     * Production setup: user preferences and the default cache folder. The system property
     * {@code sitmap.offline=true} forces offline too (for test runs that open the window).
     */
    public static String configure(boolean forcedOffline) {
        boolean offline = forcedOffline || Boolean.getBoolean("sitmap.offline");
        return configure(offline, OnlinePreference.userPreferences(), TileCache.defaultRoot());
    }

    /** Replaces the MBTiles pack (null removes it), keeping the policy; IOException with a plain message. */
    public static synchronized void useMbTiles(Path file, OnlinePreference prefs, Path cacheRoot) throws IOException {
        MbTilesSource pack = file == null ? null : MbTilesSource.open(file);
        prefs.setMbTiles(file);
        install(TileChain.standard(pack, new TileCache(cacheRoot), policy, LOCAL), policy,
                pack == null ? "" : pack.attribution());
    }

    /** Installs a chain directly (tests, or a custom setup). */
    public static synchronized void install(TileChain newChain, NetworkPolicy newPolicy, String attribution) {
        TileChain old = chain;
        chain = newChain;
        policy = newPolicy;
        packAttribution = attribution == null ? "" : attribution;
        newChain.setListener(listener);
        if (old != newChain) old.close();
    }

    /** Who hears where each tile came from, for this and every later chain (called on tile threads). */
    public static synchronized void setListener(java.util.function.Consumer<org.sitmap.tiles.TileOrigin> l) {
        listener = l;
        chain.setListener(l);
    }

    public static TileChain chain() { return chain; }

    public static NetworkPolicy policy() { return policy; }

    /** The MBTiles pack's own attribution, empty without a pack. */
    public static String packAttribution() { return packAttribution; }

    /** The local basemap source (for anything that needs a tile drawn without the chain). */
    public static LocalTileSource local() { return LOCAL; }
}
