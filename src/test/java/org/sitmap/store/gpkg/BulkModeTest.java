package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** The journal an import runs with (WAL, always), and the store's state after it. */
class BulkModeTest {
    @TempDir Path dir;

    @Test
    void anImportKeepsWalModeAndSetsItsCacheBackAfterwards() throws Exception {
        Path db = dir.resolve("alone.gpkg");
        IncidentStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.executeQuery("PRAGMA journal_mode = DELETE").close();   // as an older Sitmap may have left it
            }
            BulkMode.begin(c);
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "cache_size")).isEqualTo(String.valueOf(-BulkMode.IMPORT_CACHE_KIB));
            BulkMode.end(c);
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "cache_size")).isEqualTo(String.valueOf(-BulkMode.NORMAL_CACHE_KIB));
        }
    }

    @Test
    void withTheStoreOpenElsewhereTheImportRunsAndTheOtherConnectionSeesItsRows() throws Exception {
        Path db = dir.resolve("shared.gpkg");
        try (IncidentStore window = IncidentStore.open(db)) {
            assertThat(window.count()).isZero();
            try (IncidentStore cli = IncidentStore.open(db)) {
                importRows(cli, 300);
            }
            assertThat(window.count()).isEqualTo(300);
            assertThat(window.searchText("Generated")).hasSize(300);
        }
    }

    @Test
    void theFirstLoadOfANewStoreRunsWithARollbackJournalAndLeavesTheStoreInWalMode() throws Exception {
        Path db = dir.resolve("first.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            importRows(s, 300);
            assertThat(s.count()).isEqualTo(300);
            assertThat(s.searchText("Generated")).hasSize(300);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "integrity_check")).isEqualTo("ok");
        }
        assertThat(Path.of(db + "-journal")).doesNotExist();
    }

    @Test
    void theCheckpointAfterAFirstLoadIsDone() throws Exception {
        // it was refused (SQLITE_LOCKED) after every first load: the switch back to WAL left no log open, and the
        // checkpoint of every schema then locked itself out of the temp schema
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(BulkMode.class.getName());
        java.util.List<String> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { records.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        java.util.logging.Level level = log.getLevel();
        log.setLevel(java.util.logging.Level.FINE);
        log.addHandler(h);
        try (IncidentStore s = IncidentStore.open(dir.resolve("checkpointed.gpkg"))) {
            importRows(s, 300);
            importRows(s, 400);
        } finally {
            log.removeHandler(h);
            log.setLevel(level);
        }
        assertThat(records).noneMatch(m -> m.contains("left to a later one"));
    }

    @Test
    void aCheckpointRightAfterTheSwitchBackToWalSucceeds() throws Exception {
        Path db = dir.resolve("switched.gpkg");
        IncidentStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE scratch (x)");   // a connection with its temp schema open, as a store's
            assertThat(BulkMode.beginFirstLoad(c)).isTrue();
            st.executeUpdate("INSERT INTO import_batch(file, format, started) VALUES ('f.csv', 'acled', 'now')");
            BulkMode.endFirstLoad(c);
            assertThat(BulkMode.checkpoint(c)).isTrue();
        }
    }

    @Test
    void aNewStoreOpenElsewhereGetsItsFirstLoadInWalModeWithoutWaiting() throws Exception {
        Path db = dir.resolve("watched.gpkg");
        try (IncidentStore first = IncidentStore.open(db); IncidentStore window = IncidentStore.open(db)) {
            assertThat(window.count()).isZero();
            importRows(first, 300);
            assertThat(window.count()).isEqualTo(300);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            }
        }
    }

    @Test
    void aReaderDuringAnImportsOpenTransactionReadsTheCommittedStateWithoutWaiting() throws Exception {
        Path db = dir.resolve("reader.gpkg");
        IncidentStore.open(db).close();
        try (Connection importer = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            BulkMode.begin(importer);
            importer.setAutoCommit(false);
            try (Statement st = importer.createStatement()) {
                st.executeUpdate("INSERT INTO import_batch(file, format, started) VALUES ('f.csv', 'acled', 'now')");
            }
            try (Connection reader = StoreAccess.openReadOnly(db); Statement st = reader.createStatement()) {
                st.execute("PRAGMA busy_timeout = 0");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM import_batch")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }
            importer.commit();
            importer.setAutoCommit(true);
            BulkMode.end(importer);
            try (Connection reader = StoreAccess.openReadOnly(db); Statement st = reader.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM import_batch")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void afterAnImportTheStoreIsInWalModeWithNoJournalLeft() throws Exception {
        Path db = dir.resolve("after.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            importRows(s, 500);
            assertThat(s.count()).isEqualTo(500);
            assertThat(Path.of(db + "-journal")).doesNotExist();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            }
        }
    }

    private void importRows(IncidentStore s, int n) throws Exception {
        Path csv = Fixtures.write(dir.resolve("rows-" + n + ".csv"), EventFiles.acledGenerated(n));
        try (IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), s.factions())) {
            s.importAll(r, ImportOptions.DEFAULT, null);
        }
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
