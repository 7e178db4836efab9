package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreException;
import org.sitmap.testutil.Fixtures;

class MigrationTest {
    @TempDir Path dir;

    @Test
    void aVersionOneStoreOpensWithTheCurrentCodeAndKeepsItsIncidentsAndActors() throws Exception {
        Path db = dir.resolve("old.gpkg");
        try (IncidentStore old = IncidentStore.open(db, 1)) {
            assertThat(old.schemaVersion()).isEqualTo(1);
        }
        writeAsVersionOne(db, Fixtures.arabic(), Fixtures.unresolved());
        try (IncidentStore now = IncidentStore.open(db)) {
            assertThat(now.schemaVersion()).isEqualTo(Migrations.CURRENT);
            assertThat(now.count()).isEqualTo(2);
            // the full-text index (made by migration 2, made again by 3) covers rows written before it existed
            assertThat(now.searchText("كفرسجنة")).hasSize(1);
            // actors came over from the old actor table in their order, with their factions
            assertThat(now.query(FilterSpec.ALL)).map(Fixtures::unstored)
                    .containsExactly(Fixtures.unresolved(), Fixtures.arabic());
            assertThat(now.query(FilterSpec.ALL.withFactions(Set.of("RUS")))).map(Incident::sourceKey)
                    .containsExactly("test:kafr-sijnah");
            assertThat(now.query(FilterSpec.ALL.withFactions(Set.of("UNK", "TUR")))).map(Incident::sourceKey)
                    .containsExactly("test:unresolved");
            // the content hashes still match: the same incident imported again changes nothing
            ImportReport again = now.importAll(Fixtures.readerOf("again", Fixtures.arabic()), ImportOptions.DEFAULT, null);
            assertThat(again.skipped()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master"
                     + " WHERE tbl_name IN ('incident', 'incident_actor') AND type IN ('table', 'index')"
                     + " AND name NOT LIKE 'sqlite_%' ORDER BY name)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("incident incident_dates");
        }
    }

    @Test
    void aMigrationKeepsACopyOfTheOriginalUntilItHasCommittedThenRemovesIt() throws Exception {
        Path db = dir.resolve("v2.gpkg");
        IncidentStore.open(db, 2).close();
        Path copy = MigrationBackup.path(db, 2);
        try (IncidentStore now = IncidentStore.open(db)) {
            assertThat(now.schemaVersion()).isEqualTo(Migrations.CURRENT);
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void aMigrationThatFailsLeavesTheStoreAndTheCopyOfItAsTheyWere() throws Exception {
        Path db = dir.resolve("v2-broken.gpkg");
        IncidentStore.open(db, 2).close();
        // a table in the way of migration 3's new index makes that step fail
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE incident_dates (x)");
        }
        Path copy = MigrationBackup.path(db, 2);
        assertThatThrownBy(() -> IncidentStore.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("a copy of the store as it was is at " + copy);
        assertThat(copy).exists();
        for (Path p : new Path[] {db, copy}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT max(version) FROM sitmap_migration")) {
                rs.next();
                assertThat(rs.getInt(1)).as(p.toString()).isEqualTo(2);
            }
        }
    }

    @Test
    void aVersionThreeStoreGetsItsSpatialIndexLosesTheCoordinateColumnsAndKeepsItsPositions() throws Exception {
        Path db = dir.resolve("v3.gpkg");
        Incident day = Fixtures.simple("test:day", java.time.LocalDate.of(2019, 6, 5), "Saraqib", 35.86, 36.8, "SAA");
        writeAsVersionThree(db, Fixtures.arabic(), Fixtures.unresolved(), day);
        try (IncidentStore now = IncidentStore.open(db)) {
            assertThat(now.schemaVersion()).isEqualTo(Migrations.CURRENT);
            assertThat(now.query(FilterSpec.ALL)).map(Fixtures::unstored)
                    .containsExactly(Fixtures.unresolved(), day, Fixtures.arabic());
            assertThat(now.importAll(Fixtures.readerOf("again", day, Fixtures.arabic()), ImportOptions.DEFAULT, null)
                    .skipped()).isEqualTo(2);
        }
        try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
            assertThat(SpatialIndexTest.rtree(c)).isEqualTo(SpatialIndexTest.geometries(c)).hasSize(2);
            assertThat(SpatialIndexTest.triggers(c)).hasSize(6);
            try (ResultSet rs = st.executeQuery("SELECT group_concat(name, ' ') FROM pragma_table_info('incident')"
                    + " WHERE name IN ('latitude', 'longitude', 'geom')")) {
                assertThat(rs.getString(1)).isEqualTo("geom");
            }
            // the last possible day: the date itself, the end of the month for a month-precise event
            try (ResultSet rs = st.executeQuery("SELECT group_concat(source_key || '=' || end_date, ' ') FROM"
                    + " (SELECT * FROM incident ORDER BY fid)")) {
                assertThat(rs.getString(1)).isEqualTo("test:kafr-sijnah=2020-06-30 test:unresolved=2019-03-02"
                        + " test:day=2019-06-05");
            }
            try (ResultSet rs = st.executeQuery("SELECT mime_type FROM gpkg_data_columns WHERE table_name = 'incident'"
                    + " AND column_name = 'actors'")) {
                assertThat(rs.getString(1)).isEqualTo("application/json");
            }
            try (ResultSet rs = st.executeQuery("SELECT group_concat(table_name || ':' || data_type, ' ') FROM"
                    + " (SELECT * FROM gpkg_contents ORDER BY table_name)")) {
                assertThat(rs.getString(1)).isEqualTo("import_batch:attributes incident:features place:features");
            }
            try (ResultSet rs = st.executeQuery("SELECT group_concat(name || ' ' || ST_MinX(geom) || ' ' ||"
                    + " ST_MinY(geom), '; ') FROM (SELECT * FROM place ORDER BY ST_MinX(geom))")) {
                assertThat(rs.getString(1)).isEqualTo("كفرسجنة 36.5896 35.5279; Saraqib 36.8 35.86");
            }
        }
    }

    @Test
    void aSpatialIndexMadeByGdalBeforeTheMigrationIsKept() throws Exception {
        Path db = dir.resolve("gdal.gpkg");
        writeAsVersionThree(db, Fixtures.arabic());
        try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
            SpatialIndex.create(c);
            st.execute("DROP TRIGGER rtree_incident_geom_update1");
        }
        try (IncidentStore now = IncidentStore.open(db)) {
            now.importAll(Fixtures.readerOf("new", Fixtures.unresolved().toBuilder().position(34.0, 38.0).build()),
                    ImportOptions.DEFAULT, null);
        }
        try (Connection c = SpatialIndexTest.raw(db)) {
            assertThat(SpatialIndexTest.triggers(c)).hasSize(5).doesNotContain("rtree_incident_geom_update1");
            assertThat(SpatialIndexTest.rtree(c)).isEqualTo(SpatialIndexTest.geometries(c)).hasSize(2);
        }
    }

    /**
     * Makes a store of schema version 3 holding {@code incidents} as version 3 wrote them: coordinates in columns
     * beside the geometry, no end date for events without a range, the gazetteer with coordinate columns.
     */
    private static void writeAsVersionThree(Path db, Incident... incidents) throws Exception {
        try (IncidentStore old = IncidentStore.open(db, 3)) {
            assertThat(old.schemaVersion()).isEqualTo(3);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement batch = c.prepareStatement("INSERT INTO import_batch(file, format, started)"
                     + " VALUES ('old.geojson', 'geojson', '2026-11-01T00:00:00Z')");
             PreparedStatement row = c.prepareStatement("INSERT INTO incident(geom, source_key, event_date,"
                     + " date_precision, end_date, span_end, place, admin1, country, latitude, longitude,"
                     + " geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
                     + " batch_id, faction_codes, content_hash, actors) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)");
             PreparedStatement place = c.prepareStatement("INSERT INTO place(name, latitude, longitude, source)"
                     + " VALUES (?, ?, ?, 'old.geojson')")) {
            batch.executeUpdate();
            for (Incident i : incidents) {
                IncidentBinding.Row r = IncidentBinding.Row.of(i, new org.sitmap.store.IncidentValues(org.sitmap.model.FactionCatalog.shipped()));
                Object[] values = {r.geom(), i.sourceKey(), r.date(), i.datePrecision().code(), i.endDate() == null ? null : i.endDate().toString(),
                        r.spanEnd(), i.place(), i.admin1(), i.country(), i.located() ? i.latitude() : null,
                        i.located() ? i.longitude() : null, i.geoPrecision().code(), i.eventType().label(),
                        i.subEventType() == null ? null : i.subEventType().label(), i.fatalities(), i.summary(),
                        i.source(), i.origin(), i.evidence(), r.factions(), r.hash(), r.actors()};
                for (int k = 0; k < values.length; k++) row.setObject(k + 1, values[k]);
                row.executeUpdate();
                if (i.located()) {
                    place.setString(1, i.place());
                    place.setDouble(2, i.latitude());
                    place.setDouble(3, i.longitude());
                    place.executeUpdate();
                }
            }
        }
    }

    /** Writes incidents with plain SQL into the tables of schema version 1, as Sitmap 0.1 stored them. */
    private static void writeAsVersionOne(Path db, Incident... incidents) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement batch = c.prepareStatement("INSERT INTO import_batch(file, format, started)"
                     + " VALUES ('old.geojson', 'geojson', '2026-01-01T00:00:00Z')");
             PreparedStatement row = c.prepareStatement("INSERT INTO incident(geom, source_key, event_date,"
                     + " date_precision, end_date, span_end, place, admin1, country, latitude, longitude,"
                     + " geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
                     + " batch_id, faction_codes, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)");
             PreparedStatement actor = c.prepareStatement("INSERT INTO incident_actor(incident_fid, ord, name,"
                     + " faction_code) VALUES (last_insert_rowid(), ?, ?, ?)")) {
            batch.executeUpdate();
            for (Incident i : incidents) {
                IncidentBinding.Row r = IncidentBinding.Row.of(i, new org.sitmap.store.IncidentValues(org.sitmap.model.FactionCatalog.shipped()));
                Object[] values = {r.geom(), i.sourceKey(), r.date(), i.datePrecision().code(), i.endDate() == null ? null : i.endDate().toString(),
                        r.spanEnd(), i.place(), i.admin1(), i.country(), i.located() ? i.latitude() : null,
                        i.located() ? i.longitude() : null, i.geoPrecision().code(), i.eventType().label(),
                        i.subEventType() == null ? null : i.subEventType().label(), i.fatalities(), i.summary(),
                        i.source(), i.origin(), i.evidence(), r.factions(), r.hash()};
                for (int k = 0; k < values.length; k++) row.setObject(k + 1, values[k]);
                row.executeUpdate();
                // actors written in reverse so that only their ord gives their order
                for (int k = i.actors().size() - 1; k >= 0; k--) {
                    actor.setInt(1, k);
                    actor.setString(2, i.actors().get(k).name());
                    actor.setString(3, i.actors().get(k).factionCode());
                    actor.executeUpdate();
                }
            }
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
