package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitmap.store.pg.PgCluster.indexRows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.ImportReport;

/**
 * The owner's first load writes its packed index ahead on a second connection ({@link PackAhead}): the stored parts
 * are those the former way writes (the batch's rows read back and packed in the import's transaction), and a pack
 * written ahead of an import that never committed is never read and is removed by the next pack.
 */
class PackAheadTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static PgCluster pg;
    @TempDir
    static Path dir;

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
    }

    @Test
    void theFirstLoadsPackWrittenAheadIsTheFormerWaysAndAnUnpublishedOneIsNeverRead() throws Exception {
        PgLocation where = pg.teamStore("ahead");
        SyntheticData data = PgCluster.synthetic();
        List<String> said = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(PgImporter.class.getName());
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { said.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Level was = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(h);
        ImportReport a;
        try {
            a = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("a.csv"), 3000, 1));
        } finally {
            log.removeHandler(h);
            log.setLevel(was);
        }
        assertEquals(3000, a.imported(), a.describe());
        assertTrue(said.stream().anyMatch(m -> m.endsWith("packed index written during the index builds")), said.toString());
        try (Connection c = PgConnections.open(where)) {
            // the former way: the batch's rows read back in a transaction and packed as one base
            IncidentIndex back = PgIndexLoader.loadBatch(c, CATALOG, a.batchId(), 3000);
            long now = IndexPacks.counter(c, false);
            byte[] former = PackColumns.record(0, now - 1, now, back.columns(), 0, back.size()).array();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pack, part, batch_id, base,"
                    + " change_before, change_after, layout, rows, data FROM sitmap.index_pack ORDER BY pack, part")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) > 0, "a published pack has its positive number");
                assertEquals(0, rs.getInt(2));
                assertEquals(a.batchId(), rs.getLong(3));
                assertTrue(rs.getBoolean(4), "a first load's pack is a base");
                assertEquals(now - 1, rs.getLong(5));
                assertEquals(now, rs.getLong(6));
                assertEquals(IndexPacks.layout(CATALOG), rs.getLong(7));
                assertEquals(3000, rs.getInt(8));
                assertArrayEquals(former, rs.getBytes(9));
                assertTrue(!rs.next(), "one part");
            }
            assertPackedEqualsRows(c);

            // an import killed after its pack was written ahead leaves it as a negative pack, not a base, made at the
            // count the rolled-back copy would have reached; a later write reaching that count does not make it read
            orphan(c, now, now + 1);
            update(c, "UPDATE sitmap.incident SET fatalities = 4242 WHERE fid = (SELECT min(fid) FROM sitmap.incident)");
            assertEquals(now + 1, IndexPacks.counter(c, false));
            assertPackedEqualsRows(c);
            assertTrue(indexRows(IndexPacks.read(c, CATALOG)).stream().anyMatch(r -> r.contains(" 4242 ")));
            // the next import's pack removes it (an import adding rows: not a base)
            ImportReport b = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("b.csv"), 3500, 1));
            assertEquals(500, b.imported(), b.describe());
            assertEquals(0, one(c, "SELECT count(*) FROM sitmap.index_pack WHERE pack < 0"));
            assertPackedEqualsRows(c);

            // and a first load's base removes one too
            orphan(c, IndexPacks.counter(c, false), IndexPacks.counter(c, false) + 1);
            update(c, "TRUNCATE sitmap.incident CASCADE");
            ImportReport d = PgCluster.importFile(where, data.writeAcledCsv(dir.resolve("d.csv"), 2000, 2));
            assertEquals(2000, d.imported(), d.describe());
            assertEquals(0, one(c, "SELECT count(*) FROM sitmap.index_pack WHERE pack < 0"));
            assertEquals(1, one(c, "SELECT count(DISTINCT pack) FROM sitmap.index_pack"));
            assertPackedEqualsRows(c);
        }
    }

    /** Copies the newest pack as a writer ahead of an import that then died would have left it. */
    private static void orphan(Connection c, long before, long after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sitmap.index_pack (pack, part, batch_id, base,"
                + " change_before, change_after, layout, rows, data) SELECT -nextval('sitmap.index_pack_seq'), part,"
                + " NULL, false, ?, ?, layout, rows, data FROM sitmap.index_pack"
                + " WHERE pack = (SELECT max(pack) FROM sitmap.index_pack) AND part = 0")) {
            ps.setLong(1, before);
            ps.setLong(2, after);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static void assertPackedEqualsRows(Connection c) throws SQLException {
        IncidentIndex packed = IndexPacks.read(c, CATALOG);
        assertNotNull(packed, "the packed index should match the table");
        assertEquals(indexRows(PgIndexLoader.load(c, CATALOG, n -> { })), indexRows(packed));
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
