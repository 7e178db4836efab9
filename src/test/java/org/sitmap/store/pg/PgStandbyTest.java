package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/**
 * A primary and a streaming standby on loopback, named by one multi-host address: imports go to the primary
 * ({@code target_session_attrs=read-write}), a window's reads and change feed to the standby
 * ({@code prefer-standby}), and an import reaches the standby's feed.
 */
class PgStandbyTest {
    private static PgCluster primary;
    private static PgCluster standby;
    @TempDir
    static Path dir;

    @BeforeAll
    static void clusters() throws Exception {
        String why = PgCluster.unavailable();
        assumeTrue(why == null, why);
        primary = PgCluster.shared();
        primary.teamStore("repl");
        primary.createLogin("repl_ed", "pw-repl-ed");
        primary.execute("repl", "GRANT sitmap_editor TO repl_ed");
        standby = primary.standby();
    }

    private static PgLocation both(String attrs) {
        return PgLocation.parse("postgresql://repl_ed:pw-repl-ed@127.0.0.1:" + standby.port() + ",127.0.0.1:"
                + primary.port() + "/repl?sslmode=disable&target_session_attrs=" + attrs,
                new PgEnvironment(Map.of(), dir, "nobody"));
    }

    private static boolean inRecovery(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void importsGoToThePrimaryAndTheStandbysFeedSeesThem() throws Exception {
        long start;
        try (Connection reader = PgConnections.open(both("prefer-standby"))) {
            assertTrue(inRecovery(reader), "prefer-standby reached the standby");
            start = PgChangeFeed.lastCommit(reader);
        }
        SyntheticData data = PgCluster.synthetic();
        Path f = data.writeAcledCsv(dir.resolve("repl.csv"), 1000, 5);
        try (PgChangeFeed feed = new PgChangeFeed(both("prefer-standby"), start)) {
            assertTrue(feed.await(10).isEmpty());
            ImportReport r;
            PgLocation writer = both("read-write");
            try (Connection c = PgConnections.open(writer);
                 IncidentReader in = StoreFileReader.open(f, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
                assertFalse(inRecovery(c), "read-write skipped the standby listed first");
                r = new PgImporter(c, writer, org.sitmap.model.FactionCatalog.shipped()).run(in, ImportOptions.DEFAULT, n -> { });
            }
            assertEquals(1000, r.imported());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<Long> got = new ArrayList<>();
            while (got.isEmpty() && System.nanoTime() < end) got.addAll(feed.await(250));
            assertEquals(List.of(r.batchId()), got);
        }
        try (Connection reader = PgConnections.open(both("prefer-standby"));
             PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM sitmap.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(1000, rs.getLong(1), "the standby has the import");
        }
    }
}
