package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FilterSpec;

class DefaultStoreTest {
    @TempDir Path dir;

    @Test
    void theDefaultStoreFollowsXdg() {
        assertThat(StoreLocation.defaultStore(Map.of("XDG_DATA_HOME", "/data/u"), "/home/u"))
                .isEqualTo(Path.of("/data/u/sitmap/sitmap.gpkg"));
        assertThat(StoreLocation.defaultStore(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/sitmap/sitmap.gpkg"));
        assertThat(StoreLocation.defaultStore(Map.of("XDG_DATA_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/sitmap/sitmap.gpkg"));
    }

    @Test
    void aMissingDefaultStoreIsBuiltFromTheSeedsAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("share/sitmap/sitmap.gpkg");
        try (IncidentStore s = DefaultStore.openDefault(file)) {
            assertThat(s.count()).isPositive();
            assertThat(s.query(FilterSpec.ALL)).allSatisfy(i -> assertThat(i.sourceKey()).isNotBlank());
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".building"));
        }
        int before;
        try (IncidentStore s = DefaultStore.openDefault(file)) {
            before = s.count();
            assertThat(s.batches()).hasSize(DefaultStore.SEEDS.size());
        }
        try (IncidentStore s = DefaultStore.openDefault(file)) {
            assertThat(s.count()).isEqualTo(before);
        }
    }
}
