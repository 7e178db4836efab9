package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.BBox;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.Fixtures;

class IncidentStoreTest {
    @TempDir Path dir;

    @Test
    void createsAnEmptyStoreWithTheCurrentSchema() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("new.gpkg"))) {
            assertThat(s.count()).isZero();
            assertThat(s.schemaVersion()).isEqualTo(Migrations.CURRENT);
            assertThat(s.factions().byCode("SAA")).isPresent();
            assertThat(s.loadIndex().size()).isZero();
        }
    }

    @Test
    void storesAndReadsBackEveryFieldIncludingArabicAndNulls() {
        Path db = dir.resolve("rt.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            ImportReport r = s.importAll(Fixtures.readerOf("f.test", Fixtures.arabic(), Fixtures.unresolved()),
                    ImportOptions.DEFAULT, null);
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.unresolvedPlaces()).containsExactly("Tal Unknown");
        }
        try (IncidentStore s = IncidentStore.open(db)) {
            List<Incident> all = s.query(FilterSpec.ALL);
            assertThat(all).hasSize(2);
            assertThat(Fixtures.unstored(all.get(0))).isEqualTo(Fixtures.unresolved());
            assertThat(Fixtures.unstored(all.get(1))).isEqualTo(Fixtures.arabic());
            Incident a = s.incident(all.get(1).id()).orElseThrow();
            assertThat(a.place()).isEqualTo("كفرسجنة");
            assertThat(a.batchId()).isPositive();
            Incident u = s.incident(all.get(0).id()).orElseThrow();
            assertThat(u.fatalities()).isNull();
            assertThat(u.endDate()).isNull();
            assertThat(u.located()).isFalse();
        }
    }

    @Test
    void writesGeoPackageMetadataAndPointBlobs() throws Exception {
        Path db = dir.resolve("meta.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("f", Fixtures.arabic(), Fixtures.unresolved()), ImportOptions.DEFAULT, null);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(intOf(st, "PRAGMA application_id")).isEqualTo(0x47504B47);
            assertThat(intOf(st, "PRAGMA user_version")).isEqualTo(10300);
            assertThat(intOf(st, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)")).isEqualTo(3);
            try (ResultSet rs = st.executeQuery("SELECT data_type, srs_id, min_x, max_y FROM gpkg_contents WHERE table_name='incident'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("features");
                assertThat(rs.getInt(2)).isEqualTo(4326);
                assertThat(rs.getDouble(3)).isEqualTo(36.5896);
                assertThat(rs.getDouble(4)).isEqualTo(35.5279);
            }
            try (ResultSet rs = st.executeQuery("SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name='incident'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("geom");
                assertThat(rs.getString(2)).isEqualTo("POINT");
                assertThat(rs.getInt(3)).isEqualTo(4326);
            }
            try (ResultSet rs = st.executeQuery("SELECT geom FROM incident WHERE source_key='test:kafr-sijnah'")) {
                assertThat(rs.next()).isTrue();
                byte[] blob = rs.getBytes(1);
                assertThat(new String(blob, 0, 2, "US-ASCII")).isEqualTo("GP");
                assertThat(GeoPackageBinary.srsId(blob)).isEqualTo(4326);
                assertThat(GeoPackageBinary.decodePoint(blob)).containsExactly(36.5896, 35.5279);
            }
            try (ResultSet rs = st.executeQuery("SELECT geom FROM incident WHERE source_key='test:unresolved'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isNull();
            }
        }
    }

    private static int intOf(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void secondImportSkipsAndChangedContentUpdates() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("dedupe.gpkg"))) {
            Incident a = Fixtures.simple("k1", LocalDate.of(2020, 1, 1), "Saraqib", 35.86, 36.8, "SAA");
            Incident b = Fixtures.simple("k2", LocalDate.of(2020, 1, 2), "Maarat al-Numan", 35.64, 36.67, "RUS");
            s.importAll(Fixtures.readerOf("one", a, b), ImportOptions.DEFAULT, null);
            ImportReport again = s.importAll(Fixtures.readerOf("one", a, b), ImportOptions.DEFAULT, null);
            assertThat(again.imported()).isZero();
            assertThat(again.skipped()).isEqualTo(2);
            Incident newer = b.toBuilder().fatalities(7).actor("Turkish army", "TUR").build();
            ImportReport changed = s.importAll(Fixtures.readerOf("two", a, newer), ImportOptions.DEFAULT, null);
            assertThat(changed.updated()).isEqualTo(1);
            assertThat(changed.skipped()).isEqualTo(1);
            assertThat(s.count()).isEqualTo(2);
            Incident stored = s.query(FilterSpec.ALL.withFactions(Set.of("TUR"))).get(0);
            assertThat(Fixtures.unstored(stored)).isEqualTo(newer);
            assertThat(s.batches()).hasSize(3);
        }
    }

    @Test
    void anOlderRevisionOfAnEventDoesNotReplaceTheNewerStoredOne() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("revisions.gpkg"))) {
            Incident base = Fixtures.simple("acled:SYR9", LocalDate.of(2020, 1, 1), "Saraqib", 35.86, 36.8, "SAA");
            Incident v1 = base.toBuilder().fatalities(1).revised(java.time.Instant.ofEpochSecond(1_600_000_000L)).build();
            Incident v2 = base.toBuilder().fatalities(4).revised(java.time.Instant.ofEpochSecond(1_700_000_000L)).build();
            Incident v3 = base.toBuilder().fatalities(5).revised(java.time.Instant.ofEpochSecond(1_710_000_000L)).build();
            s.importAll(Fixtures.readerOf("newer-export", v2), ImportOptions.DEFAULT, null);
            ImportReport old = s.importAll(Fixtures.readerOf("older-export", v1), ImportOptions.DEFAULT, null);
            assertThat(old.older()).isEqualTo(1);
            assertThat(old.updated()).isZero();
            assertThat(old.describe()).contains("1 older than the stored version (kept the stored)");
            assertThat(Fixtures.unstored(s.query(FilterSpec.ALL).get(0))).isEqualTo(v2);
            // a later revision, or a version without one (another source's file), replaces it
            assertThat(s.importAll(Fixtures.readerOf("newest", v3), ImportOptions.DEFAULT, null).updated()).isEqualTo(1);
            assertThat(Fixtures.unstored(s.query(FilterSpec.ALL).get(0))).isEqualTo(v3);
            Incident unrevised = base.toBuilder().fatalities(6).build();
            assertThat(s.importAll(Fixtures.readerOf("geojson", unrevised), ImportOptions.DEFAULT, null).updated())
                    .isEqualTo(1);
            assertThat(s.query(FilterSpec.ALL).get(0).revised()).isNull();
        }
    }

    @Test
    void strictImportRollsBackAtTheFirstRejection() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("strict.gpkg"))) {
            Incident a = Fixtures.simple("k1", LocalDate.of(2020, 1, 1), "Saraqib", 35.86, 36.8, "SAA");
            var rows = List.of(ParsedRow.ok(2, a), ParsedRow.rejected(3, "no date"));
            assertThatThrownBy(() -> s.importAll(Fixtures.reader("bad.geojson", rows), new ImportOptions(true, false), null))
                    .isInstanceOf(InputException.class).hasMessage("bad.geojson:3: no date");
            assertThat(s.count()).isZero();
            assertThat(s.batches()).isEmpty();
            assertThat(s.places()).isEmpty();
            ImportReport lenient = s.importAll(Fixtures.reader("bad.geojson", rows), ImportOptions.DEFAULT, null);
            assertThat(lenient.rejections()).extracting(Object::toString).containsExactly("bad.geojson:3: no date");
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.places()).extracting(p -> p.name()).containsExactly("Saraqib");
        }
    }

    @Test
    void dryRunReportsButStoresNothing() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("dry.gpkg"))) {
            ImportReport r = s.importAll(Fixtures.readerOf("f", Fixtures.arabic()), new ImportOptions(false, true), null);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void reportsActorsThatNoAliasMaps() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("unk.gpkg"))) {
            Incident i = Fixtures.simple("k", LocalDate.of(2021, 1, 1), "Afrin", 36.5, 36.87, "UNK").toBuilder()
                    .actors(List.of()).actor("Mystery Brigade", "UNK").actor("unidentified gunmen", "UNK")
                    .actor("Odd code", "XYZ").build();
            ImportReport r = s.importAll(Fixtures.readerOf("f", i), ImportOptions.DEFAULT, null);
            assertThat(r.unmappedActors()).containsExactly("Mystery Brigade", "Odd code");
            assertThat(s.query(FilterSpec.ALL).get(0).factions()).containsExactly("UNK");
        }
    }

    @Test
    void queriesByDateFactionTypeBoxAndText() {
        try (IncidentStore s = IncidentStore.open(dir.resolve("q.gpkg"))) {
            Incident a = Fixtures.simple("a", LocalDate.of(2020, 1, 5), "Saraqib", 35.86, 36.8, "SAA");
            Incident b = Fixtures.simple("b", LocalDate.of(2020, 2, 5), "Raqqa", 35.95, 39.01, "SDF");
            s.importAll(Fixtures.readerOf("f", a, b, Fixtures.arabic(), Fixtures.unresolved()), ImportOptions.DEFAULT, null);
            assertThat(keys(s.query(FilterSpec.ALL.withDates(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31)))))
                    .containsExactly("a");
            // a month-precision incident overlaps any day of its month
            assertThat(keys(s.query(FilterSpec.ALL.withDates(LocalDate.of(2020, 6, 20), LocalDate.of(2020, 6, 21)))))
                    .containsExactly("test:kafr-sijnah");
            assertThat(keys(s.query(FilterSpec.ALL.withFactions(Set.of("RUS", "SDF"))))).containsExactly("b", "test:kafr-sijnah");
            assertThat(keys(s.query(FilterSpec.ALL.withEventTypes(Set.of(EventType.BATTLES))))).containsExactly("test:unresolved");
            assertThat(keys(s.query(FilterSpec.ALL.withBbox(new BBox(38, 35, 40, 36))))).containsExactly("b");
            assertThat(keys(s.query(FilterSpec.ALL.withMinFatalities(2)))).containsExactly("test:kafr-sijnah");
            assertThat(keys(s.query(FilterSpec.ALL.withText("raq")))).containsExactly("b");
            assertThat(keys(s.query(FilterSpec.ALL.withText("كفرسجنة")))).containsExactly("test:kafr-sijnah");
            assertThat(s.searchText("\"unbalanced ( AND OR * NEAR")).isEmpty();
            assertThat(s.searchText("  ")).isEmpty();
            assertThat(s.searchText("shelling")).hasSize(2);
            IncidentIndex index = s.loadIndex();
            assertThat(index.size()).isEqualTo(4);
            int row = index.rowOf(s.query(FilterSpec.ALL.withText("Raqqa")).get(0).id());
            assertThat(index.lat(row)).isEqualTo(35.95f);
            assertThat(index.factionMask(row)).isEqualTo(1L << s.factions().ordinal("SDF"));
            assertThat(index.place(row)).isEqualTo("Raqqa");
            assertThat(index.day(row)).isEqualTo((int) LocalDate.of(2020, 2, 5).toEpochDay());
            assertThat(index.eventType(row)).isEqualTo(EventType.EXPLOSIONS.ordinal());
            assertThat(index.subEventType(row)).isEqualTo(org.sitmap.model.SubEventType.SHELLING.ordinal());
            assertThat(index.fatalities(row)).isEqualTo(1);
            int month = index.rowOf(s.query(FilterSpec.ALL.withText("كفرسجنة")).get(0).id());
            assertThat(index.dayEnd(month)).isEqualTo((int) LocalDate.of(2020, 6, 30).toEpochDay());
            assertThat(index.primaryFaction(month)).isEqualTo(s.factions().ordinal("SAA"));
            assertThat(index.factionMask(month)).isEqualTo((1L << s.factions().ordinal("SAA")) | (1L << s.factions().ordinal("RUS")));
            int old = index.rowOf(s.query(FilterSpec.ALL.withText("unknown hamlet")).get(0).id());
            assertThat(index.day(old)).isEqualTo((int) LocalDate.of(2019, 3, 2).toEpochDay());
            assertThat(index.located(old)).isFalse();
            assertThat(index.fatalities(old)).isEqualTo(-1);
            assertThat(index.subEventType(old)).isEqualTo(-1);
            assertThat(s.incidentsAtPlace("Raqqa")).hasSize(1);
        }
    }

    @Test
    void fullTextIndexFollowsUpdatesWithinAndAcrossImports() throws Exception {
        Path db = dir.resolve("fts.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            Incident a = Fixtures.simple("a", LocalDate.of(2020, 1, 5), "Saraqib", 35.86, 36.8, "SAA");
            Incident b = Fixtures.simple("b", LocalDate.of(2020, 2, 5), "Raqqa", 35.95, 39.01, "SDF");
            s.importAll(Fixtures.readerOf("f", a, b), ImportOptions.DEFAULT, null);
            Incident a2 = a.toBuilder().summary("artillery on Saraqib").build();
            Incident c = Fixtures.simple("c", LocalDate.of(2020, 3, 5), "Manbij", 36.53, 37.95, "TUR");
            Incident c2 = c.toBuilder().summary("drone over Manbij").build();
            ImportReport r = s.importAll(Fixtures.readerOf("g", a2, c, a2.toBuilder().summary("mortars on Saraqib").build(), c2),
                    ImportOptions.DEFAULT, null);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.updated()).isEqualTo(3);
            assertThat(s.searchText("artillery")).isEmpty();
            assertThat(keys(s.query(FilterSpec.ALL.withText("mortars")))).containsExactly("a");
            assertThat(keys(s.query(FilterSpec.ALL.withText("drone")))).containsExactly("c");
            assertThat(keys(s.query(FilterSpec.ALL.withText("shelling")))).containsExactly("b");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO incident_fts(incident_fts, rank) VALUES ('integrity-check', 1)");
            assertThat(intOf(st, "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE 'incident_fts_%'"))
                    .isEqualTo(3);
        }
    }

    private static List<String> keys(List<Incident> l) {
        return l.stream().map(Incident::sourceKey).toList();
    }

    @Test
    void joinedRowIdsAreParsed() {
        assertThat(FtsQuery.ids(null)).isEmpty();
        assertThat(FtsQuery.ids("")).isEmpty();
        assertThat(FtsQuery.ids("7")).containsExactly(7);
        long[] many = new long[5000];
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < many.length; k++) {
            many[k] = k * 1_234_567L - 3;
            sb.append(k == 0 ? "" : ",").append(many[k]);
        }
        assertThat(FtsQuery.ids(sb.toString())).containsExactly(many);
    }
}
