package org.sitmap.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.Element;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.Viewport;
import org.sitmap.tiles.TestTiles;
import org.sitmap.ui.map.tiles.MapTiles;
import org.sitmap.ui.map.tiles.OnlinePreference;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

/**
 * A window export draws with the map's tiles: the "Online tiles" switch decides whether OpenStreetMap is asked (not
 * the {@code --offline} flag, which is off here), and the MBTiles pack the analyst chose is drawn.
 */
class ExportTilesTest {
    @TempDir Path dir;
    private Workspace workspace;

    @AfterEach
    void tearDown() {
        System.clearProperty("sitmap.tiles.url");
        if (workspace != null) workspace.close();
    }

    /** The view on screen: central Syria at zoom 7, exported at its own size with no elements over the map. */
    private ExportViewModel viewModel(MapTiles tiles) {
        workspace = TestWorkspace.onStore(dir.resolve("s.gpkg"), tiles);
        ExportViewModel vm = new ExportViewModel(workspace);
        vm.sizeProperty().set(ExportViewModel.Size.SCREEN);
        for (Element e : Element.values()) if (e != Element.MARKING) vm.shownProperty(e).set(false);
        return vm;
    }

    private SnapshotSpec spec(ExportViewModel vm) {
        return vm.spec(new Viewport(35.0, 38.5, 7, 400, 300), workspace.session().filterProperty().get(),
                IncidentPainter.Mode.AUTO);
    }

    private static int centre(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xffffff;
    }

    @Test
    void theOnlineSwitchDecidesWhetherTheExportFetchesTiles() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        byte[] orange = TestTiles.png(Color.ORANGE);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, orange.length);
            exchange.getResponseBody().write(orange);
            exchange.close();
        });
        server.start();
        try {
            System.setProperty("sitmap.tiles.url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png");
            // not started with --offline; the switch is off
            MapTiles tiles = new MapTiles(false, OnlinePreference.inMemory(false), dir.resolve("cache"));
            ExportViewModel vm = viewModel(tiles);
            assertThat(vm.commandLine(spec(vm), Path.of("map.png"))).contains("--offline");
            Path off = dir.resolve("off.png");
            vm.exportMap(spec(vm), off);
            assertThat(vm.messageProperty().get()).contains("written");
            assertThat(requests).as("no tile is fetched while the switch is off").hasValue(0);
            assertThat(centre(off)).isNotEqualTo(Color.ORANGE.getRGB() & 0xffffff);

            tiles.policy().setOnline(true);   // what the "Online tiles" switch does
            assertThat(vm.commandLine(spec(vm), Path.of("map.png"))).doesNotContain("--offline");
            Path on = dir.resolve("on.png");
            vm.exportMap(spec(vm), on);
            assertThat(vm.messageProperty().get()).contains("written");
            assertThat(requests.get()).isPositive();
            assertThat(centre(on)).isEqualTo(Color.ORANGE.getRGB() & 0xffffff);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theChosenPackIsDrawnAndNamedOnTheCommandLine() throws Exception {
        Path pack = magentaPack(dir.resolve("pack.mbtiles"));
        OnlinePreference prefs = OnlinePreference.inMemory(false);
        MapTiles tiles = new MapTiles(false, prefs, dir.resolve("cache"));
        tiles.useMbTiles(pack);   // File → tile pack, as the tile bar does it
        ExportViewModel vm = viewModel(tiles);
        assertThat(vm.commandLine(spec(vm), Path.of("map.png"))).contains("--mbtiles " + pack);
        Path out = dir.resolve("pack.png");
        vm.exportMap(spec(vm), out);
        assertThat(vm.messageProperty().get()).contains("written");
        assertThat(centre(out)).isEqualTo(Color.MAGENTA.getRGB() & 0xffffff);
    }

    /** A pack of magenta tiles over Syria and around, zooms 0 to 9. */
    private static Path magentaPack(Path file) throws Exception {
        byte[] png = TestTiles.png(Color.MAGENTA);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            st.execute("INSERT INTO metadata VALUES ('name', 'magenta'), ('format', 'png'), ('attribution', 'Test')");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                for (int z = 0; z <= 9; z++) {
                    int n = 1 << z;
                    int x0 = (int) Math.floor((30 + 180) / 360.0 * n), x1 = (int) Math.floor((46 + 180) / 360.0 * n);
                    int y0 = tileY(40, n), y1 = tileY(30, n);
                    for (int x = x0; x <= x1; x++) {
                        for (int y = y0; y <= y1; y++) {
                            ps.setInt(1, z);
                            ps.setInt(2, x);
                            ps.setInt(3, n - 1 - y);   // TMS rows
                            ps.setBytes(4, png);
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return file;
    }

    private static int tileY(double lat, int n) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    }
}
