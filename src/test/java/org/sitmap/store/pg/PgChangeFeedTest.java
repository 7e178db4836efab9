package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

/** Another client's import reaches an open feed within two seconds, also after the feed's connection was cut. */
class PgChangeFeedTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;
    private static SyntheticData data;

    @BeforeAll
    static void cluster() throws SQLException {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("feed");
        pg.createLogin("feed_ed", "pw-feed-ed");
        pg.createLogin("feed_rd", "pw-feed-rd");
        pg.execute("feed", "GRANT sitmap_editor TO feed_ed");
        pg.execute("feed", "GRANT sitmap_reader TO feed_rd");
        data = PgCluster.synthetic();
    }

    private static ImportReport importRows(String name, int n, long seed) throws Exception {
        Path f = data.writeAcledCsv(dir.resolve(name + ".csv"), n, seed);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? name + l.substring(3) : l);
        java.nio.file.Files.write(f, lines);
        return PgCluster.importFile(pg.location("feed_ed", "pw-feed-ed", "feed"), f);
    }

    /** Calls the feed until it reports a batch or {@code seconds} pass; returns what it reported. */
    private static List<Long> awaitBatches(PgChangeFeed feed, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> got = new ArrayList<>();
        while (got.isEmpty() && System.nanoTime() < end) got.addAll(feed.await(250));
        return got;
    }

    @Test
    void anotherClientsImportArrivesWithinTwoSeconds() throws Exception {
        long start;
        try (Connection c = PgConnections.open(pg.location("feed_rd", "pw-feed-rd", "feed"))) {
            start = PgChangeFeed.lastCommit(c);
        }
        try (PgChangeFeed feed = new PgChangeFeed(pg.location("feed_rd", "pw-feed-rd", "feed"), start)) {
            assertTrue(feed.await(10).isEmpty());
            assertTrue(feed.connected());
            ImportReport r = importRows("FA", 1000, 3);
            long t0 = System.nanoTime();
            List<Long> got = awaitBatches(feed, 2);
            assertEquals(List.of(r.batchId()), got, "seen after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertTrue(feed.await(10).isEmpty(), "each batch is reported once");
        }
    }

    @Test
    void aCutConnectionIsNoticedAndTheFeedCatchesUp() throws Exception {
        long start;
        try (Connection c = PgConnections.open(pg.location("feed_rd", "pw-feed-rd", "feed"))) {
            start = PgChangeFeed.lastCommit(c);
        }
        try (PgChangeFeed feed = new PgChangeFeed(pg.location("feed_rd", "pw-feed-rd", "feed"), start)) {
            assertTrue(feed.await(10).isEmpty());
            pg.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'feed_rd'");
            ImportReport r = importRows("FB", 200, 4);
            assertTrue(feed.await(100).isEmpty(), "the cut is noticed, not waited on");
            assertFalse(feed.connected());
            assertEquals(List.of(r.batchId()), awaitBatches(feed, 5), "after reconnecting, the import made meanwhile");
            assertTrue(feed.connected());
        }
    }
}
