package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * import made while the bench runs survives its cleanup.
 */
class PgBenchStoreTest {
    private static PgCluster pg;

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
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
        // the bench's 250 rows that did not overlap the team's are not noted one by one as other tools' edits, but
        // once as "anything may have changed", so windows and the packed index read the team's store again
        assertEquals(0, count("benchstore_mixed", "SELECT count(fid) FROM sitmap.incident_edit"));
        try (Connection c = pg.superuser("benchstore_mixed")) {
            assertEquals(null, IndexPacks.read(c, FactionCatalog.shipped()));
            ServerInit.run(c);
            assertEquals(150, IndexPacks.read(c, FactionCatalog.shipped()).size());
        }
    }

    @Test
    void settlingVacuumsAndAnalysesTheIncidents(@TempDir Path dir) throws Exception {
        PgLocation where = pg.teamStore("benchstore_settle");
        Path benchDir = Files.createDirectory(dir.resolve("sitmap-bench31"));
        Path benchFile = PgCluster.synthetic().writeAcledCsv(benchDir.resolve("synthetic-acled.csv"), 300, 5);
        String stats = "SELECT vacuum_count + autovacuum_count, analyze_count + autoanalyze_count"
                + " FROM pg_stat_user_tables WHERE schemaname = 'sitmap' AND relname = 'incident'";
        try (PgBenchStore s = PgBenchStore.open(where)) {
            s.importFile(benchFile, "acled", ReaderContext.of(FactionCatalog.shipped()));
            long[] before = counts("benchstore_settle", stats);
            s.settle();
            long[] after = counts("benchstore_settle", stats);
            assertEquals(before[0] + 1, after[0], "vacuumed once");
            assertEquals(before[1] + 1, after[1], "analysed once");
            s.empty();
        }
    }

    private static long[] counts(String db, String sql) throws Exception {
        try (Connection c = pg.superuser(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = pg.superuser(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
