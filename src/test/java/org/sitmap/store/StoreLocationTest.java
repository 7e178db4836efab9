package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {
    @Test
    void theDefaultStoreFollowsXdg() {
        assertThat(StoreLocation.defaultStore(Map.of("XDG_DATA_HOME", "/data/u"), "/home/u"))
                .isEqualTo(Path.of("/data/u/sitmap/sitmap.gpkg"));
        assertThat(StoreLocation.defaultStore(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/sitmap/sitmap.gpkg"));
        assertThat(StoreLocation.defaultStore(Map.of("XDG_DATA_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/sitmap/sitmap.gpkg"));
    }
}
