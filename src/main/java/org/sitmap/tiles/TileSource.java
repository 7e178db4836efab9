package org.sitmap.tiles;

import java.io.IOException;
import java.util.Optional;

/**
 * Something that may have a slippy-map tile (zoom z, column x, row y from the north). Implementations must be
 * safe to call from several threads.
 */
public interface TileSource {
    /** The tile, or empty when this source has none (not an error); IOException when it failed trying. */
    Optional<TileImage> tile(int z, int x, int y) throws IOException;

    /** Which kind of source this is. */
    TileOrigin origin();
}
