package org.sitmap.ui.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.render.basemap.BasemapPainter;
import org.sitmap.render.basemap.BasemapStyle;
import org.sitmap.tiles.LocalTileSource;
import org.sitmap.tiles.TestTiles;
import org.sitmap.tiles.TileChain;
import org.sitmap.tiles.TileImage;
import org.sitmap.tiles.TileOrigin;
import org.sitmap.tiles.TileSource;

/** The Gluon retriever never hands back a failed future, and --offline holds through the whole window path. */
class ChainTileRetrieverTest {
    private static final LocalTileSource LOCAL = new LocalTileSource(new BasemapPainter());
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by another test
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty("sitmap.tiles.url");
        ChainTileRetriever.attach(null);
    }

    private static TileSource serving(TileImage image, RuntimeException failure) {
        return new TileSource() {
            @Override public Optional<TileImage> tile(int z, int x, int y) throws IOException {
                if (failure != null) throw failure;
                return Optional.of(image);
            }

            @Override public TileOrigin origin() { return TileOrigin.MBTILES; }
        };
    }

    private static Image get(CompletableFuture<Image> f) throws Exception {
        Image image = f.get(30, TimeUnit.SECONDS);
        assertThat(f.isCompletedExceptionally()).isFalse();
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(256);
        return image;
    }

    @Test
    void aFailingSourceYieldsTheLocalTile() throws Exception {
        TileChain chain = new TileChain(List.of(serving(null, new IllegalStateException("boom"))), LOCAL);
        Image image = get(new ChainTileRetriever(() -> chain, DIRECT).loadTile(0, 0, 0));
        // tile 0/0/0 at (0, 0) is Arctic sea in the local basemap
        assertThat(image.getPixelReader().getArgb(2, 2)).isEqualTo(BasemapStyle.SEA.getRGB());
    }

    @Test
    void bytesThatDoNotDecodeYieldTheLocalTile() throws Exception {
        TileImage junk = TileImage.encoded(new byte[] {1, 2, 3, 4, 5}, TileOrigin.MBTILES);
        TileChain chain = new TileChain(List.of(serving(junk, null)), LOCAL);
        Image image = get(new ChainTileRetriever(() -> chain, DIRECT).loadTile(0, 0, 0));
        assertThat(image.getPixelReader().getArgb(2, 2)).isEqualTo(BasemapStyle.SEA.getRGB());
    }

    @Test
    void aDecodedTileIsShownAsServed() throws Exception {
        TileImage green = TileImage.encoded(TestTiles.png(Color.GREEN), TileOrigin.MBTILES);
        TileChain chain = new TileChain(List.of(serving(green, null)), LOCAL);
        Image image = get(new ChainTileRetriever(() -> chain, DIRECT).loadTile(3, 1, 1));
        assertThat(image.getPixelReader().getArgb(100, 100)).isEqualTo(Color.GREEN.getRGB());
    }

    @Test
    void evenABrokenChainOrARejectingExecutorCompletesNormally() throws Exception {
        ChainTileRetriever broken = new ChainTileRetriever(() -> { throw new IllegalStateException("no chain"); },
                DIRECT);
        get(broken.loadTile(2, 1, 1));
        ChainTileRetriever rejecting = new ChainTileRetriever(() -> new TileChain(List.of(), LOCAL),
                r -> { throw new RejectedExecutionException("shut down"); });
        get(rejecting.loadTile(2, 1, 1));
    }

    @Test
    void offlineFlagOpensNoConnectionThroughTheWindowPath() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        byte[] png = TestTiles.png(Color.ORANGE);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        server.start();
        try {
            System.setProperty("sitmap.tiles.url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png");
            OnlinePreference prefs = OnlinePreference.inMemory(true); // the remembered toggle says online
            MapTiles offline = new MapTiles(true, prefs, dir.resolve("cache-offline"));
            ChainTileRetriever.attach(offline);
            ChainTileRetriever retriever = new ChainTileRetriever();
            for (int x = 0; x < 4; x++) get(retriever.loadTile(2, x, 2));
            assertThat(requests.get()).isZero();
            offline.close();

            MapTiles online = new MapTiles(false, prefs, dir.resolve("cache-online")); // same path, online: wire is live
            ChainTileRetriever.attach(online);
            Image image = get(retriever.loadTile(2, 0, 2));
            assertThat(requests.get()).isEqualTo(1);
            assertThat(image.getPixelReader().getArgb(10, 10)).isEqualTo(Color.ORANGE.getRGB());
            online.close();
        } finally {
            server.stop(0);
        }
    }
}
