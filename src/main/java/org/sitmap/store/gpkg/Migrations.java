package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The numbered schema migrations, tracked in the project's own table {@code sitmap_migration} ({@code user_version}
 * belongs to GeoPackage and stays 10300). Each migration runs once, in order, inside one transaction with its row
 * in {@code sitmap_migration}; a store made by an older version is brought up to {@link #CURRENT} on open.
 * Migrations are never edited once released: a change is a new migration.
 */
final class Migrations {
    private static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
            + "298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AUTHORITY[\"EPSG\",\"4326\"]]";

    /** Migration 1: GeoPackage core tables, the incident feature table and the project's own tables. */
    static final List<String> V1 = List.of(
            "CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL, description TEXT)",
            "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1,"
                    + " 'undefined', 'undefined cartesian coordinate reference system')",
            "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0,"
                    + " 'undefined', 'undefined geographic coordinate reference system')",
            "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '"
                    + WGS84_WKT.replace("'", "''") + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
            "CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
                    + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                    + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                    + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
            "CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                    + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                    + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
            "CREATE TABLE faction (code TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, colour TEXT NOT NULL,"
                    + " ord INTEGER NOT NULL)",
            "CREATE TABLE import_batch (id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, format TEXT NOT NULL,"
                    + " started TEXT NOT NULL, finished TEXT, rows_read INTEGER NOT NULL DEFAULT 0,"
                    + " imported INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,"
                    + " skipped INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE source (id INTEGER PRIMARY KEY AUTOINCREMENT, location TEXT NOT NULL UNIQUE,"
                    + " format TEXT NOT NULL, first_batch_id INTEGER REFERENCES import_batch(id))",
            "CREATE TABLE incident (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT,"
                    + " source_key TEXT NOT NULL UNIQUE, event_date DATE NOT NULL, date_precision INTEGER NOT NULL,"
                    + " end_date DATE, span_end DATE NOT NULL, place TEXT, admin1 TEXT, country TEXT,"
                    + " latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER NOT NULL, event_type TEXT NOT NULL,"
                    + " sub_event_type TEXT, fatalities INTEGER, summary TEXT, source TEXT, origin TEXT, evidence TEXT,"
                    + " batch_id INTEGER NOT NULL REFERENCES import_batch(id), faction_codes TEXT NOT NULL,"
                    + " content_hash TEXT NOT NULL)",
            "CREATE TABLE incident_actor (incident_fid INTEGER NOT NULL REFERENCES incident(fid) ON DELETE CASCADE,"
                    + " ord INTEGER NOT NULL, name TEXT NOT NULL, faction_code TEXT NOT NULL,"
                    + " PRIMARY KEY (incident_fid, ord)) WITHOUT ROWID",
            "CREATE TABLE place (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, ascii_name TEXT,"
                    + " alternate_names TEXT, latitude DOUBLE NOT NULL, longitude DOUBLE NOT NULL, feature_code TEXT,"
                    + " country_code TEXT, admin1 TEXT, population INTEGER NOT NULL DEFAULT 0, source TEXT)",
            "CREATE INDEX place_name ON place(name)",
            "CREATE INDEX incident_event_date ON incident(event_date)",
            "CREATE INDEX incident_actor_faction ON incident_actor(faction_code, incident_fid)",
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
                    + " VALUES ('incident', 'features', 'incident', 'Conflict incidents (Sitmap)', 4326)",
            "INSERT OR IGNORE INTO gpkg_geometry_columns VALUES ('incident', 'geom', 'POINT', 4326, 0, 0)");

    /**
     * Keeps the full-text index in step with single inserts. A bulk import drops it inside its transaction and
     * indexes the new rows with one INSERT ... SELECT (FTS5 flushes its pending terms at every statement, so a
     * trigger per row is several times slower), then creates it again.
     */
    static final String FTS_INSERT_TRIGGER = "CREATE TRIGGER incident_fts_ai AFTER INSERT ON incident BEGIN INSERT INTO"
            + " incident_fts(rowid, place, summary, evidence) VALUES (new.fid, new.place, new.summary, new.evidence); END";

    /** Keeps the full-text index in step with single updates; a bulk import replaces it like the insert trigger. */
    static final String FTS_UPDATE_TRIGGER = "CREATE TRIGGER incident_fts_au AFTER UPDATE OF place, summary, evidence"
            + " ON incident BEGIN INSERT INTO incident_fts(incident_fts, rowid, place, summary, evidence) VALUES"
            + " ('delete', old.fid, old.place, old.summary, old.evidence); INSERT INTO incident_fts(rowid, place,"
            + " summary, evidence) VALUES (new.fid, new.place, new.summary, new.evidence); END";

    /** Migration 2: full-text index over place, summary and evidence, kept by triggers; more indexes. */
    static final List<String> V2 = List.of(
            "CREATE VIRTUAL TABLE incident_fts USING fts5(place, summary, evidence, content='incident',"
                    + " content_rowid='fid', tokenize='unicode61 remove_diacritics 2')",
            FTS_INSERT_TRIGGER,
            "CREATE TRIGGER incident_fts_ad AFTER DELETE ON incident BEGIN INSERT INTO incident_fts(incident_fts,"
                    + " rowid, place, summary, evidence) VALUES ('delete', old.fid, old.place, old.summary,"
                    + " old.evidence); END",
            FTS_UPDATE_TRIGGER,
            "INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')",
            "CREATE INDEX incident_span_end ON incident(span_end)",
            "CREATE INDEX place_ascii ON place(ascii_name)");

    /**
     * Migration 3, for bulk imports a third faster (1M ACLED rows: about 16 → 10 s) and a plainer GeoPackage:
     * <ul>
     *   <li>the actors move from the table {@code incident_actor} into a column {@code actors} of the incident row,
     *   a JSON array of {@code {"name": ..., "faction": ...}} objects in the order the source gave them (one row
     *   per incident instead of three, one index fewer; QGIS and GDAL now show each incident's actors). SQL filters
     *   by faction read {@code faction_codes};</li>
     *   <li>one index on {@code (event_date, span_end)} replaces the two on each column: a date-window query reads
     *   both bounds from it, and an import builds one index instead of two;</li>
     *   <li>the full-text index keeps no column sizes ({@code columnsize=0}): nothing ranks by them, and building
     *   it takes 40 % less time;</li>
     *   <li>a column {@code source_revised} (Unix seconds): when the source last revised the event (ACLED's
     *   {@code timestamp}), so that importing an older export does not replace a newer version.</li>
     * </ul>
     */
    static final List<String> V3 = List.of(
            "ALTER TABLE incident ADD COLUMN actors TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE incident ADD COLUMN source_revised INTEGER",
            "UPDATE incident SET actors = coalesce((SELECT json_group_array(json_object('name', a.name, 'faction',"
                    + " a.faction_code) ORDER BY a.ord) FROM incident_actor a WHERE a.incident_fid = incident.fid), '[]')",
            "DROP TABLE incident_actor",
            "DROP INDEX IF EXISTS incident_event_date",
            "DROP INDEX IF EXISTS incident_span_end",
            "CREATE INDEX incident_dates ON incident(event_date, span_end)",
            "DROP TABLE incident_fts",
            "CREATE VIRTUAL TABLE incident_fts USING fts5(place, summary, evidence, content='incident',"
                    + " content_rowid='fid', tokenize='unicode61 remove_diacritics 2', columnsize=0)",
            "INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')");

    /** One migration: what it does to the store, inside the transaction that records it. */
    @FunctionalInterface
    interface Step {
        void apply(Connection c) throws SQLException;
    }

    /** A migration that is a list of SQL statements. */
    static Step sql(List<String> statements) {
        return c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) s.execute(sql);
            }
        };
    }

    /**
     * Migration 5, places learned from event data: a gazetteer entry records the best geo precision its events
     * give ({@code geo_precision}, 1 exact .. 3 region) and how many stored events name it ({@code event_count}); one
     * entry per name, position and source ({@code events:ucdp}, {@code events:acled} ... for learned places), so a
     * repeated import adds none. The per-file entries earlier imports made are replaced by entries learned from the
     * stored incidents (article incidents excluded: their places came from the gazetteer). Runs after migration 4,
     * so positions are the {@code geom} points (the ST_* functions are registered on every connection).
     */
    static final List<String> V5 = List.of(
            "ALTER TABLE place ADD COLUMN geo_precision INTEGER",
            "ALTER TABLE place ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0",
            "DELETE FROM place WHERE feature_code IS NULL AND source IN (SELECT file FROM import_batch)",
            "DELETE FROM place WHERE id NOT IN (SELECT min(id) FROM place GROUP BY name, geom, source)",
            "CREATE UNIQUE INDEX place_identity ON place(name, geom, source)",
            "INSERT OR IGNORE INTO place(name, geom, country_code, admin1, source, geo_precision,"
                    + " event_count) SELECT trim(i.place), i.geom, CASE lower(min(i.country))"
                    + " WHEN 'syria' THEN 'SY' WHEN 'turkey' THEN 'TR' WHEN 'iraq' THEN 'IQ' WHEN 'lebanon' THEN 'LB'"
                    + " WHEN 'jordan' THEN 'JO' WHEN 'israel' THEN 'IL' ELSE NULL END, min(i.admin1),"
                    + " 'events:' || b.format, min(i.geo_precision), count(*) FROM incident i JOIN import_batch b"
                    + " ON b.id = i.batch_id WHERE i.geom IS NOT NULL AND ST_IsEmpty(i.geom) = 0"
                    + " AND i.geo_precision > 0 AND trim(coalesce(i.place, '')) <> ''"
                    + " AND b.format <> 'article' GROUP BY trim(i.place), i.geom, b.format");

    /** Every migration in order; the list index + 1 is its number. */
    static final List<Step> ALL = List.of(sql(V1), sql(V2), sql(V3), MigrationV4::apply, sql(V5),
            sql(ChangeCounter.V6));

    /** The schema version this code writes. */
    static final int CURRENT = ALL.size();

    private Migrations() { }

    /** The highest migration applied to the store (0 for a new file). */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sitmap_migration (version INTEGER PRIMARY KEY,"
                    + " applied TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM sitmap_migration")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * Applies migrations up to {@code target} (each in its own transaction) and stamps the GeoPackage header.
     *
     * @throws org.sitmap.model.InputException when the store was written by a newer version
     */
    static void migrate(Connection c, int target) throws SQLException {
        // the GeoPackage header, written only when it differs (opening an up-to-date store writes nothing)
        try (Statement s = c.createStatement()) {
            for (String[] p : new String[][] {{"application_id", "1196444487"}, {"user_version", "10300"}}) {
                try (ResultSet rs = s.executeQuery("PRAGMA " + p[0])) {
                    if (rs.next() && p[1].equals(rs.getString(1))) continue;
                }
                s.execute("PRAGMA " + p[0] + " = " + p[1]);
            }
        }
        int have = version(c);
        if (have > CURRENT) {
            throw new org.sitmap.model.InputException(null, 0, "the store has schema version " + have
                    + " but this Sitmap knows only " + CURRENT + "; use a newer Sitmap");
        }
        boolean auto = c.getAutoCommit();
        for (int v = have + 1; v <= target; v++) {
            c.setAutoCommit(false);
            try (PreparedStatement mark = c.prepareStatement("INSERT INTO sitmap_migration(version) VALUES (?)")) {
                ALL.get(v - 1).apply(c);
                mark.setInt(1, v);
                mark.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
