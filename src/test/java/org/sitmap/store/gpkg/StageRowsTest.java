package org.sitmap.store.gpkg;

import static org.sitmap.store.gpkg.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.Incident;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.Fixtures;

/**
 * A first load's rows written as pages ({@link StageRows}) leave the store that binding them leaves: every column's
 * value and type, the records' sizes page by page, the sequence, the indexes and the checks.
 */
class StageRowsTest {
    @TempDir Path dir;

    @Test
    void stagedRowsGiveTheStoreBoundRowsGive() throws Exception {
        Incident[] file = file();
        List<String> messages = new ArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { messages.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger log = Logger.getLogger(StageRows.class.getName());
        Level was = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(h);
        List<String> staged;
        try {
            staged = load("staged.gpkg", file);
        } finally {
            log.removeHandler(h);
            log.setLevel(was);
        }
        List<String> bound;
        StageRows.enabled = false;
        try {
            bound = load("bound.gpkg", file);
        } finally {
            StageRows.enabled = true;
        }
        for (int k = 0; k < Math.min(staged.size(), bound.size()); k++) {
            assertThat(staged.get(k)).as("line %d", k).isEqualTo(bound.get(k));
        }
        assertThat(staged).hasSameSizeAs(bound);
        assertThat(staged).contains("ok|", "integrity|");
        // the rows before the first repeated key went through the stage, copied as records
        assertThat(messages).contains("the stage's rows are moved as records (transfer)", "moved 2500 rows from the"
                + " import's stage");
        assertThat(StageRows.stagesOf(dir.resolve("staged.gpkg"))).isEmpty();
    }

    @Test
    void aStageLeftByAKilledImportIsDeletedByTheNextAndARunningImportsStageIsKept() throws Exception {
        Path db = dir.resolve("s.gpkg");
        // a process that has ended stands for a killed import; this JVM's parent (the build) for one still running
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = dir.resolve("s.gpkg-import-stage-" + gone.pid() + "-1");
        long running = ProcessHandle.current().parent().orElseThrow().pid();
        Path live = dir.resolve("s.gpkg-import-stage-" + running + "-4");
        Files.writeString(left, "left over");
        Files.writeString(live, "another program's first load");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("f", Fixtures.arabic()), ImportOptions.DEFAULT, null);
            assertThat(StageRows.stagesOf(db)).containsExactly(live);
            Files.writeString(left, "left over");
            // not a first load: no stage, but the leftover goes
            s.importAll(Fixtures.readerOf("g", Fixtures.unresolved()), ImportOptions.DEFAULT, null);
            assertThat(StageRows.stagesOf(db)).containsExactly(live);
        }
    }

    @Test
    void pagesOfManyLeavesReadBackIntact() throws Exception {
        Path f = dir.resolve("pages.db");
        String sql = "CREATE TABLE incident (fid INTEGER PRIMARY KEY AUTOINCREMENT, v BLOB, k TEXT NOT NULL UNIQUE,"
                + " n INTEGER)";
        // one record a leaf: 2,200 leaves, more than an interior page of 16 KiB holds with these keys (2,048), so
        // the leaves need two interior pages and a root
        int rows = 2200;
        try (StagePages p = new StagePages(f, sql)) {
            for (int i = 1; i <= rows; i++) {
                p.begin();
                p.putNull();
                p.putBlob(new byte[9000 + i % 7]);
                p.putText("k" + i);
                p.putLong(i % 3 == 0 ? -i * 1_000_003L : i % 3 == 1 ? i % 2 : (long) i << 40);
                assertThat(p.fits()).isTrue();
                p.end(i * 3L);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("REINDEX sqlite_autoindex_incident_1");
            assertThat(rows(st, "PRAGMA integrity_check")).containsExactly("ok|");
            assertThat(rows(st, "SELECT count(*), sum(fid), sum(length(v)), sum(n), count(DISTINCT k) FROM incident"))
                    .containsExactly(rows + "|" + 3L * rows * (rows + 1) / 2 + "|" + sum(rows) + "|" + nsum(rows)
                            + "|" + rows + "|");
            assertThat(rows(st, "SELECT pagetype, count(*), sum(ncell) FROM dbstat WHERE name = 'incident'"
                    + " GROUP BY pagetype ORDER BY pagetype")).containsExactly("internal|3|2199|", "leaf|2200|2200|");
        }
    }

    @Test
    void aStageOverOneGibibyteSkipsSqlitesLockPage() throws Exception {
        Path f = dir.resolve("big.db");
        String sql = "CREATE TABLE incident (fid INTEGER PRIMARY KEY AUTOINCREMENT, v BLOB, k TEXT NOT NULL UNIQUE)";
        int rows = StagePages.LOCK_PAGE + 100;   // one record a leaf: the leaves pass byte 2^30 of the file
        byte[] v = new byte[16_000];
        try (StagePages p = new StagePages(f, sql)) {
            for (int i = 1; i <= rows; i++) {
                p.begin();
                p.putNull();
                v[i % v.length] = (byte) i;
                p.putBlob(v);
                p.putText("k" + i);
                p.end(i);
            }
        }
        assertThat(Files.size(f)).isGreaterThan(1L << 30);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("REINDEX sqlite_autoindex_incident_1");
            assertThat(rows(st, "PRAGMA integrity_check")).containsExactly("ok|");
            assertThat(rows(st, "SELECT count(*), sum(fid), count(DISTINCT k) FROM incident"))
                    .containsExactly(rows + "|" + (long) rows * (rows + 1) / 2 + "|" + rows + "|");
        }
        Files.delete(f);
    }

    private static long sum(int rows) {
        long s = 0;
        for (int i = 1; i <= rows; i++) s += 9000 + i % 7;
        return s;
    }

    private static long nsum(int rows) {
        long s = 0;
        for (int i = 1; i <= rows; i++) s += i % 3 == 0 ? -i * 1_000_003L : i % 3 == 1 ? i % 2 : (long) i << 40;
        return s;
    }

    /**
     * 2,500 varied rows (texts in Arabic, astral and broken UTF-16, nulls, 0, 1, large and negative numbers, one
     * summary too long for a page), then a repeated key (the stage is moved, the rest bound) and more rows.
     */
    private static Incident[] file() {
        List<Incident> rows = new ArrayList<>();
        Incident a = Fixtures.arabic(), u = Fixtures.unresolved();
        for (int i = 0; i < 2600; i++) {
            Incident.Builder b = (i % 3 == 0 ? u : a).toBuilder().sourceKey("k" + i + (i % 5 == 0 ? "é" : ""))
                    .date(LocalDate.of(2015, 1, 1).plusDays(i % 900));
            if (i % 4 == 0) b.fatalities(i % 8 == 0 ? 0 : 1);
            if (i % 7 == 0) b.fatalities(null);
            if (i % 11 == 0) b.fatalities(i * 1000);
            if (i % 13 == 0) b.summary("astral 𝔘 and broken \uD800 text " + i);
            if (i % 17 == 0) b.revised(Instant.ofEpochSecond(i % 2 == 0 ? 1_700_000_000L + i : -5L * i));
            if (i % 19 == 0) b.datePrecision(DatePrecision.MONTH).endDate(LocalDate.of(2015, 1, 1).plusDays(i % 900 + 30));
            if (i == 1234) b.summary("x".repeat(20_000));
            if (i % 23 == 0) b.place(null).admin1(null);
            rows.add(b.build());
            if (i == 2500) rows.add(rows.get(10).toBuilder().fatalities(77).build());
        }
        return rows.toArray(Incident[]::new);
    }

    /** The file imported into a new store, then every column's value and type, page sizes and checks. */
    private List<String> load(String name, Incident[] file) throws Exception {
        Path db = dir.resolve(name);
        List<String> out = new ArrayList<>();
        try (IncidentStore s = IncidentStore.open(db)) {
            var r = s.importAll(Fixtures.readerOf("f", file), ImportOptions.DEFAULT, null);
            out.add(r.imported() + " " + r.updated() + " " + r.skipped());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(StageRows.attached(c)).isFalse();
            StringBuilder cols = new StringBuilder();
            for (String col : rows(st, "SELECT name FROM pragma_table_info('incident')")) {
                String n = col.substring(0, col.length() - 1);
                cols.append(cols.length() == 0 ? "" : ", ").append("quote(").append(n).append("), typeof(")
                        .append(n).append(")");
            }
            out.addAll(rows(st, "SELECT " + cols + " FROM incident ORDER BY fid"));
            out.addAll(rows(st, "SELECT name, seq FROM sqlite_sequence ORDER BY name"));
            // the records' sizes (the page layout differs where a row too long for the stage is inserted after it)
            out.addAll(rows(st, "SELECT name, sum(ncell), sum(payload) FROM dbstat"
                    + " WHERE name IN ('incident', 'sqlite_autoindex_incident_1') GROUP BY name ORDER BY name"));
            out.addAll(rows(st, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"));
            out.addAll(rows(st, "PRAGMA integrity_check"));
            st.execute("INSERT INTO incident_fts(incident_fts, rank) VALUES ('integrity-check', 1)");
            out.add("integrity|");
            out.addAll(rows(st, "SELECT rtreecheck('rtree_incident_geom')"));
            out.addAll(rows(st, "SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'astral' ORDER BY rowid"));
            out.addAll(rows(st, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'incident'"));
        }
        return out;
    }
}
