package org.sitmap.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FilterSpec;
import org.sitmap.store.gpkg.IncidentStore;

class DefaultStoreTest {
    @TempDir Path dir;

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
