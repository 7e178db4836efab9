package org.sitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.store.pg.PgCluster;

/**
 * {@code sitmap bench --db postgresql://…} on a throwaway cluster: the figures of the server mode, the database
 * left an empty team store, a store holding a team's data refused and left as it was, no password in any output.
 */
class BenchServerCliTest {
    private static PgCluster pg;
    private final CliRunner cli = new CliRunner();

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
    }

    private String uri(String db) {
        return "postgresql://" + db + "_owner:pw-" + db + "-owner@127.0.0.1:" + pg.port() + "/" + db + "?sslmode=disable";
    }

    @Test
    void measuresTheServerAndLeavesItEmpty(@TempDir Path dir) throws Exception {
        pg.createDatabase("bench_fresh", "bench_fresh_owner", "pw-bench_fresh-owner");
        Path json = dir.resolve("bench.json");
        int status = cli.run("bench", "--db", uri("bench_fresh"), "--incidents", "2000", "--runs", "5",
                "--json", json.toString());
        assertEquals(0, status, cli.err.toString());
        String figures = Files.readString(json);
        for (String key : new String[] {"\"incidents\": 2000", "import_rows_per_s", "import_ms", "open_to_first_frame_ms",
                "heap_mb", "fts_ms", "filter_ms", "brush_frame_ms",
                "open_with_snapshot_ms", "live_visible_ms"}) {
            assertTrue(figures.contains(key), key + " in " + figures);
        }
        String table = cli.out.toString();
        assertTrue(table.contains("team server: postgresql://bench_fresh_owner@127.0.0.1:"), table);
        assertTrue(table.matches("(?s).*text search: \"Aleppo\" matches [1-9][0-9,]* incidents.*"), table);
        assertEquals(0, count("bench_fresh", "SELECT count(*) FROM sitmap.incident"));
        assertEquals(0, count("bench_fresh", "SELECT count(*) FROM sitmap.import_batch"));
        assertFalse((table + cli.err).contains("pw-bench_fresh-owner"), "no password in any output");
        // the database is still a team store the bench accepts again
        assertEquals(0, cli.run("bench", "--db", uri("bench_fresh"), "--incidents", "1000", "--runs", "5"),
                cli.err.toString());
    }

    @Test
    void aStoreWithATeamsDataIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        var where = pg.teamStore("bench_team");
        PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("cell.csv"), 300, 5));
        int status = cli.run("bench", "--db", uri("bench_team"), "--incidents", "1000");
        assertEquals(1, status);
        String err = cli.err.toString().strip();
        assertEquals(1, err.lines().filter(l -> !l.contains("note:")).count(), err);
        assertTrue(err.contains("holds a team store with 300 incidents") && err.contains("createdb"), err);
        assertEquals(300, count("bench_team", "SELECT count(*) FROM sitmap.incident"));
        assertEquals(1, count("bench_team", "SELECT count(*) FROM sitmap.import_batch"));
    }

    @Test
    void aFileStoreIsRefused(@TempDir Path dir) {
        assertEquals(1, cli.run("bench", "--db", dir.resolve("x.gpkg").toString(), "--incidents", "1000"));
        assertTrue(cli.err.toString().contains("--db takes only a team server here"), cli.err.toString());
        assertFalse(Files.exists(dir.resolve("x.gpkg")));
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = pg.superuser(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
