package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/** Imports into a team store: all or nothing, re-imports add nothing, concurrent editors, a killed client, roles. */
class PgImporterTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;
    private static SyntheticData data;

    @BeforeAll
    static void cluster() throws SQLException {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("imp");
        pg.createLogin("imp_ed1", "pw-ed1");
        pg.createLogin("imp_ed2", "pw-ed2");
        pg.createLogin("imp_reader", "pw-rd");
        pg.execute("imp", "GRANT sitmap_editor TO imp_ed1, imp_ed2");
        pg.execute("imp", "GRANT sitmap_reader TO imp_reader");
        data = PgCluster.synthetic();
    }

    private static ImportReport importFile(String user, String pw, Path file) throws Exception {
        return PgCluster.importFile(pg.location(user, pw, "imp"), file);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = pg.superuser("imp"); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows {@code from}..{@code to}-1 of the synthetic file of seed 1 (row i has key SYN{i} and the same content in every file). */
    private static Path rows(String name, int from, int to) throws IOException {
        Path all = data.writeAcledCsv(dir.resolve(name + "-all.csv"), to, 1);
        List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(1 + from, 1 + to));
        return Files.write(dir.resolve(name + ".csv"), out, StandardCharsets.UTF_8);
    }

    private static void clear() throws SQLException {
        pg.execute("imp", "TRUNCATE sitmap.incident, sitmap.import_batch, sitmap.source RESTART IDENTITY CASCADE");
    }

    @Test
    void importThenReimportAddsNothing() throws Exception {
        clear();
        Path f = rows("once", 0, 2000);
        ImportReport first = importFile("imp_ed1", "pw-ed1", f);
        assertEquals(2000, first.imported(), first.describe());
        assertEquals(2000, count("SELECT count(*) FROM sitmap.incident WHERE geom IS NOT NULL"));
        ImportReport again = importFile("imp_ed2", "pw-ed2", f);
        assertEquals(0, again.imported() + again.updated(), again.describe());
        assertEquals(2000, again.skipped());
        assertEquals(2000, count("SELECT count(*) FROM sitmap.incident"));
        assertEquals(2, count("SELECT count(*) FROM sitmap.import_batch WHERE finished IS NOT NULL"));
    }

    @Test
    void twoEditorsImportingOverlappingFilesAtOnceEndWithEveryEventOnce() throws Exception {
        clear();
        Path a = rows("a", 0, 3000);
        Path b = rows("b", 1500, 4500);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<ImportReport> ra = two.submit(() -> { start.await(); return importFile("imp_ed1", "pw-ed1", a); });
            Future<ImportReport> rb = two.submit(() -> { start.await(); return importFile("imp_ed2", "pw-ed2", b); });
            ImportReport x = ra.get(120, TimeUnit.SECONDS);
            ImportReport y = rb.get(120, TimeUnit.SECONDS);
            assertEquals(4500, x.imported() + y.imported(), x.describe() + "\n" + y.describe());
            assertEquals(1500, x.skipped() + y.skipped());
        } finally {
            two.shutdownNow();
        }
        assertEquals(4500, count("SELECT count(*) FROM sitmap.incident"));
        assertEquals(4500, count("SELECT count(DISTINCT source_key) FROM sitmap.incident"));
        long concurrent = count("SELECT sum(hashtext(content_hash)) FROM sitmap.incident");
        clear();
        importFile("imp_ed1", "pw-ed1", a);
        importFile("imp_ed1", "pw-ed1", b);
        assertEquals(concurrent, count("SELECT sum(hashtext(content_hash)) FROM sitmap.incident"),
                "the concurrent run stored what a sequential run stores");
    }

    @Test
    void aReadersImportIsRefusedAndChangesNothing() throws Exception {
        clear();
        Path f = rows("reader", 0, 10);
        InputException e = assertThrows(InputException.class, () -> importFile("imp_reader", "pw-rd", f));
        assertTrue(e.getMessage().contains("sitmap_editor"), e.getMessage());
        assertEquals(0, count("SELECT count(*) FROM sitmap.import_batch"));
    }

    @Test
    void aStrictImportWithABadRowStoresNothing() throws Exception {
        clear();
        Path f = rows("strict", 0, 50);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(20, lines.get(20).replaceFirst(",20\\d\\d-\\d\\d-\\d\\d,", ",not-a-date,"));
        Files.write(f, lines);
        PgLocation where = pg.location("imp_ed1", "pw-ed1", "imp");
        try (Connection c = PgConnections.open(where);
             IncidentReader r = StoreFileReader.open(f, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
            assertThrows(InputException.class, () -> new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped())
                    .run(r, new ImportOptions(true, false), n -> { }));
        }
        assertEquals(0, count("SELECT count(*) FROM sitmap.incident"));
        assertEquals(0, count("SELECT count(*) FROM sitmap.import_batch"));
    }

    @Test
    void aKilledImportLeavesNothingOfItself() throws Exception {
        clear();
        importFile("imp_ed1", "pw-ed1", rows("before", 0, 100));
        Path big = rows("big", 100, 120_100);
        String uri = "postgresql://imp_ed1:pw-ed1@127.0.0.1:" + pg.port() + "/imp?sslmode=disable";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PgImportChild.class.getName(), uri, big.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean staging = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("staging")) {
                    staging = true;
                    break;
                }
                assertFalse(line.equals("done"), "the child finished before it could be killed");
            }
            assertTrue(staging, "the child never started staging");
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback by the client
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        // the server notices the dropped connection and rolls the transaction back
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE usename = 'imp_ed1'") > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(100, count("SELECT count(*) FROM sitmap.incident"));
        assertEquals(1, count("SELECT count(*) FROM sitmap.import_batch"));
    }
    /** {@code file} with the notes and timestamp of the row of key {@code key} replaced. */
    private static void revise(Path file, String key, String notes, long timestamp) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int k = 1; k < lines.size(); k++) {
            if (lines.get(k).startsWith(key + ",")) {
                lines.set(k, lines.get(k).replaceFirst(",Synthetic incident near [^,]*,", "," + notes + ",")
                        .replaceFirst(",\\d+$", "," + timestamp));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String summary(String key) throws SQLException {
        try (Connection c = pg.superuser("imp");
             PreparedStatement ps = c.prepareStatement("SELECT summary FROM sitmap.incident WHERE source_key = ?")) {
            ps.setString(1, "acled:" + key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void changedRowsAreUpdatedUnlessTheStoredOneWasRevisedLater() throws Exception {
        clear();
        importFile("imp_ed1", "pw-ed1", rows("base", 0, 100));
        Path next = rows("next", 50, 150);
        revise(next, "SYN60", "Shelling reported again", 1_700_000_100L);
        revise(next, "SYN61", "An older account", 1_600_000_000L);
        ImportReport r = importFile("imp_ed2", "pw-ed2", next);
        assertEquals(50, r.imported(), r.describe());
        assertEquals(1, r.updated(), r.describe());
        assertEquals(1, r.older(), r.describe());
        assertEquals(48, r.skipped(), r.describe());
        assertEquals("Shelling reported again", summary("SYN60"));
        assertTrue(summary("SYN61").startsWith("Synthetic incident near"), summary("SYN61"));
        assertEquals(150, count("SELECT count(*) FROM sitmap.incident"));
        assertEquals(r.batchId(), count("SELECT batch_id FROM sitmap.incident WHERE source_key = 'acled:SYN60'"));
    }

    @Test
    void aKeyTwiceInOneFileKeepsItsLastRowInAnEmptyAndInAFullStore() throws Exception {
        for (boolean full : new boolean[] {false, true}) {
            clear();
            if (full) importFile("imp_ed1", "pw-ed1", rows("other", 200, 300));
            Path f = rows("twice", 0, 40);
            List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
            lines.add(lines.get(4).replaceFirst(",Synthetic incident near [^,]*,", ",The later row,"));
            Files.write(f, lines, StandardCharsets.UTF_8);
            ImportReport r = importFile("imp_ed1", "pw-ed1", f);
            assertEquals(40, r.imported(), r.describe());
            assertEquals(1, r.skipped(), r.describe());
            assertEquals("The later row", summary("SYN3"));
            assertEquals(full ? 140 : 40, count("SELECT count(*) FROM sitmap.incident"));
        }
    }
    private static String stored(long batch) throws SQLException {
        try (Connection c = pg.superuser("imp"); PreparedStatement ps = c.prepareStatement("SELECT count(*) || ':' ||"
                + " sum(hashtext(concat_ws('|', source_key, ST_AsText(geom), event_date, end_date, span_end, place,"
                + " admin1, country, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin,"
                + " evidence, faction_codes, content_hash, actors::text, source_revised, search::text)))"
                + " FROM sitmap.incident WHERE batch_id = ?")) {
            ps.setLong(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aFirstLoadByTheOwnerStoresWhatAStagedImportStoresAndKeepsItsIndexes() throws Exception {
        clear();
        Path f = rows("first", 0, 3000);
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        lines.add(2000, lines.get(7).replaceFirst(",Synthetic incident near [^,]*,", ",Said again,"));
        lines.add(lines.get(9).replaceFirst(",Synthetic incident near [^,]*,", ",Said last,"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        // into the empty table, by its owner: copied straight in, indexes built after, the repeats merged
        ImportReport first = PgCluster.importFile(pg.location("imp_owner", "pw-imp-owner", "imp"), f);
        assertEquals(3000, first.imported(), first.describe());
        assertEquals(2, first.skipped(), first.describe());
        assertEquals("Said again", summary("SYN6"));
        assertEquals("Said last", summary("SYN8"));
        String direct = stored(first.batchId());
        assertEquals(6, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'sitmap' AND tablename = 'incident'"));
        assertEquals(3, count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'sitmap.incident'::regclass"));
        assertEquals(count("SELECT count(*) FROM sitmap.incident WHERE search @@ to_tsquery('simple', 'aleppo')"),
                count("SELECT count(*) FROM sitmap.incident WHERE place ILIKE '%aleppo%' OR summary ILIKE '%aleppo%'"));
        // the same file staged and merged (the table not empty) stores the same rows
        clear();
        importFile("imp_ed1", "pw-ed1", rows("elsewhere", 5000, 5001));
        ImportReport staged = importFile("imp_ed1", "pw-ed1", f);
        assertEquals(3000, staged.imported(), staged.describe());
        assertEquals(direct, stored(staged.batchId()));
    }

    /** Every stored incident (but its batch; the point as EWKB) and the id the next insert gets, ordered by id. */
    private static String rowsAndNextId() throws SQLException {
        try (Connection c = pg.superuser("imp"); PreparedStatement ps = c.prepareStatement("SELECT coalesce((SELECT"
                + " string_agg(concat_ws(' ', to_jsonb(i) - 'batch_id' - 'geom', encode(ST_AsEWKB(geom), 'hex')), E'\\n'"
                + " ORDER BY fid) FROM sitmap.incident i), '')"
                + " || E'\\nnext ' || nextval(pg_get_serial_sequence('sitmap.incident', 'fid'))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String incidentTriggers() throws SQLException {
        try (Connection c = pg.superuser("imp"); PreparedStatement ps = c.prepareStatement("SELECT string_agg(tgname"
                + " || ' ' || tgenabled::text || ' ' || pg_get_triggerdef(oid), E'\\n' ORDER BY tgname) FROM pg_trigger"
                + " WHERE tgrelid = 'sitmap.incident'::regclass AND NOT tgisinternal"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The owner's first load numbers its rows itself and drops its row triggers for the copy: the ids, the rows and
     * the sequence's next value are those of a first load by an editor (who may not drop anything, so the server
     * numbers the rows in the same copy), also when a repeated key sends the rest of the file through a merge, and
     * the triggers are there again as they were.
     */
    @Test
    void anOwnersFirstLoadGivesTheIdsTheServerGivesAndKeepsItsTriggers() throws Exception {
        Path f = rows("numbered", 0, 2500);
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        lines.add(1800, lines.get(5).replaceFirst(",Synthetic incident near [^,]*,", ",Said again,"));
        lines.add(1900, "not,a,valid,row");
        Files.write(f, lines, StandardCharsets.UTF_8);
        String triggers = incidentTriggers();
        assertTrue(triggers.contains(PgSchema.SEARCH_ON_INSERT) && triggers.contains(PgEdits.TRIGGER), triggers);
        clear();
        pg.execute("imp", "SELECT setval(pg_get_serial_sequence('sitmap.incident', 'fid'), 41)");
        ImportReport owner = PgCluster.importFile(pg.location("imp_owner", "pw-imp-owner", "imp"), f);
        String ownerRows = rowsAndNextId();
        assertEquals(triggers, incidentTriggers());
        clear();
        pg.execute("imp", "SELECT setval(pg_get_serial_sequence('sitmap.incident', 'fid'), 41)");
        ImportReport editor = importFile("imp_ed1", "pw-ed1", f);
        assertEquals(editor.describe(), owner.describe());
        assertEquals(2500, owner.imported(), owner.describe());
        assertTrue(ownerRows.startsWith("{") && ownerRows.contains("\"fid\": 42,"), ownerRows.substring(0, 200));
        assertEquals(ownerRows, rowsAndNextId());
        // no row copied (every row rejected): the next insert still gets the id it would have
        clear();
        pg.execute("imp", "SELECT setval(pg_get_serial_sequence('sitmap.incident', 'fid'), 41)");
        Path bad = Files.write(dir.resolve("allbad.csv"), List.of(lines.get(0), "not,a,valid,row"), StandardCharsets.UTF_8);
        PgCluster.importFile(pg.location("imp_owner", "pw-imp-owner", "imp"), bad);
        assertEquals("next 42", rowsAndNextId().strip());
    }

    @Test
    void aKilledFirstLoadLeavesAnEmptyTableWithItsIndexes() throws Exception {
        clear();
        Path big = rows("bigfirst", 0, 120_000);
        String uri = "postgresql://imp_owner:pw-imp-owner@127.0.0.1:" + pg.port() + "/imp?sslmode=disable";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PgImportChild.class.getName(), uri, big.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean staging = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("staging")) {
                    staging = true;
                    break;
                }
                assertFalse(line.equals("done"), "the child finished before it could be killed");
            }
            assertTrue(staging, "the child never started copying");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE usename = 'imp_owner'") > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, count("SELECT count(*) FROM sitmap.incident"));
        assertEquals(0, count("SELECT count(*) FROM sitmap.import_batch"));
        assertEquals(6, count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'sitmap' AND tablename = 'incident'"));
        assertEquals(3, count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'sitmap.incident'::regclass"));
    }

    /** The learned places as text, one line each, sorted. */
    private static List<String> learnedPlaces() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pg.superuser("imp"); PreparedStatement ps = c.prepareStatement("SELECT concat_ws('|', name,"
                + " ST_AsText(geom), country_code, admin1, source, geo_precision, event_count) FROM sitmap.place"
                + " ORDER BY 1"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void aFirstLoadLearnsThePlacesTheMergeWouldLearn() throws Exception {
        Path f = rows("places", 0, 3000);
        clear();
        pg.execute("imp", "TRUNCATE sitmap.place");
        importFile("imp_ed1", "pw-ed1", f);   // into the empty table: the places tallied by the client
        List<String> tallied = learnedPlaces();
        clear();
        importFile("imp_ed1", "pw-ed1", rows("other", 5000, 5001));
        pg.execute("imp", "TRUNCATE sitmap.place");
        importFile("imp_ed1", "pw-ed1", f);   // into a table with a row: staged, merged, grouped on the server
        assertTrue(tallied.size() > 100, tallied.size() + " places");
        assertEquals(tallied, learnedPlaces());
        pg.execute("imp", "TRUNCATE sitmap.place");
    }
}
