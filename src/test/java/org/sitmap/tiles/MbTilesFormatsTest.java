package org.sitmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.render.Raster;

/**
 * WebP raster packs draw; vector packs are refused with a message. {@code red.webp} (252 bytes, a 256-pixel red
 * square) was made with GDAL: {@code gdal_translate -of WEBP -co QUALITY=50 red.png red.webp}.
 */
class MbTilesFormatsTest {
    @TempDir Path dir;

    private static byte[] webp() throws IOException {
        try (InputStream in = MbTilesFormatsTest.class.getResourceAsStream("red.webp")) {
            return in.readAllBytes();
        }
    }

    private static void assertRed(TileImage t) {
        assertThat(t.raster()).as("a WebP tile is decoded into a raster").isNotNull();
        Raster r = t.raster();
        int argb = r.pixels()[128 * r.width() + 128];
        assertThat((argb >>> 24) & 0xff).isEqualTo(255);
        assertThat((argb >> 16) & 0xff).isGreaterThan(180);
        assertThat((argb >> 8) & 0xff).isLessThan(90);
    }

    @Test
    void webpTilesAreDecoded() throws Exception {
        Path pack = TestTiles.writeMbTiles(dir.resolve("w.mbtiles"), 3, 4, 2, webp());
        try (MbTilesSource s = MbTilesSource.open(pack)) {
            Optional<TileImage> t = s.tile(3, 4, 2);
            assertThat(t).isPresent();
            assertRed(t.get());
        }
        Path broken = TestTiles.writeMbTiles(dir.resolve("b.mbtiles"), 3, 4, 2,
                "RIFF\0\0\0\0WEBPVP8 garbage".getBytes(StandardCharsets.ISO_8859_1));
        try (MbTilesSource s = MbTilesSource.open(broken)) {
            assertThat(s.tile(3, 4, 2)).isEmpty();
        }
        Path png = TestTiles.writeMbTiles(dir.resolve("p.mbtiles"), 3, 4, 2, TestTiles.png(Color.RED));
        try (MbTilesSource s = MbTilesSource.open(png)) {
            assertThat(s.tile(3, 4, 2).orElseThrow().encoded()).isNotNull();
        }
    }

    @Test
    void vectorPacksAreRefusedNamingTheFormat() throws Exception {
        Path pbf = TestTiles.writeMbTiles(dir.resolve("v.mbtiles"), 0, 0, 0, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pbf.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("UPDATE metadata SET value = 'pbf' WHERE name = 'format'");
        }
        assertThatThrownBy(() -> MbTilesSource.open(pbf)).isInstanceOf(IOException.class)
                .hasMessage(pbf + ": vector tiles are not supported; use a raster PNG/JPEG/WebP pack (format=pbf)");
        Path unnamed = TestTiles.writeMbTiles(dir.resolve("u.mbtiles"), 0, 0, 0, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + unnamed.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM metadata WHERE name = 'format'");
        }
        assertThatThrownBy(() -> MbTilesSource.open(unnamed)).isInstanceOf(IOException.class)
                .hasMessageContaining("vector tiles are not supported");
    }

    @Test
    void packsWrittenByGdal() throws Exception {
        assumeTrue(onPath("gdal_translate") && onPath("ogr2ogr"), "GDAL (gdal-bin) is not installed");
        Path png = dir.resolve("red.png");
        javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(TestTiles.png(Color.RED))),
                "png", png.toFile());
        Path webpPack = dir.resolve("webp.mbtiles");
        run("gdal_translate", "-q", "-of", "MBTILES", "-a_srs", "EPSG:3857", "-a_ullr", "0", "20037508", "20037508", "0",
                "-co", "TILE_FORMAT=WEBP", png.toString(), webpPack.toString());
        try (MbTilesSource s = MbTilesSource.open(webpPack)) {
            assertRed(s.tile(1, 1, 0).orElseThrow());
        }
        Path geojson = dir.resolve("p.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"a\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.5,35.5]}}]}");
        Path vector = dir.resolve("vector.mbtiles");
        run("ogr2ogr", "-q", "-f", "MVT", vector.toString(), geojson.toString(), "-dsco", "FORMAT=MBTILES",
                "-dsco", "MAXZOOM=2");
        assertThatThrownBy(() -> MbTilesSource.open(vector)).isInstanceOf(IOException.class)
                .hasMessageContaining("vector tiles are not supported; use a raster PNG/JPEG/WebP pack");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
