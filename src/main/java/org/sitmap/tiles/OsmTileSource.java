package org.sitmap.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * OpenStreetMap (or any XYZ server) tiles behind a persistent {@link TileCache}. A fresh cached tile is served
 * without connecting; the server is asked only when the {@link NetworkPolicy} allows it, checked right before
 * every request (so offline mode opens no connection, and then serves what the cache holds, even stale). Polite
 * to the server: an identifying User-Agent, at most {@value #MAX_CONNECTIONS} requests at once, tiles kept
 * {@link #FRESH} before asking again, and a pause of {@link #BACKOFF} after repeated failures.
 *
 * <p>Thread-safe: called from the tile threads.
 */
public final class OsmTileSource implements TileSource {
    public static final String DEFAULT_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String USER_AGENT = "Sitmap/0.1 (offline-capable incident map viewer; Java)";
    static final int MAX_CONNECTIONS = 2;
    static final Duration FRESH = Duration.ofDays(7);
    static final Duration BACKOFF = Duration.ofSeconds(60);
    private static final int MAX_ZOOM = 19;
    private static final Logger LOG = Logger.getLogger(OsmTileSource.class.getName());

    private final String urlTemplate;
    private final String cacheName;
    private final TileCache cache;
    private final NetworkPolicy policy;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Object lock = new Object();
    private HttpClient client;
    private int failures;
    private Instant pausedUntil = Instant.MIN;

    /**
     * @param urlTemplate server URL with {z}, {x}, {y}
     * @param cacheName   folder name under the cache root (one per server)
     * @param cache       the disk cache
     * @param policy      checked before every connection
     */
    public OsmTileSource(String urlTemplate, String cacheName, TileCache cache, NetworkPolicy policy) {
        this.urlTemplate = urlTemplate;
        this.cacheName = cacheName;
        this.cache = cache;
        this.policy = policy;
    }

    /**
     * The OpenStreetMap standard tile server, or the XYZ server named by the system property
     * {@code sitmap.tiles.url} (a template with {z}, {x}, {y}; its tiles are cached in their own folder).
     */
    public static OsmTileSource openStreetMap(TileCache cache, NetworkPolicy policy) {
        String url = System.getProperty("sitmap.tiles.url", "").strip();
        if (url.isEmpty()) return new OsmTileSource(DEFAULT_URL, "osm", cache, policy);
        return new OsmTileSource(url, "custom-" + Integer.toHexString(url.hashCode()), cache, policy);
    }

    @Override
    public Optional<TileImage> tile(int z, int x, int y) throws IOException {
        if (z < 0 || z > MAX_ZOOM || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) return Optional.empty();
        Optional<TileCache.Entry> cached = cache.get(cacheName, z, x, y);
        if (cached.isPresent() && !cached.get().olderThan(FRESH, Instant.now())) return wrap(cached.get().bytes());
        if (!policy.allowsNetwork() || paused()) return cached.map(TileCache.Entry::bytes).flatMap(this::wrap);
        try {
            byte[] bytes = download(z, x, y);
            if (bytes == null) return cached.map(TileCache.Entry::bytes).flatMap(this::wrap);
            cache.put(cacheName, z, x, y, bytes);
            return wrap(bytes);
        } catch (IOException e) {
            if (cached.isPresent()) {
                LOG.fine(() -> "tile " + z + "/" + x + "/" + y + ": " + e.getMessage() + "; serving the stale copy");
                return wrap(cached.get().bytes());
            }
            throw e;
        }
    }

    private Optional<TileImage> wrap(byte[] bytes) {
        return Optional.of(TileImage.encoded(bytes, TileOrigin.OPENSTREETMAP));
    }

    private boolean paused() {
        synchronized (lock) {
            return Instant.now().isBefore(pausedUntil);
        }
    }

    /** The tile's bytes, null when the server has none (404); IOException on failure. */
    private byte[] download(int z, int x, int y) throws IOException {
        String url = urlTemplate.replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y));
        try {
            connections.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting to fetch " + url, e);
        }
        try {
            policy.checkAllowed(url); // checked again: the user may have gone offline while this thread waited
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("User-Agent", USER_AGENT).GET().build();
            HttpResponse<byte[]> response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) return null;
            if (response.statusCode() != 200 || response.body().length == 0) {
                throw new IOException(url + ": HTTP " + response.statusCode());
            }
            synchronized (lock) {
                failures = 0;
            }
            return response.body();
        } catch (NetworkPolicy.OfflineException e) {
            throw e;
        } catch (IOException e) {
            noteFailure();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted fetching " + url, e);
        } finally {
            connections.release();
        }
    }

    private void noteFailure() {
        synchronized (lock) {
            if (++failures >= 3) {
                pausedUntil = Instant.now().plus(BACKOFF);
                failures = 0;
                LOG.info("tile server failing; pausing downloads for " + BACKOFF.toSeconds() + " s");
            }
        }
    }

    private HttpClient client() {
        synchronized (lock) {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(8))
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
            }
            return client;
        }
    }

    @Override
    public TileOrigin origin() { return TileOrigin.OPENSTREETMAP; }
}
