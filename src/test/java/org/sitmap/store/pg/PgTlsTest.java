package org.sitmap.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.InputException;

/**
 * {@code sslmode} against a real server with TLS on, as libpq documents it: {@code require} encrypts,
 * {@code verify-full} checks the certificate against {@code sslrootcert} and the host name, a certificate from
 * another authority is refused in one line that says it is the certificate, and a database that the server only
 * serves over TLS refuses {@code disable} and accepts the default ({@code prefer}). The certificates are made here
 * with {@code openssl} (a test authority, a server certificate for {@code localhost} and {@code 127.0.0.1}).
 */
class PgTlsTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;
    private static Path ca;
    private static Path otherCa;

    @BeforeAll
    static void tlsServer() throws Exception {
        String why = PgCluster.unavailable();
        assumeTrue(why == null, why);
        assumeTrue(onPath("openssl"), "openssl is not installed; the TLS tests are skipped");
        ca = authority("ca");
        otherCa = authority("other");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n", StandardCharsets.UTF_8);
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
        // an analyst's client certificate: its common name is the login
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=tls_rd");
        openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "client.crt", "-days", "2");
        Files.setPosixFilePermissions(dir.resolve("client.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        pg = PgCluster.shared();
        pg.teamStore("tlsdb");
        pg.createLogin("tls_rd", "pw-tls-rd");
        pg.execute("tlsdb", "GRANT sitmap_reader TO tls_rd");
        pg.createDatabase("tlscert", "tlscert_owner", "pw-tlscert-owner");
        pg.enableTls(dir.resolve("server.crt"), dir.resolve("server.key"), ca);
        // the server reads its new settings in its own time: wait (bounded) until a TLS connection is possible
        awaitTrue(() -> {
            try (Connection c = PgConnections.open(at("require"))) {
                return encrypted(c);
            } catch (RuntimeException | SQLException e) {
                return false;
            }
        });
        pg.hbaFirst("hostnossl tlsdb all 127.0.0.1/32 reject", "hostssl tlscert all 127.0.0.1/32 cert");
        awaitTrue(() -> {
            try (Connection c = PgConnections.open(at("disable"))) {
                return false;
            } catch (InputException e) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    private static Path authority(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".crt",
                "-days", "2", "-subj", "/CN=sitmap test authority " + name);
        return dir.resolve(name + ".crt");
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + args[0] + ": " + out);
    }

    /** Rechecks {@code cond} (each check a new connection) until it holds, for at most 20 s. */
    private static void awaitTrue(BooleanSupplier cond) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!cond.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "the server did not take its new settings within 20 s");
            Thread.onSpinWait();
        }
    }

    private static PgLocation at(String sslmode, String... more) {
        StringBuilder uri = new StringBuilder("postgresql://tls_rd@127.0.0.1:" + pg.port() + "/tlsdb?sslmode=" + sslmode);
        for (String m : more) uri.append('&').append(m);
        // no ~/.postgresql here: the home folder is the test's own
        return PgLocation.parse(uri.toString(), new PgEnvironment(Map.of("PGPASSWORD", "pw-tls-rd"), dir, "nobody"));
    }

    private static boolean encrypted(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Test
    void requireAndVerifyFullEncryptTheConnection() throws Exception {
        try (Connection c = PgConnections.open(at("require"))) {
            assertTrue(encrypted(c), "require: encrypted");
        }
        try (Connection c = PgConnections.open(at("verify-full", "sslrootcert=" + ca))) {
            assertTrue(encrypted(c), "verify-full with the authority's certificate");
        }
        try (Connection c = PgConnections.open(at("prefer"))) {
            assertTrue(encrypted(c), "prefer, the default, uses TLS when the server offers it");
        }
        // the whole store contract works over it
        try (PgStore store = PgStore.open(at("verify-full", "sslrootcert=" + ca))) {
            assertEquals(0, store.count());
        }
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefusedInOneLine() {
        InputException e = assertThrows(InputException.class,
                () -> PgConnections.open(at("verify-full", "sslrootcert=" + otherCa)).close());
        assertThat(e.getMessage()).contains("certificate").contains("sslrootcert").contains(at("require").display())
                .doesNotContain("pw-tls").doesNotContain("\n").doesNotContain("Exception");
        InputException none = assertThrows(InputException.class, () -> PgConnections.open(at("verify-ca")).close());
        assertThat(none.getMessage()).contains("certificate").doesNotContain("\n");
    }

    @Test
    void aDatabaseServedOnlyOverTlsRefusesDisable() {
        InputException e = assertThrows(InputException.class, () -> PgConnections.open(at("disable")).close());
        assertThat(e.getMessage()).contains("pg_hba.conf").contains("sslmode").doesNotContain("\n");
    }

    @Test
    void aClientCertificateInPemLogsInWithoutPassword() throws Exception {
        PgLocation where = PgLocation.parse("postgresql://tls_rd@127.0.0.1:" + pg.port() + "/tlscert?sslmode=verify-full"
                + "&sslrootcert=" + ca + "&sslcert=" + dir.resolve("client.crt") + "&sslkey=" + dir.resolve("client.key"),
                new PgEnvironment(Map.of(), dir, "nobody"));
        try (Connection c = PgConnections.open(where);
             PreparedStatement ps = c.prepareStatement("SELECT current_user"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals("tls_rd", rs.getString(1));
            assertTrue(encrypted(c));
        }
    }
}
