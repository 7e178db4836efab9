package org.sitmap.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * An MBTiles tile pack (SQLite: {@code metadata(name, value)}, {@code tiles(zoom_level, tile_column, tile_row,
 * tile_data)}), opened read-only — the usual offline tile pack, e.g. from QGIS "Generate XYZ tiles (MBTiles)".
 *
 * <p>MBTiles rows count from the south (TMS): {@link #tile(int, int, int)} takes slippy-map (XYZ) coordinates
 * with y from the north and flips them.
 *
 * <p>Threading: one connection, so the methods are synchronized; call from background threads only.
 */
public final class MbTilesFile implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final PreparedStatement select;

    private MbTilesFile(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    /** Opens {@code file} read-only; fails with a plain message when it is missing or not an MBTiles file. */
    public static MbTilesFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such MBTiles file");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            MbTilesFile tiles = new MbTilesFile(file, c);
            try {
                tiles.metadata(); // fails early when the tables are missing
            } catch (IOException e) {
                tiles.close();
                throw e;
            }
            return tiles;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IOException(file + ": not an MBTiles file (" + e.getMessage() + ")", e);
        }
    }

    public Path file() { return file; }

    /** The tile at slippy-map coordinates (y from the north), if the pack has it. */
    public synchronized Optional<byte[]> tile(int zoom, int x, int y) throws IOException {
        long rows = 1L << zoom;
        if (zoom < 0 || zoom > 30 || x < 0 || y < 0 || x >= rows || y >= rows) return Optional.empty();
        long tmsRow = rows - 1 - y;
        try {
            select.setInt(1, zoom);
            select.setInt(2, x);
            select.setLong(3, tmsRow);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException(file + ": cannot read tile " + zoom + "/" + x + "/" + y + ": " + e.getMessage(), e);
        }
    }

    /** Some tile of the pack (to tell its image format when the metadata does not say), if it has any. */
    public synchronized Optional<byte[]> anyTile() throws IOException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT tile_data FROM tiles LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IOException(file + ": not an MBTiles file (" + e.getMessage() + ")", e);
        }
    }

    /** The {@code metadata} table (name → value), e.g. name, format, attribution, minzoom, maxzoom. */
    public synchronized Map<String, String> metadata() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, value FROM metadata");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) m.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw new IOException(file + ": not an MBTiles file (" + e.getMessage() + ")", e);
        }
        return m;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do on close
        }
    }
}
