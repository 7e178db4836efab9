package org.sitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitmap.store.pg.PgCluster;

/** {@code sitmap server init} against a throwaway PostGIS cluster: report, idempotence, plain refusals. */
class ServerCliTest {
    private static PgCluster pg;
    private final CliRunner cli = new CliRunner();

    @BeforeAll
    static void cluster() {
        pg = PgCluster.sharedOrSkip();
    }

    private String uri(String user, String password, String db) {
        return "postgresql://" + user + ":" + password + "@127.0.0.1:" + pg.port() + "/" + db + "?sslmode=disable";
    }

    @Test
    void initTwiceSucceedsAndNeverPrintsThePassword() throws Exception {
        pg.createDatabase("cli_team", "cli_owner", "pw-cli-owner-77");
        assertEquals(0, cli.run("server", "init", "--db", uri("cli_owner", "pw-cli-owner-77", "cli_team")), cli.err.toString());
        String first = cli.out.toString();
        assertTrue(first.contains("is a team store") && first.contains("sitmap_editor"), first);
        assertEquals(0, cli.run("server", "init", "--db", uri("cli_owner", "pw-cli-owner-77", "cli_team")), cli.err.toString());
        assertTrue(cli.out.toString().contains("schema sitmap is at version " + org.sitmap.store.pg.PgSchema.VERSION), cli.out.toString());
        assertFalse((first + cli.out + cli.err).contains("pw-cli-owner-77"));
    }

    @Test
    void aRefusedPasswordIsOneLineExitOne() {
        int status = cli.run("server", "init", "--db", uri("postgres", "not-the-password-42", "postgres"));
        assertEquals(1, status);
        String err = cli.err.toString().strip();
        assertTrue(err.contains("note: a password in --db can be seen"), err);
        assertEquals(1, err.lines().filter(l -> !l.contains("note:")).count(), err);
        assertTrue(err.contains("refused the password"), err);
        assertFalse((cli.out.toString() + err).contains("not-the-password-42"));
    }

    @Test
    void importAndTakeAwayThroughTheCommandLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        pg.createDatabase("cli_imp", "cli_imp_owner", "pw-cli-imp");
        assertEquals(0, cli.run("server", "init", "--db", uri("cli_imp_owner", "pw-cli-imp", "cli_imp")), cli.err.toString());
        pg.createLogin("cli_reader", "pw-cli-reader");
        pg.createLogin("cli_editor", "pw-cli-editor");
        pg.execute("cli_imp", "GRANT sitmap_reader TO cli_reader");
        pg.execute("cli_imp", "GRANT sitmap_editor TO cli_editor");
        java.nio.file.Path csv = PgCluster.synthetic().writeAcledCsv(dir.resolve("cell.csv"), 500, 2);
        // a reader: refused in one line naming the role, nothing stored
        assertEquals(1, cli.run("import", "--db", uri("cli_reader", "pw-cli-reader", "cli_imp"), csv.toString()));
        assertTrue(cli.err.toString().contains("sitmap_editor"), cli.err.toString());
        assertEquals(1, cli.err.toString().lines().filter(l -> !l.contains("note:")).count(), cli.err.toString());
        // an editor: the usual report; again: all skipped
        assertEquals(0, cli.run("--db", uri("cli_editor", "pw-cli-editor", "cli_imp"), "import", csv.toString()),
                cli.err.toString());
        assertTrue(cli.out.toString().contains("500 rows read, 500 imported"), cli.out.toString());
        assertEquals(0, cli.run("import", "--db", uri("cli_editor", "pw-cli-editor", "cli_imp"), csv.toString()));
        assertTrue(cli.out.toString().contains("0 imported, 0 updated, 500 skipped"), cli.out.toString());
        // a store to take away, which the file commands then read
        java.nio.file.Path away = dir.resolve("away.gpkg");
        assertEquals(0, cli.run("export", "--db", uri("cli_reader", "pw-cli-reader", "cli_imp"), "--out", away.toString()),
                cli.err.toString());
        assertTrue(cli.out.toString().contains("500 incidents of postgresql://cli_reader@127.0.0.1:"), cli.out.toString());
        assertEquals(0, cli.run("query", "--db", away.toString(), "--format", "csv"), cli.err.toString());
        assertEquals(501, cli.out.toString().lines().count());
        // and the server itself answers the same query
        assertEquals(0, cli.run("query", "--db", uri("cli_reader", "pw-cli-reader", "cli_imp"), "--format", "csv"),
                cli.err.toString());
        assertEquals(501, cli.out.toString().lines().count());
        assertFalse((cli.out.toString() + cli.err).contains("pw-cli-"), "no password in any output");
    }

    @Test
    void anUnreachableServerIsOneLine() {
        int status = cli.run("server", "init", "--db", "postgresql://u:pw-x@127.0.0.1:1/db?connect_timeout=2");
        assertEquals(1, status);
        assertTrue(cli.err.toString().contains("Cannot reach"), cli.err.toString());
    }
}
