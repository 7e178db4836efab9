package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The GeoPackage R-tree spatial index of {@code incident.geom} (extension {@code gpkg_rtree_index}): the virtual
 * table {@code rtree_incident_geom (id, minx, maxx, miny, maxy)} and the triggers that keep it, as the GeoPackage
 * standard defines them and GDAL 3.6 creates them ({@code SELECT CreateSpatialIndex('incident','geom')}). QGIS
 * and GDAL read it to draw and select by area; Sitmap's bounding-box queries read it too.
 *
 * <p>A store indexed by GDAL or QGIS before Sitmap made its own keeps theirs (newer GDAL versions name their
 * update triggers differently); a bulk import drops whatever R-tree triggers the store has for its transaction,
 * writes the index entries itself and creates the same triggers again ({@link #dropTriggers}).
 */
final class SpatialIndex {
    static final String TABLE = "rtree_incident_geom";

    /** The GeoPackage extensions table (made when the first extension is registered). */
    static final String EXTENSIONS = "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,"
            + " column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
            + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))";

    private static final String VALUES = " VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom),"
            + " ST_MaxY(NEW.geom)); END";
    private static final String PRESENT = "(NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))";
    private static final String ABSENT = "(NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))";

    /** The triggers of the GeoPackage 1.3 R-tree extension for {@code incident.geom}. */
    static final List<String> TRIGGERS = List.of(
            "CREATE TRIGGER rtree_incident_geom_insert AFTER INSERT ON incident WHEN " + PRESENT
                    + " BEGIN INSERT OR REPLACE INTO rtree_incident_geom" + VALUES,
            "CREATE TRIGGER rtree_incident_geom_update1 AFTER UPDATE OF geom ON incident WHEN OLD.fid = NEW.fid AND "
                    + PRESENT + " BEGIN INSERT OR REPLACE INTO rtree_incident_geom" + VALUES,
            "CREATE TRIGGER rtree_incident_geom_update2 AFTER UPDATE OF geom ON incident WHEN OLD.fid = NEW.fid AND "
                    + ABSENT + " BEGIN DELETE FROM rtree_incident_geom WHERE id = OLD.fid; END",
            "CREATE TRIGGER rtree_incident_geom_update3 AFTER UPDATE ON incident WHEN OLD.fid != NEW.fid AND "
                    + PRESENT + " BEGIN DELETE FROM rtree_incident_geom WHERE id = OLD.fid;"
                    + " INSERT OR REPLACE INTO rtree_incident_geom" + VALUES,
            "CREATE TRIGGER rtree_incident_geom_update4 AFTER UPDATE ON incident WHEN OLD.fid != NEW.fid AND "
                    + ABSENT + " BEGIN DELETE FROM rtree_incident_geom WHERE id IN (OLD.fid, NEW.fid); END",
            "CREATE TRIGGER rtree_incident_geom_delete AFTER DELETE ON incident WHEN OLD.geom NOT NULL"
                    + " BEGIN DELETE FROM rtree_incident_geom WHERE id = OLD.fid; END");

    private SpatialIndex() { }

    /** Whether the store has the R-tree of {@code incident.geom}. */
    static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /**
     * Creates the index of every located incident, its triggers and its {@code gpkg_extensions} row, unless the
     * store already has one (made by GDAL or QGIS, which is kept as it is).
     */
    static void create(Connection c) throws SQLException {
        if (exists(c)) return;
        try (Statement s = c.createStatement()) {
            s.execute(EXTENSIONS);
            s.execute("CREATE VIRTUAL TABLE " + TABLE + " USING rtree(id, minx, maxx, miny, maxy)");
            s.execute("INSERT OR REPLACE INTO " + TABLE + " SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom),"
                    + " ST_MaxY(geom) FROM incident WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)");
            for (String t : TRIGGERS) s.execute(t);
            s.execute("INSERT OR IGNORE INTO gpkg_extensions VALUES ('incident', 'geom', 'gpkg_rtree_index',"
                    + " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
        }
    }

    /**
     * Drops the R-tree triggers on {@code incident}, whoever made them, inside the caller's transaction.
     *
     * @return their CREATE statements, for {@link #createTriggers}
     */
    static List<String> dropTriggers(Connection c) throws SQLException {
        return IncidentTriggers.drop(c, TABLE + "_");
    }

    /** Creates again the triggers {@link #dropTriggers} dropped. */
    static void createTriggers(Connection c, List<String> creates) throws SQLException {
        IncidentTriggers.create(c, creates);
    }

    /** The statement that writes one entry: parameters id, minx, maxx, miny, maxy. */
    static PreparedStatement prepareUpsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT OR REPLACE INTO " + TABLE + " VALUES (?,?,?,?,?)");
    }

    /** The statement that removes one entry: parameter id. */
    static PreparedStatement prepareDelete(Connection c) throws SQLException {
        return c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?");
    }
}
