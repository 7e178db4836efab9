package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** {@code sitmap check} on whole stores and on stores damaged in ways SQLite's own check does not see. */
class StoreCheckTest {
    @TempDir Path dir;

    private Path store(String name) throws Exception {
        Path db = dir.resolve(name);
        Path csv = Fixtures.write(dir.resolve(name + ".csv"), EventFiles.acledGenerated(200));
        try (IncidentStore s = IncidentStore.open(db);
             IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), s.factions())) {
            s.importAll(r, ImportOptions.DEFAULT, null);
        }
        return db;
    }

    @Test
    void aWholeStoreIsHealthyAndTheCheckChangesNoByte() throws Exception {
        Path db = store("whole.gpkg");
        String before = StoreAccessTest.sha256(db);
        StoreCheck.Report r = StoreCheck.run(db, false);
        assertThat(r.findings()).isEmpty();
        assertThat(r.healthy()).isTrue();
        assertThat(r.describe()).startsWith(db + ": healthy").contains("ok: full-text index matches the incident rows")
                .contains("ok: every incident (200) reads into the in-memory index").doesNotContain("What to do");
        assertThat(StoreAccessTest.sha256(db)).isEqualTo(before);
    }

    @Test
    void aFullTextIndexOutOfStepWithTheRowsIsFound() throws Exception {
        Path db = store("fts.gpkg");
        // a connection that writes incident rows needs the functions the R-tree triggers call (as in GDAL)
        try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER incident_fts_au");
            st.execute("UPDATE incident SET summary = 'changed behind the index' WHERE fid = 7");
        }
        StoreCheck.Report r = StoreCheck.run(db, false);
        assertThat(r.healthy()).isFalse();
        assertThat(r.findings()).anyMatch(f -> f.startsWith("the full-text index does not match the incident rows"));
        assertThat(StoreCheck.run(db, true).healthy()).as("the quick form does not look at the full-text index").isTrue();
    }

    @Test
    void missingGeoPackageMetadataIsFound() throws Exception {
        Path db = store("gpkg.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("DELETE FROM gpkg_geometry_columns");
        }
        StoreCheck.Report r = StoreCheck.run(db, true);
        assertThat(r.healthy()).isFalse();
        assertThat(r.findings()).containsExactly("GeoPackage: gpkg_geometry_columns has no row for the incident table");
    }

    @Test
    void aReadOnlyStoreIsCheckedExceptForItsFullTextIndex() throws Exception {
        Path db = store("ro.gpkg");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try {
            StoreCheck.Report r = StoreCheck.run(db, false);
            assertThat(r.healthy()).isTrue();
            assertThat(r.passed()).contains("full-text index not checked: the store is read-only (check a copy of it"
                    + " for that)");
        } finally {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aFileThatIsNotAnSqliteDatabaseIsRefusedPlainly() throws Exception {
        Path junk = Fixtures.write(dir.resolve("junk.gpkg"), "hello, not a database");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoreCheck.run(junk, false))
                .hasMessage(junk + ": not a Sitmap store (not an SQLite file)");
    }
}
