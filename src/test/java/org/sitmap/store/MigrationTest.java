package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FilterSpec;
import org.sitmap.testutil.Fixtures;

class MigrationTest {
    @TempDir Path dir;

    @Test
    void aVersionOneStoreOpensWithTheCurrentCodeAndKeepsItsIncidents() {
        Path db = dir.resolve("old.gpkg");
        try (IncidentStore old = IncidentStore.open(db, 1)) {
            assertThat(old.schemaVersion()).isEqualTo(1);
            old.importAll(Fixtures.readerOf("f", Fixtures.arabic()), ImportOptions.DEFAULT, null);
        }
        try (IncidentStore now = IncidentStore.open(db)) {
            assertThat(now.schemaVersion()).isEqualTo(Migrations.CURRENT);
            assertThat(now.count()).isEqualTo(1);
            // the full-text index added by migration 2 covers rows written before it existed
            assertThat(now.searchText("كفرسجنة")).hasSize(1);
            assertThat(Fixtures.unstored(now.query(FilterSpec.ALL).get(0))).isEqualTo(Fixtures.arabic());
        }
    }
}
