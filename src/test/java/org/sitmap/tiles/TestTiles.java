package org.sitmap.tiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.imageio.ImageIO;

/** Fixtures for tile tests: small PNGs and MBTiles packs written by the tests themselves. */
public final class TestTiles {
    private TestTiles() { }

    /** A 256-pixel PNG filled with one colour. */
    public static byte[] png(Color colour) {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes an MBTiles pack holding one tile at XYZ {@code z/x/y} (stored with its TMS row), with a name and an
     * attribution in its metadata.
     */
    public static Path writeMbTiles(Path file, int z, int x, int y, byte[] data) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                    + "tile_data BLOB)");
            st.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            st.execute("INSERT INTO metadata VALUES ('name', 'test pack'), ('format', 'png'), "
                    + "('attribution', '<a href=\"x\">Test Tiles</a>')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, z);
                ps.setInt(2, x);
                ps.setInt(3, (1 << z) - 1 - y);
                ps.setBytes(4, data);
                ps.executeUpdate();
            }
        }
        return file;
    }
}
