package org.sitmap.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Tiles from a user-chosen MBTiles pack (opened read-only): PNG and JPEG tiles as they are, WebP tiles decoded
 * into rasters ({@link TileFormats}); a vector pack is refused when opened. Thread-safe; close it when replaced.
 */
public final class MbTilesSource implements TileSource, AutoCloseable {
    private final MbTilesFile file;
    private final String attribution;

    private MbTilesSource(MbTilesFile file, String attribution) {
        this.file = file;
        this.attribution = attribution;
    }

    /** Opens a pack; IOException with a plain message when it is missing or not MBTiles. */
    public static MbTilesSource open(Path path) throws IOException {
        MbTilesFile f = MbTilesFile.open(path);
        String attribution;
        try {
            Map<String, String> meta = f.metadata();
            String refused = TileFormats.refusal(meta.get("format"), f.anyTile().orElse(null));
            if (refused != null) throw new IOException(path + ": " + refused);
            attribution = meta.getOrDefault("attribution", meta.getOrDefault("name", path.getFileName().toString()));
        } catch (IOException e) {
            f.close();
            throw e;
        }
        return new MbTilesSource(f, attribution.replaceAll("<[^>]*>", "").strip());
    }

    @Override
    public Optional<TileImage> tile(int z, int x, int y) throws IOException {
        Optional<byte[]> bytes = file.tile(z, x, y);
        if (bytes.isPresent() && TileFormats.isWebp(bytes.get())) {
            // JavaFX cannot decode WebP: decoded here (ImageIO, TwelveMonkeys), a tile that does not decode is none
            return Optional.ofNullable(TileFormats.decodeWebp(bytes.get())).map(r -> TileImage.drawn(r, TileOrigin.MBTILES));
        }
        return bytes.map(b -> TileImage.encoded(b, TileOrigin.MBTILES));
    }

    @Override
    public TileOrigin origin() { return TileOrigin.MBTILES; }

    /** The pack's own attribution (metadata "attribution", else its name). */
    public String attribution() { return attribution; }

    public Path path() { return file.file(); }

    @Override
    public void close() { file.close(); }
}
