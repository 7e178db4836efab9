package org.sitmap.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A persistent disk cache of downloaded tiles: {@code ROOT/NAME/z/x/y.png}, written atomically (temporary file,
 * then move). Default root {@code $XDG_CACHE_HOME/sitmap/tiles}, else {@code ~/.cache/sitmap/tiles}. Thread-safe
 * (each tile is its own file; a half-written file is never visible).
 */
public final class TileCache {
    /**
     * A cached tile.
     *
     * @param bytes    the image bytes
     * @param modified when it was stored
     */
    public record Entry(byte[] bytes, Instant modified) {
        public boolean olderThan(Duration age, Instant now) {
            return modified.plus(age).isBefore(now);
        }
    }

    private final Path root;

    public TileCache(Path root) {
        this.root = root;
    }

    /** The default cache folder for tiles. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sitmap").resolve("tiles");
    }

    public Path root() { return root; }

    private Path file(String name, int z, int x, int y) {
        return root.resolve(name).resolve(Integer.toString(z)).resolve(Integer.toString(x)).resolve(y + ".png");
    }

    /** The cached tile, if any. */
    public Optional<Entry> get(String name, int z, int x, int y) throws IOException {
        Path f = file(name, z, x, y);
        if (!Files.isRegularFile(f)) return Optional.empty();
        return Optional.of(new Entry(Files.readAllBytes(f), Files.getLastModifiedTime(f).toInstant()));
    }

    /** Stores a tile (replacing an older one). */
    public void put(String name, int z, int x, int y, byte[] bytes) throws IOException {
        Path f = file(name, z, x, y);
        Files.createDirectories(f.getParent());
        Path tmp = Files.createTempFile(f.getParent(), "tile", ".part");
        try {
            Files.write(tmp, bytes);
            Files.setLastModifiedTime(tmp, FileTime.from(Instant.now()));
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
