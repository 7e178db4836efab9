package org.sitmap.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.sitmap.store.MbTilesFile;

/** Tiles from a user-chosen MBTiles pack (opened read-only). Thread-safe; close it when replaced. */
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
            attribution = meta.getOrDefault("attribution", meta.getOrDefault("name", path.getFileName().toString()));
        } catch (IOException e) {
            f.close();
            throw e;
        }
        return new MbTilesSource(f, attribution.replaceAll("<[^>]*>", "").strip());
    }

    @Override
    public Optional<TileImage> tile(int z, int x, int y) throws IOException {
        return file.tile(z, x, y).map(b -> TileImage.encoded(b, TileOrigin.MBTILES));
    }

    @Override
    public TileOrigin origin() { return TileOrigin.MBTILES; }

    /** The pack's own attribution (metadata "attribution", else its name). */
    public String attribution() { return attribution; }

    public Path path() { return file.file(); }

    @Override
    public void close() { file.close(); }
}
