package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;

/**
 * The bench's hold on a server never removes a team's data: leftovers of an interrupted bench are cleared, a team's
 * import made while the bench runs survives its cleanup; and the text search it times.
 */
class PgBenchStoreTest {
    private static PgCluster pg;

    @BeforeAll
    static void cluster() {
        String why = PgCluster.unavailable();
        assumeTrue(why == null, why);
        pg = PgCluster.shared();
    }

    @Test
    void leftoversOfAnInterruptedBenchAreRemoved(@TempDir Path dir) throws Exception {
        PgLocation where = pg.teamStore("benchstore_left");
        Path benchDir = Files.createDirectory(dir.resolve("sitmap-bench12345"));
        PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(benchDir.resolve("warm-up.csv"), 200, 3));
        try (PgBenchStore s = PgBenchStore.open(where)) {
            assertEquals(0, count("benchstore_left", "SELECT count(*) FROM sitmap.incident"));
            assertEquals(0, count("benchstore_left", "SELECT count(*) FROM sitmap.import_batch"));
        }
    }

    @Test
    void aTeamsImportDuringTheBenchSurvivesItsCleanup(@TempDir Path dir) throws Exception {
        PgLocation where = pg.teamStore("benchstore_mixed");
        Path benchDir = Files.createDirectory(dir.resolve("sitmap-bench777"));
        Path benchFile = PgCluster.synthetic().writeAcledCsv(benchDir.resolve("synthetic-acled.csv"), 400, 42);
        Path teamFile = PgCluster.synthetic().writeAcledCsv(dir.resolve("team.csv"), 150, 9);
        try (PgBenchStore s = PgBenchStore.open(where)) {
            s.importFile(benchFile, "acled", ReaderContext.of(FactionCatalog.shipped()));
            PgCluster.importFile(where, teamFile);
            s.empty();
        }
        assertEquals(150, count("benchstore_mixed", "SELECT count(*) FROM sitmap.incident"));
        assertEquals(1, count("benchstore_mixed", "SELECT count(*) FROM sitmap.import_batch"));
    }

    @Test
    void textSearchMatchesWordsAsTheGeoPackageStoreDoes(@TempDir Path dir) throws Exception {
        PgLocation where = pg.teamStore("benchstore_fts");
        try (Connection c = pg.superuser("benchstore_fts"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO sitmap.import_batch (id, file, format, started) VALUES (1, 'f', 'acled', now())");
            st.execute("INSERT INTO sitmap.incident (fid, source_key, event_date, date_precision, span_end, place,"
                    + " geo_precision, event_type, summary, batch_id, faction_codes, content_hash) VALUES"
                    + " (10, 'a', DATE '2020-01-01', 0, DATE '2020-01-01', 'Aleppo', 0, 'Battles', 'Shelling near the"
                    + " citadel', 1, '', 'h1'),"
                    + " (11, 'b', DATE '2020-01-01', 0, DATE '2020-01-01', 'Idlib', 0, 'Battles', 'Airstrike; Aleppo road',"
                    + " 1, '', 'h2'),"
                    + " (12, 'c', DATE '2020-01-01', 0, DATE '2020-01-01', 'Hama', 0, 'Battles', 'O''Brien: a:b & !x', 1,"
                    + " '', 'h3')");
            try (Connection own = PgConnections.open(where)) {
                assertArrayEquals(new long[] {10, 11}, PgTextSearch.ids(own, "aleppo"));
                assertArrayEquals(new long[] {10, 11}, PgTextSearch.ids(own, "ALEP"));
                assertArrayEquals(new long[] {11}, PgTextSearch.ids(own, "airstrike alep"));
                assertArrayEquals(new long[] {12}, PgTextSearch.ids(own, "O'Brien & !x:*"));
                assertArrayEquals(new long[0], PgTextSearch.ids(own, "&|!():*"));
            }
        }
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = pg.superuser(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
