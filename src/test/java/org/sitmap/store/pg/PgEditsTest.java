package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitmap.store.pg.PgCluster.indexRows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;

/**
 * Another tool's edits of a team store (what a QGIS user does: move a point, correct a count, delete or add a row)
 * reach an open window's index through the change feed, and a window reopened from its local snapshot; a TRUNCATE
 * makes the window read everything again. Each time the index equals the rows streamed from the table.
 */
class PgEditsTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static PgCluster pg;
    @TempDir
    static Path dir;

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
    }

    @Test
    void editsByAnotherToolReachOpenAndReopenedWindows() throws Exception {
        PgLocation where = pg.teamStore("edits");
        PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("a.csv"), 2000, 3));
        Path cache = dir.resolve("cache");
        try (Connection c = PgConnections.open(where);
             TeamIndex window = new TeamIndex(PgBrowser.open(where, CATALOG), new PgSnapshot(cache, true))) {
            IncidentIndex shown = window.load();
            assertEquals(indexRows(streamed(c)), indexRows(shown));
            assertTrue(!window.awaitCommit(50), "nothing new yet");

            // a QGIS-like session: one transaction moves a point and corrects a count, deletes a row, adds one
            c.setAutoCommit(false);
            write(c, "UPDATE sitmap.incident SET geom = ST_SetSRID(ST_MakePoint(36.64, 35.63), 4326), fatalities = 31"
                    + " WHERE fid = 10");
            write(c, "DELETE FROM sitmap.incident WHERE fid = 11");
            write(c, "INSERT INTO sitmap.incident (geom, source_key, event_date, date_precision, span_end,"
                    + " geo_precision, event_type, batch_id, faction_codes, content_hash, place) SELECT geom, 'qgis:1',"
                    + " event_date, date_precision, span_end, geo_precision, event_type, batch_id, faction_codes, 'x',"
                    + " 'Kafr Nabl' FROM sitmap.incident WHERE fid = 12");
            c.commit();
            c.setAutoCommit(true);

            assertTrue(awaitChange(window), "the feed reports the edit");
            TeamIndex.Growth g = window.grow(shown);
            assertNotNull(g);
            assertEquals(3, g.edited(), "the moved row, the deleted one and the new one");
            assertEquals(indexRows(streamed(c)), indexRows(g.index()));
            assertTrue(indexRows(g.index()).stream().anyMatch(r -> r.startsWith("000000000010 ")
                    && r.contains(" 35.63000 36.64000 ")
                    && r.contains(" 31 ")), "the moved point");
            assertTrue(indexRows(g.index()).stream().noneMatch(r -> r.startsWith("000000000011 ")), "the deleted row");
            shown = g.index();

            // an edit while no window is open: the next opening applies it to its local snapshot
            window.stopFollowing();
            write(c, "UPDATE sitmap.incident SET fatalities = 97 WHERE fid = 20");
            write(c, "DELETE FROM sitmap.incident WHERE fid = 21");
        }
        try (Connection c = PgConnections.open(where);
             TeamIndex reopened = new TeamIndex(PgBrowser.open(where, CATALOG), new PgSnapshot(cache, true))) {
            IncidentIndex ix = reopened.load();
            assertEquals("local snapshot + 2 edited by another program", reopened.howLoaded());
            assertEquals(indexRows(streamed(c)), indexRows(ix));
            // the deletion rewrote the snapshot whole: a third opening is current from it
            try (TeamIndex third = new TeamIndex(PgBrowser.open(where, CATALOG), new PgSnapshot(cache, true))) {
                assertEquals(indexRows(streamed(c)), indexRows(third.load()));
                assertEquals("local snapshot, current", third.howLoaded());
            }
            // a TRUNCATE may have changed anything: the window reads the whole table again
            write(c, "TRUNCATE sitmap.incident CASCADE");
            assertTrue(awaitChange(reopened));
            TeamIndex.Growth g = reopened.grow(ix);
            assertEquals(-1, g.edited());
            assertEquals(0, g.index().size());
            try (Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT count(*), count(fid) FROM sitmap.incident_edit")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the notes before the TRUNCATE are gone, its own note stays");
                assertEquals(0, rs.getInt(2));
            }
        }
    }

    @Test
    void anEditWaitsForAnImportBeforeItHoldsAnyRow() throws Exception {
        PgLocation where = pg.teamStore("edits_lock");
        PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("l.csv"), 50, 4));
        try (Connection importing = PgConnections.open(where); Connection qgis = PgConnections.open(where);
             Connection watch = PgConnections.open(where)) {
            // as an import: its own writes, the change counter locked before them
            importing.setAutoCommit(false);
            write(importing, "SET LOCAL lock_timeout = '5s'");
            write(importing, "SELECT set_config('sitmap.import', 'on', true)");
            write(importing, "SELECT n FROM sitmap.incident_change FOR UPDATE");
            long pid = one(qgis, "SELECT pg_backend_pid()");
            java.util.concurrent.CompletableFuture<Void> edit = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    write(qgis, "UPDATE sitmap.incident SET fatalities = 5 WHERE fid = 1");
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            // the edit is waiting (for the counter, before it locked row 1)
            long waiting = 0;
            for (int k = 0; k < 10_000 && waiting == 0; k++) {
                // its own connection: a transaction sees pg_stat_activity as it was at its first look
                waiting = one(watch, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
                        + " AND wait_event_type = 'Lock'");
            }
            assertEquals(1, waiting, "the edit waits for the import");
            // the import now changes the row the edit is about to change: no lock wait, no deadlock
            write(importing, "UPDATE sitmap.incident SET fatalities = 6 WHERE fid = 1");
            importing.commit();
            edit.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(5, one(importing, "SELECT fatalities FROM sitmap.incident WHERE fid = 1"),
                    "the later edit wins");
            assertEquals(1, one(importing, "SELECT count(*) FROM sitmap.incident_edit WHERE fid = 1"));
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The feed's bounded waits until it reports a change (at most about ten seconds). */
    private static boolean awaitChange(TeamIndex t) {
        for (int k = 0; k < 20; k++) if (t.awaitCommit(500)) return true;
        return false;
    }

    private static void write(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static IncidentIndex streamed(Connection c) throws SQLException {
        return PgIndexLoader.load(c, CATALOG, n -> { });
    }
}
