package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aStoreFromANewerSitmapOrAnotherFileIsRefusedWithAPlainMessage() throws Exception {
        Path db = dir.resolve("future.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.count()).isZero();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("INSERT INTO sitmap_migration(version) VALUES (99)");
        }
        assertThatThrownBy(() -> IncidentStore.open(db)).isInstanceOf(org.sitmap.model.InputException.class)
                .hasMessage(db + ": the store has schema version 99 but this Sitmap knows only " + Migrations.CURRENT
                        + "; use a newer Sitmap");
        Path text = org.sitmap.testutil.Fixtures.write(dir.resolve("notes.gpkg"), "just some text, not a database");
        assertThatThrownBy(() -> IncidentStore.open(text)).isInstanceOf(org.sitmap.model.InputException.class)
                .hasMessageContaining("not a Sitmap store");
    }

    @Test
    void someoneElsesSqliteFileIsLeftAlone() throws Exception {
        Path other = dir.resolve("other.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other); var st = c.createStatement()) {
            st.execute("CREATE TABLE notes(x)");
        }
        assertThatThrownBy(() -> IncidentStore.open(other)).isInstanceOf(org.sitmap.model.InputException.class)
                .hasMessageStartingWith(other + ": not a Sitmap store");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
