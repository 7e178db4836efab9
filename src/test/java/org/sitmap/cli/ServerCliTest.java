package org.sitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitmap.store.pg.PgCluster;

/** {@code sitmap server init} against a throwaway PostGIS cluster: report, idempotence, plain refusals. */
class ServerCliTest {
    private static PgCluster pg;
    private final CliRunner cli = new CliRunner();

    @BeforeAll
    static void cluster() {
        String why = PgCluster.unavailable();
        assumeTrue(why == null, why);
        pg = PgCluster.shared();
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
        assertTrue(cli.out.toString().contains("schema sitmap is at version 1"), cli.out.toString());
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
    void anUnreachableServerIsOneLine() {
        int status = cli.run("server", "init", "--db", "postgresql://u:pw-x@127.0.0.1:1/db?connect_timeout=2");
        assertEquals(1, status);
        assertTrue(cli.err.toString().contains("Cannot reach"), cli.err.toString());
    }
}
