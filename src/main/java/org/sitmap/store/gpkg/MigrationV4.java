package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Migration 4: the store as QGIS and GDAL expect a GeoPackage to be.
 * <ul>
 *   <li>the R-tree spatial index of {@code incident.geom} with its triggers ({@link SpatialIndex}), unless GDAL or
 *   QGIS made one already;</li>
 *   <li>{@code geom} is the only position: the columns {@code latitude} and {@code longitude} are dropped, so a
 *   point moved in QGIS is where Sitmap shows it;</li>
 *   <li>{@code end_date} is never empty: it holds the last day the event may have happened on (the end the source
 *   gives, else the date itself for a day-precise event, else the end of its week, month or year), so that a
 *   time filter on {@code event_date}/{@code end_date} (QGIS's temporal controller) counts an event in the days
 *   Sitmap's own date filter counts it;</li>
 *   <li>{@code actors} is declared JSON ({@code gpkg_data_columns}, extension {@code gpkg_schema});</li>
 *   <li>the gazetteer {@code place} becomes a point layer: a {@code geom} column replaces its {@code latitude} and
 *   {@code longitude}, registered in {@code gpkg_contents} and {@code gpkg_geometry_columns};</li>
 *   <li>{@code import_batch} is registered as an attributes table ("import history"): GDAL, and so QGIS, then
 *   list only the tables registered in {@code gpkg_contents}, not the full-text index's and Sitmap's internal
 *   tables (GDAL lists every table of a GeoPackage that registers no attributes table).</li>
 * </ul>
 */
final class MigrationV4 {
    private MigrationV4() { }

    static void apply(Connection c) throws SQLException {
        SpatialIndex.create(c);
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE incident SET end_date = span_end WHERE end_date IS NULL OR end_date <> span_end");
            if (hasColumn(c, "latitude")) s.execute("ALTER TABLE incident DROP COLUMN latitude");
            if (hasColumn(c, "longitude")) s.execute("ALTER TABLE incident DROP COLUMN longitude");
            for (String sql : SCHEMA) s.execute(sql);
        }
        placeLayer(c);
    }

    /** Moves the gazetteer's coordinates into a point geometry and registers the table as a layer. */
    private static void placeLayer(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE place ADD COLUMN geom POINT");
        }
        try (PreparedStatement read = c.prepareStatement("SELECT id, latitude, longitude FROM place");
             PreparedStatement write = c.prepareStatement("UPDATE place SET geom = ? WHERE id = ?");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                write.setBytes(1, org.sitmap.geo.GeoPackageBinary.point(rs.getDouble(3), rs.getDouble(2)));
                write.setLong(2, rs.getLong(1));
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE place DROP COLUMN latitude");
            s.execute("ALTER TABLE place DROP COLUMN longitude");
            s.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
                    + " VALUES ('place', 'features', 'place', 'Gazetteer (Sitmap): the places article imports"
                    + " resolve names to', 4326)");
            s.execute("INSERT OR IGNORE INTO gpkg_geometry_columns VALUES ('place', 'geom', 'POINT', 4326, 0, 0)");
        }
    }

    private static final List<String> SCHEMA = List.of(SpatialIndex.EXTENSIONS,
            "CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " name TEXT UNIQUE, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT,"
                    + " CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT gdc_tn UNIQUE (table_name, name))",
            "CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (constraint_name TEXT NOT NULL,"
                    + " constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC,"
                    + " max_is_inclusive BOOLEAN, description TEXT,"
                    + " CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))",
            "INSERT OR IGNORE INTO gpkg_extensions VALUES ('gpkg_data_columns', NULL, 'gpkg_schema',"
                    + " 'http://www.geopackage.org/spec121/#extension_schema', 'read-write')",
            "INSERT OR IGNORE INTO gpkg_extensions VALUES ('gpkg_data_column_constraints', NULL, 'gpkg_schema',"
                    + " 'http://www.geopackage.org/spec121/#extension_schema', 'read-write')",
            "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, title, description, mime_type)"
                    + " VALUES ('incident', 'actors', 'Actors', 'The actors in the order the source gives them:"
                    + " a JSON array of {\"name\", \"faction\"} objects', 'application/json')",
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
                    + " VALUES ('import_batch', 'attributes', 'import_batch',"
                    + " 'Import history (Sitmap): one row per file imported')");

    private static boolean hasColumn(Connection c, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_table_info('incident') WHERE name = ?")) {
            ps.setString(1, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}
