package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        primary = PgCluster.sharedOrSkip();
        primary.teamStore("repl");
        primary.createLogin("repl_ed", "pw-repl-ed");
        primary.execute("repl", "GRANT sitmap_editor TO repl_ed");
        standby = primary.standby();
    }

    private static PgLocation both(String attrs) {
        return PgLocation.parse("postgresql://repl_ed:pw-repl-ed@127.0.0.1:" + standby.port() + ",127.0.0.1:"
                + primary.port() + "/repl?sslmode=disable" + (attrs == null ? "" : "&target_session_attrs=" + attrs),
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
        ImportReport r;
        try (PgChangeFeed feed = new PgChangeFeed(both("prefer-standby"), start)) {
            List<Long> got = new ArrayList<>(feed.await(10));
            PgLocation writer = both("read-write");
            try (Connection c = PgConnections.open(writer);
                 IncidentReader in = StoreFileReader.open(f, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
                assertFalse(inRecovery(c), "read-write skipped the standby listed first");
                r = new PgImporter(c, writer, org.sitmap.model.FactionCatalog.shipped()).run(in, ImportOptions.DEFAULT, n -> { });
            }
            assertEquals(1000, r.imported());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // the feed may first report an earlier import the standby had not replayed when it started
            while (!got.contains(r.batchId()) && System.nanoTime() < end) got.addAll(feed.await(250));
            assertTrue(got.contains(r.batchId()), "the feed on the standby reported the import: " + got);
            assertEquals(r.batchId(), got.get(got.size() - 1));
        }
        try (Connection reader = PgConnections.open(both("prefer-standby"));
             PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM sitmap.incident WHERE batch_id = ?")) {
            ps.setLong(1, r.batchId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1000, rs.getLong(1), "the standby has the import");
            }
        }
    }

    @Test
    void aStoreBrowsingTheStandbyImportsThroughThePrimary() throws Exception {
        // the address names the standby first and says nothing of sessions, as a team's shared address would
        PgLocation address = both(null);
        long before;
        try (Connection c = PgConnections.open(address.forWrites())) {
            assertFalse(inRecovery(c));
            before = count(c);
        }
        Path f = PgCluster.synthetic().writeAcledCsv(dir.resolve("via-standby.csv"), 200, 9);
        // keys of its own, apart from the other test's import
        List<String> lines = java.nio.file.Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? "VSB" + l.substring(3) : l);
        java.nio.file.Files.write(f, lines);
        try (PgStore store = PgStore.open(address.forBrowsing());
             IncidentReader in = StoreFileReader.open(f, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
            assertTrue(store.onStandby(), "browsing reached the standby");
            ImportReport r = store.importAll(in, ImportOptions.DEFAULT, n -> { }, () -> false);
            assertEquals(200, r.imported());
        }
        try (Connection c = PgConnections.open(address.forWrites())) {
            assertEquals(before + 200, count(c), "the rows are on the primary");
        }
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sitmap.incident"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
