package org.sitmap.store.gpkg;

import static org.sitmap.store.gpkg.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.Incident;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreException;
import org.sitmap.store.StoreFault;
import org.sitmap.testutil.Fixtures;

/**
 * A first load whose full-text index a second thread builds in a stage file ({@link StageFts}) leaves the store that
 * building it on the importing connection ({@link FtsBulk}) leaves: the same schema rows in the same order, the same
 * records in every full-text shadow table, the same date index, rows, places and checks; searches on the store's own
 * connection, also one made before the import, see the new index; a failure or a cancel leaves the store as before.
 */
class StageFtsTest {
    @TempDir Path dir;

    private static final String[] WORDS = {"astral", "village", "hamlet", "quoted", "shelling", "كفرسجنة", "cafe"};

    @Test
    void fullTextBuiltApartGivesTheStoreBuiltOnTheImportingConnection() throws Exception {
        Incident[] file = file();
        List<String> messages = new ArrayList<>();
        List<String> apart = logged(messages, () -> load("apart.gpkg", file));
        assertThat(messages).contains("the stage's rows are moved as records (transfer)");
        assertThat(messages).anyMatch(m -> m.startsWith("the full-text index built by a second thread was copied"));
        List<String> serial;
        StageFts.enabled = false;
        messages.clear();
        try {
            serial = logged(messages, () -> load("serial.gpkg", file));
        } finally {
            StageFts.enabled = true;
        }
        assertThat(messages).noneMatch(m -> m.startsWith("the full-text index built by a second thread"));
        for (int k = 0; k < Math.min(apart.size(), serial.size()); k++) {
            assertThat(apart.get(k)).as("line %d", k).isEqualTo(serial.get(k));
        }
        assertThat(apart).hasSameSizeAs(serial);
        assertThat(apart).contains("ok|", "integrity|");
        assertThat(apart).noneMatch(l -> l.startsWith("search ") && l.endsWith(" 0"));
        assertThat(StageRows.stagesOf(dir.resolve("apart.gpkg"))).isEmpty();
    }

    @Test
    void aFailureOfTheSecondThreadLeavesTheStoreAsBefore() throws Exception {
        Incident[] file = file();
        Path db = dir.resolve("fail.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.searchText("village")).isEmpty();
            System.setProperty("sitmap.test.ftsStageFails", "true");
            try {
                assertThatThrownBy(() -> s.importAll(Fixtures.readerOf("f", file), ImportOptions.DEFAULT, null))
                        .isInstanceOf(StoreException.class).hasStackTraceContaining("the full-text stage failed");
            } finally {
                System.clearProperty("sitmap.test.ftsStageFails");
            }
            assertThat(s.count()).isZero();
            assertThat(s.searchText("village")).isEmpty();
            assertThat(StageRows.stagesOf(db)).isEmpty();
            s.importAll(Fixtures.readerOf("f", file), ImportOptions.DEFAULT, null);
            assertThat(s.count()).isEqualTo(file.length);
            assertThat(s.searchText("village")).isNotEmpty();
        }
        assertThat(checks(db)).containsExactly("ok|", "integrity|", "1|");
    }

    @Test
    void anImportCancelledAfterTheCopyLeavesTheStoreAsBefore() throws Exception {
        Incident[] file = file();
        Path db = dir.resolve("cancel.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.searchText("hamlet")).isEmpty();
            AtomicBoolean allRead = new AtomicBoolean();
            // the last progress report comes after the indexes and the copy, the check for a cancel before the commit
            assertThatThrownBy(() -> s.importAll(Fixtures.readerOf("f", file), ImportOptions.DEFAULT,
                    n -> allRead.set(n == file.length), allRead::get))
                    .isInstanceOf(StoreFault.class).extracting(e -> ((StoreFault) e).kind())
                    .isEqualTo(StoreFault.Kind.CANCELLED);
            assertThat(s.count()).isZero();
            assertThat(s.searchText("hamlet")).isEmpty();
            assertThat(StageRows.stagesOf(db)).isEmpty();
        }
        assertThat(checks(db)).containsExactly("ok|", "integrity|", "1|");
    }

    @Test
    void theImportingConnectionReadsTheCopiedIndexThoughItReadTheEmptyOneBefore() throws Exception {
        String fts = "CREATE VIRTUAL TABLE incident_fts USING fts5(place, summary, evidence, content='incident',"
                + " content_rowid='fid', tokenize='unicode61 remove_diacritics 2', columnsize=0)";
        String table = "CREATE TABLE incident (fid INTEGER PRIMARY KEY, source_key TEXT NOT NULL UNIQUE, place TEXT,"
                + " summary TEXT, evidence TEXT)";
        Path rowsFile = dir.resolve("rows.db"), ftsFile = dir.resolve("fts.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rowsFile); Statement st = c.createStatement()) {
            st.execute(table);
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO"
                    + " incident SELECT i, 'k' || i, 'Place ' || i, 'shelling of the village', NULL FROM n");
        }
        java.nio.file.Files.createFile(ftsFile);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("main.db"));
             Statement st = c.createStatement()) {
            st.execute(table);
            st.execute(fts);
            st.execute("ATTACH '" + ftsFile + "' AS " + StageFts.SCHEMA);
            String search = "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH 'village'";
            assertThat(rows(st, search)).containsExactly("0|");
            c.setAutoCommit(false);
            StageFts f = StageFts.start(rowsFile, ftsFile, fts);
            try {
                f.awaitKeys();
                f.copyInto(c);
            } finally {
                f.close();
            }
            assertThat(rows(st, search)).containsExactly("500|");
            c.commit();
            assertThat(rows(st, search)).containsExactly("500|");
            c.setAutoCommit(true);
            st.execute("INSERT INTO incident_fts(incident_fts, rank) VALUES ('integrity-check', 0)");
        }
    }

    /** 3,000 varied rows, keys all different and every record small enough for the stage, so all are staged. */
    private static Incident[] file() {
        List<Incident> rows = new ArrayList<>();
        Incident a = Fixtures.arabic(), u = Fixtures.unresolved();
        for (int i = 0; i < 3000; i++) {
            Incident.Builder b = (i % 3 == 0 ? u : a).toBuilder().sourceKey("k" + i + (i % 5 == 0 ? "é" : ""))
                    .date(LocalDate.of(2015, 1, 1).plusDays(i % 900));
            if (i % 13 == 0) b.summary("astral 𝔘 and broken \uD800 text " + i + " village");
            if (i % 29 == 0) b.summary("Café crème, shelling near Zoë's village " + i);
            if (i % 23 == 0) b.place(null).admin1(null);
            if (i % 31 == 0) b.summary("word" + i + " " + "lorem ipsum ".repeat(i % 50) + " village");
            rows.add(b.build());
        }
        return rows.toArray(Incident[]::new);
    }

    private interface Load {
        List<String> run() throws Exception;
    }

    /** Runs {@code load} with the store package's FINE messages collected in {@code messages}. */
    private static List<String> logged(List<String> messages, Load load) throws Exception {
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { messages.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger log = Logger.getLogger("org.sitmap.store.gpkg");
        Level was = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(h);
        try {
            return load.run();
        } finally {
            log.removeHandler(h);
            log.setLevel(was);
        }
    }

    /**
     * The file imported into a new store, searches on the store's own connection (one before the import), then
     * the schema rows in order, every full-text shadow table, the date index, rows, places and checks.
     */
    private List<String> load(String name, Incident[] file) throws Exception {
        Path db = dir.resolve(name);
        List<String> out = new ArrayList<>();
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.searchText("village")).isEmpty();
            var r = s.importAll(Fixtures.readerOf("f", file), ImportOptions.DEFAULT, null);
            out.add(r.imported() + " " + r.updated() + " " + r.skipped());
            for (String w : WORDS) out.add("search " + w + " " + s.searchText(w).length);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(StageRows.attached(c)).isFalse();
            out.addAll(rows(st, "SELECT rowid, type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid"));
            for (String t : rows(st, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE"
                    + " 'incident_fts_%' ORDER BY name")) {
                String table = t.substring(0, t.length() - 1);
                out.add(table);
                out.addAll(rows(st, "SELECT quote(" + String.join("), quote(", columns(st, table)) + ") FROM "
                        + table + " ORDER BY 1, 2"));
            }
            out.addAll(rows(st, "SELECT event_date, span_end, fid FROM incident INDEXED BY incident_dates"
                    + " ORDER BY event_date, span_end, fid"));
            out.addAll(rows(st, "SELECT name, sum(ncell), sum(payload) FROM dbstat WHERE name IN ('incident',"
                    + " 'incident_dates', 'sqlite_autoindex_incident_1') GROUP BY name ORDER BY name"));
            out.addAll(rows(st, "SELECT fid, quote(place), quote(summary), quote(evidence), source_key FROM incident"
                    + " ORDER BY fid"));
            out.addAll(rows(st, "SELECT name, quote(geom), event_count FROM place ORDER BY id"));
            for (String w : WORDS) {
                out.addAll(rows(st, "SELECT rowid FROM incident_fts WHERE incident_fts MATCH '" + w + "' ORDER BY rowid"));
            }
        }
        out.addAll(checks(db));
        return out;
    }

    /** SQLite's integrity check, FTS5's and the R-tree's. */
    private static List<String> checks(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> out = new ArrayList<>(rows(st, "PRAGMA integrity_check"));
            st.execute("INSERT INTO incident_fts(incident_fts, rank) VALUES ('integrity-check', 1)");
            out.add("integrity|");
            out.addAll(rows(st, "SELECT rtreecheck('rtree_incident_geom') = 'ok'"));
            return out;
        }
    }

    private static List<String> columns(Statement st, String table) throws Exception {
        List<String> out = new ArrayList<>();
        for (String c : rows(st, "SELECT name FROM pragma_table_info('" + table + "')")) {
            out.add(c.substring(0, c.length() - 1));
        }
        return out;
    }
}
