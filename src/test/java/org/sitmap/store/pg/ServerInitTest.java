package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.ImportReport;
import org.sitmap.model.InputException;

/** {@code sitmap server init} on a real throwaway PostgreSQL/PostGIS cluster; skipped where none is installed. */
class ServerInitTest {
    private static PgCluster pg;

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
    }

    private static Connection as(String user, String password, String db) throws SQLException {
        return PgConnections.open(pg.location(user, password, db));
    }

    @Test
    void aVersionOneStoreIsBroughtUpAndThenRecordsWhoImports() throws SQLException {
        pg.createDatabase("init_v1", "owner_v1", "pw-owner-v1");
        try (Connection c = as("owner_v1", "pw-owner-v1", "init_v1"); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA sitmap");
            s.execute("CREATE TABLE sitmap.sitmap_migration (version integer PRIMARY KEY,"
                    + " applied timestamptz NOT NULL DEFAULT now())");
            for (String sql : PgSchema.V1) s.execute(sql);
            s.execute("INSERT INTO sitmap.sitmap_migration (version) VALUES (1)");
            s.execute("INSERT INTO sitmap.import_batch (file, format, started, commit_seq) VALUES ('old.csv', 'acled',"
                    + " now(), 1)");
            List<String> report = ServerInit.run(c);
            assertTrue(report.stream().anyMatch(l -> l.contains("brought from version 1 to " + PgSchema.VERSION)),
                    report.toString());
            assertEquals("nobody", one(c, "SELECT coalesce(imported_by, 'nobody') FROM sitmap.import_batch"));
            s.execute("INSERT INTO sitmap.import_batch (file, format, started) VALUES ('new.csv', 'acled', now())");
            assertEquals("owner_v1", one(c, "SELECT imported_by FROM sitmap.import_batch WHERE file = 'new.csv'"));
        }
    }

    @Test
    void aVersionTwoStoreTakesImportsBeforeAndAfterItsKeysAreComparedByteByByte(@TempDir Path dir) throws Exception {
        pg.createDatabase("init_v2", "owner_v2", "pw-owner-v2");
        PgLocation where = pg.location("owner_v2", "pw-owner-v2", "init_v2");
        org.sitmap.bench.SyntheticData data = PgCluster.synthetic();
        try (Connection c = as("owner_v2", "pw-owner-v2", "init_v2"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA sitmap");
            s.execute("CREATE TABLE sitmap.sitmap_migration (version integer PRIMARY KEY,"
                    + " applied timestamptz NOT NULL DEFAULT now())");
            for (String sql : PgSchema.V1) s.execute(sql);
            for (String sql : PgSchema.V2) s.execute(sql);
            s.execute("INSERT INTO sitmap.sitmap_migration (version) VALUES (1), (2)");
            // a newer client imports into the store its owner has not migrated: staged rows merge with the old keys
            assertEquals(200, PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("a.csv"), 200, 1)).imported());
            ImportReport b = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("b.csv"), 300, 1));
            assertEquals(100, b.imported(), b.describe());
            assertEquals(200, b.skipped(), b.describe());
            List<String> report = ServerInit.run(c);
            assertTrue(report.stream().anyMatch(l -> l.contains("brought from version 2 to " + PgSchema.VERSION)),
                    report.toString());
            assertEquals("C", one(c, "SELECT collation_name FROM information_schema.columns WHERE table_schema ="
                    + " 'sitmap' AND table_name = 'incident' AND column_name = 'source_key'"));
            assertEquals("true", one(c, "SELECT bool_and(i.indisvalid AND i.indisunique)::text FROM pg_index i"
                    + " JOIN pg_class ic ON ic.oid = i.indexrelid WHERE ic.relname = 'incident_source_key_key'"));
            ImportReport after = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("c.csv"), 400, 1));
            assertEquals(100, after.imported(), after.describe());
            assertEquals(300, after.skipped(), after.describe());
            assertEquals("400", one(c, "SELECT count(DISTINCT source_key)::text FROM sitmap.incident"));
        }
    }

    @Test
    void initMakesTheSchemaAndRolesAndAgainChangesNothing() throws SQLException {
        pg.createDatabase("init_a", "owner_a", "pw-owner-a");
        try (Connection c = as("owner_a", "pw-owner-a", "init_a")) {
            List<String> first = ServerInit.run(c);
            assertTrue(first.stream().anyMatch(l -> l.contains("brought from version 0 to " + PgSchema.VERSION)), first.toString());
            assertEquals(PgSchema.VERSION, PgSchema.version(c));
            assertEquals("POINT/4326", one(c, "SELECT type || '/' || srid FROM geometry_columns"
                    + " WHERE f_table_schema = 'sitmap' AND f_table_name = 'incident'"));
            assertEquals("gist", one(c, "SELECT am.amname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                    + " JOIN pg_am am ON am.oid = ic.relam WHERE ic.relname = 'incident_geom'"));
            assertEquals("date", one(c, "SELECT data_type FROM information_schema.columns WHERE table_schema = 'sitmap'"
                    + " AND table_name = 'incident' AND column_name = 'event_date'"));
            List<String> again = ServerInit.run(c);
            assertTrue(again.stream().noneMatch(l -> l.startsWith("created")), again.toString());
            assertEquals(PgSchema.VERSION, PgSchema.version(c));
        }
        // a second database of the same server: the roles exist already, the schema is new
        pg.createDatabase("init_b", "owner_b", "pw-owner-b");
        try (Connection c = as("owner_b", "pw-owner-b", "init_b")) {
            List<String> report = ServerInit.run(c);
            assertTrue(report.stream().noneMatch(l -> l.startsWith("created the group role")), report.toString());
            assertEquals(PgSchema.VERSION, PgSchema.version(c));
        }
    }

    @Test
    void aReaderMayReadButAnImportIsRefusedNamingTheRole() throws SQLException {
        pg.createDatabase("roles_db", "owner_r", "pw-owner-r");
        try (Connection c = as("owner_r", "pw-owner-r", "roles_db")) {
            ServerInit.run(c);
        }
        pg.createLogin("rita", "pw-rita");
        pg.createLogin("eddie", "pw-eddie");
        pg.execute("roles_db", "GRANT sitmap_reader TO rita");
        pg.execute("roles_db", "GRANT sitmap_editor TO eddie");
        try (Connection c = as("rita", "pw-rita", "roles_db")) {
            assertEquals("0", one(c, "SELECT count(*)::text FROM sitmap.incident"));
            InputException e = assertThrows(InputException.class,
                    () -> ServerInit.requireEditor(c, pg.location("rita", "pw-rita", "roles_db")));
            assertTrue(e.getMessage().contains("sitmap_editor") && e.getMessage().contains("rita"), e.getMessage());
            assertFalse(e.getMessage().contains("pw-rita"));
            SQLException denied = assertThrows(SQLException.class, () -> c.createStatement().execute(
                    "INSERT INTO sitmap.import_batch (file, format, started) VALUES ('x', 'csv', now())"));
            assertEquals("42501", denied.getSQLState());
        }
        try (Connection c = as("eddie", "pw-eddie", "roles_db"); Statement s = c.createStatement()) {
            ServerInit.requireEditor(c, pg.location("eddie", "pw-eddie", "roles_db"));
            s.execute("INSERT INTO sitmap.import_batch (file, format, started) VALUES ('x.csv', 'acled', now())");
            s.execute("INSERT INTO sitmap.incident (geom, source_key, event_date, date_precision, span_end,"
                    + " geo_precision, event_type, batch_id, faction_codes, content_hash, summary) SELECT"
                    + " ST_SetSRID(ST_MakePoint(36.6, 35.6), 4326), 'acled:1', DATE '2024-11-27', 1, DATE '2024-11-27',"
                    + " 1, 'Battles', max(id), 'HTS', 'h', 'Clashes reported near Nayrab' FROM sitmap.import_batch");
            assertEquals("1", one(c, "SELECT count(*)::text FROM sitmap.incident"
                    + " WHERE search @@ to_tsquery('simple', 'nayrab')"));
        }
    }

    @Test
    void anOwnerWhoMayNotCreatePostgisIsToldWhomToAsk() throws SQLException {
        pg.createLogin("owner_np", "pw-owner-np");
        pg.execute("postgres", "CREATE DATABASE no_postgis OWNER owner_np");
        try (Connection c = as("owner_np", "pw-owner-np", "no_postgis")) {
            InputException e = assertThrows(InputException.class, () -> ServerInit.run(c));
            assertTrue(e.getMessage().contains("CREATE EXTENSION postgis"), e.getMessage());
            assertEquals(0, PgSchema.version(c), "nothing of the schema was made");
        }
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        InputException e = assertThrows(InputException.class, () -> as("postgres", "wrong-pass-123", "postgres"));
        assertTrue(e.getMessage().contains("refused the password"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pass-123"));
        InputException none = assertThrows(InputException.class, () -> as("postgres", null, "postgres"));
        assertTrue(none.getMessage().contains("PGPASSWORD"), none.getMessage());
        InputException noDb = assertThrows(InputException.class, () -> as("postgres", PgCluster.SUPERUSER_PASSWORD,
                "no_such_db"));
        assertTrue(noDb.getMessage().contains("no_such_db"), noDb.getMessage());
    }

    /**
     * Schema 7: places learned again (every import meets most of its places again) are updated within their page, so
     * none of the gazetteer's five indexes grows: counted in the updating transaction's own statistics.
     */
    @Test
    void placesLearnedAgainAreUpdatedInTheirPages() throws SQLException {
        pg.createDatabase("init_places", "owner_p", "pw-owner-p");
        try (Connection c = as("owner_p", "pw-owner-p", "init_places")) {
            ServerInit.run(c);
            assertEquals("{fillfactor=50}", one(c, "SELECT reloptions::text FROM pg_class WHERE oid = 'sitmap.place'::regclass"));
            PgPlaceTally tally = new PgPlaceTally();
            // enough places to fill many pages, so that only free room kept on each page lets an update stay there
            for (int k = 0; k < 3_000; k++) {
                tally.add(org.sitmap.model.Incident.builder().sourceKey("k" + k).date(java.time.LocalDate.of(2020, 1, 1))
                        .eventType(org.sitmap.model.EventType.BATTLES).place("Place number " + k).admin1("Aleppo")
                        .country("Syria").position(35 + k * 0.001, 37 + k * 0.0007).build());
            }
            c.setAutoCommit(false);
            PgPlaces.learn(c, tally, "acled");
            c.commit();
            PgPlaces.learn(c, tally, "acled");
            assertEquals("3000 3000", one(c, "SELECT n_tup_upd || ' ' || n_tup_hot_upd FROM pg_stat_xact_user_tables"
                    + " WHERE relid = 'sitmap.place'::regclass"));
            c.commit();
            assertEquals("3000", one(c, "SELECT count(*) FILTER (WHERE event_count = 2)::text FROM sitmap.place"));
            c.setAutoCommit(true);
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
