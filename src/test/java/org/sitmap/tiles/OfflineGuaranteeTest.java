package org.sitmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.render.basemap.BasemapPainter;

/**
 * Trip-wire: a tile server on 127.0.0.1 stands in for OpenStreetMap and records every request it sees. Offline
 * (forced by --offline, or switched off) it must see none; online it must see them (so the wire is live).
 */
class OfflineGuaranteeTest {
    private static final LocalTileSource LOCAL = new LocalTileSource(new BasemapPainter());
    private static final byte[] PNG = TestTiles.png(Color.ORANGE);

    @TempDir
    Path cacheDir;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " UA=" + exchange.getRequestHeaders()
                    .getFirst("User-Agent"));
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private TileChain chain(NetworkPolicy policy) {
        return new TileChain(List.of(new OsmTileSource(url, "trip", new TileCache(cacheDir), policy)), LOCAL);
    }

    @Test
    void forcedOfflineOpensNoConnectionEvenWhenSwitchedOn() {
        NetworkPolicy policy = NetworkPolicy.forcedOffline();
        policy.setOnline(true); // the window toggle cannot override --offline
        TileChain chain = chain(policy);
        for (int x = 0; x < 4; x++) assertThat(chain.tile(2, x, 1).origin()).isEqualTo(TileOrigin.LOCAL);
        assertThat(requests).isEmpty();
    }

    @Test
    void onlineFetchesOnceCachesAndOfflineServesTheCacheWithoutConnecting() {
        NetworkPolicy policy = NetworkPolicy.switchable(true);
        TileChain chain = chain(policy);
        TileImage first = chain.tile(5, 19, 12);
        assertThat(first.origin()).isEqualTo(TileOrigin.OPENSTREETMAP);
        assertThat(first.encoded()).isEqualTo(PNG);
        assertThat(requests).containsExactly("/5/19/12.png UA=" + OsmTileSource.USER_AGENT);

        assertThat(chain.tile(5, 19, 12).origin()).isEqualTo(TileOrigin.OPENSTREETMAP); // from the disk cache
        assertThat(requests).hasSize(1);

        policy.setOnline(false);
        assertThat(chain.tile(5, 19, 12).origin()).isEqualTo(TileOrigin.OPENSTREETMAP); // cached copy, no network
        assertThat(chain.tile(5, 20, 12).origin()).isEqualTo(TileOrigin.LOCAL);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aServerThatFailsFallsBackToTheLocalBasemap() {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        TileChain chain = chain(NetworkPolicy.switchable(true));
        assertThat(chain.tile(4, 9, 6).origin()).isEqualTo(TileOrigin.LOCAL);
        assertThat(requests).hasSize(1);
    }
}
