package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitmap.store.pg.PgCluster.indexRows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.ImportReport;

/**
 * The packed index (schema 4) on a real throwaway cluster: it follows imports (first loads, updates, new rows) and
 * equals the rows streamed from the table; a write by another tool (UPDATE, DELETE, INSERT, a changed id) is read
 * again through the edit log (schema 6), while a TRUNCATE, a write made before the log existed or an import without
 * a pack make the open take the rows until {@code server init} packs the store again; a store migrated with rows is
 * packed by {@code server init}; {@code check} compares the packs with the rows.
 */
class IndexPacksTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static PgCluster pg;
    @TempDir
    static Path dir;

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
    }

    @Test
    void thePackedIndexFollowsImportsAndIsDroppedWhenAnotherToolWrites() throws Exception {
        PgLocation where = pg.teamStore("packs");
        SyntheticData data = PgCluster.synthetic();
        ImportReport a = PgCluster.importFile(where, withOddRows(data.writeAcledCsv(dir.resolve("a.csv"), 3000, 1)));
        assertEquals(3003, a.imported(), a.describe());
        try (Connection c = PgConnections.open(where)) {
            assertPackedEqualsRows(c);
            assertTrue(one(c, "SELECT count(*) FROM sitmap.index_pack WHERE base") >= 1);
            // the same keys with other content: updates move rows to the new import, whose pack replaces them
            ImportReport b = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("b.csv"), 1500, 2));
            assertEquals(1500, b.updated(), b.describe());
            assertPackedEqualsRows(c);
            // updates back, rows kept, and new rows
            ImportReport d = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("d.csv"), 4000, 1));
            assertEquals(1000, d.imported(), d.describe());
            assertEquals(1500, d.updated(), d.describe());
            assertPackedEqualsRows(c);
            try (PgBrowser browser = PgBrowser.open(where, CATALOG)) {
                assertEquals(indexRows(streamed(c)), indexRows(browser.loadIndex(n -> { }).index()));
            }
            org.sitmap.store.CheckReport check = PgCheck.run(c, where, CATALOG, false);
            assertTrue(check.healthy() && check.passed().contains("the packed index matches the incidents"),
                    check.toString());
            IncidentIndex now = streamed(c);
            org.sitmap.index.IndexColumns k = now.columns();
            int[] deaths = k.fatalities().clone();
            deaths[deaths.length / 2] += 1;
            IncidentIndex changed = IncidentIndex.of(CATALOG, new org.sitmap.index.IndexColumns(k.id(), k.day(),
                    k.dayEnd(), k.lon(), k.lat(), k.mercX(), k.mercY(), k.factionMask(), k.primaryFaction(),
                    k.eventType(), k.subEventType(), k.datePrecision(), k.geoPrecision(), deaths, k.placeRef(),
                    k.places(), k.maxSpan()));
            assertTrue(PgCheck.sameRows(IndexPacks.read(c, CATALOG), now));
            assertTrue(!PgCheck.sameRows(IndexPacks.read(c, CATALOG), changed), "check would see one changed value");

            // another tool's writes are in the edit log (schema 6): the packs stay usable, the edited rows read again
            foreignWrite(c, "UPDATE sitmap.incident SET fatalities = 4242 WHERE fid = (SELECT min(fid) FROM sitmap.incident)");
            assertPackedEqualsRows(c);
            assertTrue(indexRows(IndexPacks.read(c, CATALOG)).stream().anyMatch(r -> r.contains(" 4242 ")));
            org.sitmap.store.CheckReport edited = PgCheck.run(c, where, CATALOG, false);
            assertTrue(edited.healthy() && edited.passed().contains("the packed index matches the incidents"),
                    edited.toString());
            try (PgStore store = PgStore.open(where)) {
                IncidentIndex ix = store.loadIndex();
                assertEquals(indexRows(streamed(c)), indexRows(ix));
                assertTrue(indexRows(ix).stream().anyMatch(r -> r.contains(" 4242 ")));
            }
            // a later import chains after the edit; the same row edited again, a point moved
            PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("e.csv"), 4100, 1));
            foreignWrite(c, "UPDATE sitmap.incident SET fatalities = 4343, geom = ST_SetSRID(ST_MakePoint(36.1, 35.9),"
                    + " 4326) WHERE fid = (SELECT min(fid) FROM sitmap.incident)");
            assertPackedEqualsRows(c);
            foreignWrite(c, "DELETE FROM sitmap.incident WHERE fid = (SELECT max(fid) FROM sitmap.incident)");
            assertPackedEqualsRows(c);
            assertEquals(4102, IndexPacks.read(c, CATALOG).size());
            foreignWrite(c, "INSERT INTO sitmap.incident (geom, source_key, event_date, date_precision, span_end,"
                    + " geo_precision, event_type, batch_id, faction_codes, content_hash) SELECT geom, 'psql:1',"
                    + " event_date, date_precision, span_end, geo_precision, event_type, batch_id, faction_codes, 'x'"
                    + " FROM sitmap.incident ORDER BY fid LIMIT 1");
            assertPackedEqualsRows(c);
            assertEquals(4103, streamed(c).size());
            // a row whose id another tool changed: the old id leaves, the new one comes
            foreignWrite(c, "UPDATE sitmap.incident SET fid = 99999999 WHERE source_key = 'psql:1'");
            assertPackedEqualsRows(c);
            assertTrue(ServerInit.run(c).stream().noneMatch(l -> l.startsWith("packed")), "nothing to pack again");

            // an import that wrote no pack leaves a note: the packs are not trusted past it until server init
            c.setAutoCommit(false);
            foreignWrite(c, "UPDATE sitmap.incident_change SET n = n + 1");   // as the import's own write counts
            PgEdits.markUnpacked(c);
            c.commit();
            c.setAutoCommit(true);
            assertNull(IndexPacks.read(c, CATALOG), "a note that anything may have changed");
            List<String> init = ServerInit.run(c);
            assertTrue(init.stream().anyMatch(l -> l.startsWith("packed the index of 4,103 incidents")), init.toString());
            assertPackedEqualsRows(c);
            foreignWrite(c, "TRUNCATE sitmap.incident CASCADE");
            assertNull(IndexPacks.read(c, CATALOG), "a TRUNCATE");
            assertEquals(0, streamed(c).size());
        }
    }

    @Test
    void writesBeforeTheEditLogAreNotTakenAsPacked() throws Exception {
        PgLocation where = pg.schema5Store("packs_v5", "owner_p5", "pw-owner-p5");
        try (Connection c = PgConnections.open(where)) {
            PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("v5.csv"), 500, 6));
            assertPackedEqualsRows(c);
            // at schema 5 nobody notes which row another tool wrote
            foreignWrite(c, "UPDATE sitmap.incident SET fatalities = 77 WHERE fid ="
                    + " (SELECT min(fid) FROM sitmap.incident)");
            PgSchema.migrate(c);
            assertEquals(PgSchema.VERSION, PgSchema.version(c));
            assertNull(IndexPacks.read(c, CATALOG), "the write before the log must not be hidden by the packs");
            ServerInit.run(c);
            assertPackedEqualsRows(c);
            foreignWrite(c, "UPDATE sitmap.incident SET fatalities = 78 WHERE fid ="
                    + " (SELECT max(fid) FROM sitmap.incident)");
            assertPackedEqualsRows(c);
        }
        // a store whose packs matched when it was migrated keeps them
        PgLocation other = pg.schema5Store("packs_v5b", "owner_p5b", "pw-owner-p5b");
        try (Connection c = PgConnections.open(other)) {
            PgCluster.importFile(other, PgCluster.synthetic().writeAcledCsv(dir.resolve("v5b.csv"), 400, 7));
            PgSchema.migrate(c);
            assertPackedEqualsRows(c);
        }
    }

    @Test
    void aStoreMigratedWithRowsIsPackedByServerInit() throws Exception {
        pg.createDatabase("packs_v3", "owner_p3", "pw-owner-p3");
        PgLocation where = pg.location("owner_p3", "pw-owner-p3", "packs_v3");
        try (Connection c = PgConnections.open(where); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            s.execute("CREATE SCHEMA sitmap");
            s.execute("CREATE TABLE sitmap.sitmap_migration (version integer PRIMARY KEY,"
                    + " applied timestamptz NOT NULL DEFAULT now())");
            for (String sql : PgSchema.V1) s.execute(sql);
            for (String sql : PgSchema.V2) s.execute(sql);
            for (String sql : PgSchema.V3) s.execute(sql);
            s.execute("INSERT INTO sitmap.sitmap_migration (version) VALUES (1), (2), (3)");
            // imports into the schema-3 store write no pack
            PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("v3.csv"), 700, 5));
            assertNull(IndexPacks.read(c, CATALOG));
            List<String> report = ServerInit.run(c);
            assertTrue(report.stream().anyMatch(l -> l.contains("brought from version 3 to " + PgSchema.VERSION)),
                    report.toString());
            assertTrue(report.stream().anyMatch(l -> l.startsWith("packed the index of 700 incidents")), report.toString());
            assertPackedEqualsRows(c);
            ImportReport more = PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("v4.csv"),
                    900, 5));
            assertEquals(200, more.imported(), more.describe());
            assertPackedEqualsRows(c);
        }
    }

    /**
     * Adds a row whose place has a tab and a backslash, one without coordinates and one without a place name, so the
     * first load's pack (made on the client) is checked against the stored rows on the odd cases too.
     */
    private static Path withOddRows(Path f) throws java.io.IOException {
        List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(f));
        String first = lines.get(1);
        java.util.regex.Matcher town = java.util.regex.Pattern.compile("Synthetic incident near ([^\",]*)").matcher(first);
        assertTrue(town.find());
        String q = java.util.regex.Pattern.quote(town.group(1));
        lines.add(first.replaceFirst("^SYN0,", "ODD1,").replaceFirst(",\"?" + q + "\"?,(-?\\d+\\.\\d+,-?\\d+\\.\\d+,)",
                ",\"odd \\\\\\\\ name\t here\",$1"));
        lines.add(first.replaceFirst("^SYN0,", "ODD2,").replaceFirst(",(-?\\d+\\.\\d+),(-?\\d+\\.\\d+),1,", ",,,1,"));
        lines.add(first.replaceFirst("^SYN0,", "ODD3,").replaceFirst(",\"?" + q + "\"?,(-?\\d+\\.\\d+,-?\\d+\\.\\d+,)",
                ",,$1"));
        assertTrue(lines.get(lines.size() - 3).contains("odd") && !lines.get(lines.size() - 1).equals(first.replaceFirst("^SYN0,", "ODD3,")));
        java.nio.file.Files.write(f, lines);
        return f;
    }

    private static void foreignWrite(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static void assertPackedEqualsRows(Connection c) throws SQLException {
        IncidentIndex packed = IndexPacks.read(c, CATALOG);
        assertNotNull(packed, "the packed index should match the table");
        IncidentIndex rows = streamed(c);
        assertEquals(rows.size(), packed.size());
        assertEquals(indexRows(rows), indexRows(packed));
    }

    private static IncidentIndex streamed(Connection c) throws SQLException {
        return PgIndexLoader.load(c, CATALOG, n -> { });
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
