package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.model.BBox;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.Fixtures;

/** The R-tree of {@code incident.geom}, its triggers, the ST_* functions and geometry as the only position. */
class SpatialIndexTest {
    @TempDir Path dir;

    private static Incident at(String key, double lat, double lon) {
        return Fixtures.simple(key, LocalDate.of(2020, 1, 1), "P " + key, lat, lon, "SAA");
    }

    @Test
    void theFunctionsReadGeometryBlobsAndGiveNullForAnythingElse() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            GpkgFunctions.register(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT ST_MinX(?1), ST_MaxY(?1), ST_IsEmpty(?1),"
                    + " ST_GeometryType(?1), ST_SRID(?1), GPKG_IsAssignable('GEOMETRY', 'POINT')")) {
                ps.setBytes(1, GeoPackageBinary.point(36.5, 35.25));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getDouble(1)).isEqualTo(36.5);
                    assertThat(rs.getDouble(2)).isEqualTo(35.25);
                    assertThat(rs.getInt(3)).isZero();
                    assertThat(rs.getString(4)).isEqualTo("POINT");
                    assertThat(rs.getInt(5)).isEqualTo(4326);
                    assertThat(rs.getInt(6)).isEqualTo(1);
                }
                ps.setBytes(1, GeoPackageBinary.emptyPoint());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getObject(1)).isNull();
                    assertThat(rs.getInt(3)).isEqualTo(1);
                }
                for (Object junk : new Object[] {null, new byte[] {1, 2, 3}, "text"}) {
                    ps.setObject(1, junk);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getObject(1)).isNull();
                        assertThat(rs.getObject(3)).isNull();
                    }
                }
            }
        }
    }

    @Test
    void importsKeepTheIndexEqualToTheGeometriesAndRestoreTheTriggers() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("a", at("k1", 35.1, 36.1), at("k2", 35.2, 36.2), at("k3", 35.3, 36.3),
                    Fixtures.unresolved()), ImportOptions.DEFAULT, null);
            // a later file moves k1, takes k2's position away, places the unresolved one and adds k4
            Incident placed = Fixtures.unresolved().toBuilder().position(34.5, 38.5).build();
            Incident lost = Incident.builder().sourceKey("k2").date(LocalDate.of(2020, 1, 1)).place("P k2")
                    .eventType(at("k2", 0, 0).eventType()).actor("Syrian Arab Army", "SAA").build();
            s.importAll(Fixtures.readerOf("b", at("k1", 33.0, 35.0), lost, placed, at("k4", 36.4, 37.4)),
                    ImportOptions.DEFAULT, null);
        }
        try (Connection c = raw(db)) {
            assertThat(rtree(c)).isEqualTo(geometries(c)).hasSize(4);
            assertThat(triggers(c)).containsExactly("rtree_incident_geom_delete", "rtree_incident_geom_insert",
                    "rtree_incident_geom_update1", "rtree_incident_geom_update2", "rtree_incident_geom_update3",
                    "rtree_incident_geom_update4");
            // single writes, as QGIS makes them, go through the triggers and the registered functions
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM incident WHERE source_key = 'k4'");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE incident SET geom = ? WHERE source_key = 'k3'")) {
                ps.setBytes(1, GeoPackageBinary.point(39.0, 36.0));
                ps.executeUpdate();
            }
            assertThat(rtree(c)).isEqualTo(geometries(c)).hasSize(3);
        }
        try (IncidentStore s = IncidentStore.open(db)) {
            // the moved point is where the store's queries, bounding box and index put it
            List<Incident> box = s.query(FilterSpec.ALL.withBbox(BBox.parse("38.9,35.9,39.1,36.1")));
            assertThat(box).extracting(Incident::sourceKey).containsExactly("k3");
            assertThat(box.get(0).longitude()).isEqualTo(39.0);
            assertThat(s.query(FilterSpec.ALL.withBbox(BBox.parse("36.25,35.25,36.35,35.35")))).isEmpty();
            var index = s.loadIndex();
            boolean found = false;
            for (int k = 0; k < index.size(); k++) {
                if (index.id(k) == box.get(0).id()) {
                    assertThat(index.lon(k)).isEqualTo(39.0f);
                    assertThat(index.lat(k)).isEqualTo(36.0f);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void aStoreIndexedByANewerGdalKeepsItsOwnTriggers() throws Exception {
        Path db = dir.resolve("g.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("a", at("k1", 35.1, 36.1)), ImportOptions.DEFAULT, null);
        }
        try (Connection c = raw(db); Statement st = c.createStatement()) {
            // newer GDAL versions replace update1 and update3 by update6 and update7
            st.execute("DROP TRIGGER rtree_incident_geom_update1");
            st.execute("CREATE TRIGGER rtree_incident_geom_update6 AFTER UPDATE OF geom ON incident WHEN OLD.fid = NEW.fid"
                    + " AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN UPDATE rtree_incident_geom SET"
                    + " minx = ST_MinX(NEW.geom), maxx = ST_MaxX(NEW.geom), miny = ST_MinY(NEW.geom),"
                    + " maxy = ST_MaxY(NEW.geom) WHERE id = NEW.fid; END");
        }
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("b", at("k1", 33.0, 35.0), at("k2", 34.0, 37.0)), ImportOptions.DEFAULT, null);
        }
        try (Connection c = raw(db)) {
            assertThat(rtree(c)).isEqualTo(geometries(c)).hasSize(2);
            assertThat(triggers(c)).contains("rtree_incident_geom_update6").doesNotContain("rtree_incident_geom_update1");
        }
    }

    @Test
    void aFirstImportWritesAPackedIndexThatSqliteAndLaterWritesAccept() throws Exception {
        Path db = dir.resolve("packed.gpkg");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        List<Incident> rows = new ArrayList<>();
        for (int k = 0; k < 6000; k++) {
            rows.add(at("p" + k, 32.3 + rnd.nextDouble() * 5, 35.5 + rnd.nextDouble() * 7 - (k % 7 == 0 ? 40 : 0)));
        }
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("a", rows.toArray(Incident[]::new)), ImportOptions.DEFAULT, null);
        }
        try (Connection c = raw(db)) {
            assertThat(strings(c, "SELECT 0, rtreecheck('rtree_incident_geom'), 0")).containsExactly("0 ok 0");
            // packed: 118 full leaves of 51 cells, 3 nodes above them, the root (one by one it takes ~170 nodes)
            assertThat(strings(c, "SELECT 0, max(length(data)), count(*) FROM rtree_incident_geom_node"))
                    .containsExactly("0 1228 122");
            assertThat(strings(c, "SELECT count(*), 'close', 0 FROM incident JOIN rtree_incident_geom ON id = fid"
                    + " WHERE abs(minx - ST_MinX(geom)) < 1e-5 AND abs(maxx - ST_MaxX(geom)) < 1e-5"
                    + " AND abs(miny - ST_MinY(geom)) < 1e-5 AND abs(maxy - ST_MaxY(geom)) < 1e-5"))
                    .containsExactly("6000 close 0");
            // the bounds are the floats SQLite's own insert stores
            try (Statement st = c.createStatement()) {
                st.execute("CREATE VIRTUAL TABLE plain USING rtree(id, minx, maxx, miny, maxy)");
                st.execute("INSERT INTO plain SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom)"
                        + " FROM incident");
            }
            assertThat(strings(c, "SELECT count(*), 'differ', 0 FROM plain p JOIN rtree_incident_geom r ON r.id = p.id"
                    + " WHERE r.minx <> p.minx OR r.maxx <> p.maxx OR r.miny <> p.miny OR r.maxy <> p.maxy"))
                    .containsExactly("0 differ 0");
            String box = " WHERE minx <= 37.0 AND maxx >= 36.0 AND miny <= 36.0 AND maxy >= 35.0";
            assertThat(strings(c, "SELECT id, 'x', 0 FROM rtree_incident_geom" + box + " ORDER BY id"))
                    .isEqualTo(strings(c, "SELECT id, 'x', 0 FROM plain" + box + " ORDER BY id")).isNotEmpty();
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM incident WHERE fid % 3 = 0");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE incident SET geom = ? WHERE fid % 5 = 1")) {
                ps.setBytes(1, GeoPackageBinary.point(39.0, 36.0));
                ps.executeUpdate();
            }
            assertThat(strings(c, "SELECT 0, rtreecheck('rtree_incident_geom'), 0")).containsExactly("0 ok 0");
            assertThat(strings(c, "SELECT id, 'x', 0 FROM rtree_incident_geom ORDER BY id"))
                    .isEqualTo(strings(c, "SELECT fid, 'x', 0 FROM incident ORDER BY fid")).hasSize(4000);
        }
        try (IncidentStore s = IncidentStore.open(db)) {
            // a store whose index is not empty takes the entries one by one
            s.importAll(Fixtures.readerOf("b", at("q1", 35.0, 36.0), at("q2", 35.5, 36.5)), ImportOptions.DEFAULT, null);
        }
        try (Connection c = raw(db)) {
            assertThat(strings(c, "SELECT 0, rtreecheck('rtree_incident_geom'), 0")).containsExactly("0 ok 0");
            assertThat(strings(c, "SELECT id, 'x', 0 FROM rtree_incident_geom ORDER BY id"))
                    .isEqualTo(strings(c, "SELECT fid, 'x', 0 FROM incident ORDER BY fid")).hasSize(4002);
        }
    }

    static Connection raw(Path db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        GpkgFunctions.register(c);
        return c;
    }

    /** "fid x y" of every R-tree entry (float bounds rounded to 4 decimals), by fid. */
    static List<String> rtree(Connection c) throws SQLException {
        return strings(c, "SELECT id, printf('%.4f %.4f', minx, miny), maxx - minx < 1e-4 AND maxy - miny < 1e-4"
                + " FROM rtree_incident_geom ORDER BY id");
    }

    /** "fid x y" of every located incident, by fid, from the geometry itself. */
    static List<String> geometries(Connection c) throws SQLException {
        return strings(c, "SELECT fid, printf('%.4f %.4f', ST_MinX(geom), ST_MinY(geom)), 1 FROM incident"
                + " WHERE geom IS NOT NULL ORDER BY fid");
    }

    static List<String> triggers(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master"
                + " WHERE type = 'trigger' AND name LIKE 'rtree%' ORDER BY name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3));
        }
        return out;
    }
}
