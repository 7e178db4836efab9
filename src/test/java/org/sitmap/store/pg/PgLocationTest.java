package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.InputException;

/** How a server is named, completed and shown, following libpq's documented rules; no server needed. */
class PgLocationTest {
    @TempDir
    Path home;

    private PgEnvironment env(Map<String, String> vars) {
        return new PgEnvironment(vars, home, "osuser");
    }

    @Test
    void uriGivesHostPortDatabaseUserAndParameters() {
        PgLocation l = PgLocation.parse("postgresql://alice@db.example:6543/team?sslmode=verify-full", env(Map.of()));
        assertEquals(List.of("db.example"), l.hosts());
        assertEquals(List.of(6543), l.ports());
        assertEquals("team", l.database());
        assertEquals("alice", l.user());
        assertEquals("jdbc:postgresql://db.example:6543/team", l.jdbcUrl());
        assertEquals("verify-full", l.jdbcProperties().getProperty("sslmode"));
        assertEquals("alice", l.jdbcProperties().getProperty("user"));
    }

    @Test
    void missingPartsComeFromTheEnvironmentThenTheDefaults() {
        PgLocation l = PgLocation.parse("postgresql://", env(Map.of("PGHOST", "gis", "PGUSER", "bob")));
        assertEquals(List.of("gis"), l.hosts());
        assertEquals(List.of(5432), l.ports());
        assertEquals("bob", l.database(), "libpq's default database is the user's name");
        PgLocation d = PgLocation.parse("postgres://", env(Map.of()));
        assertEquals("osuser", d.user());
        assertEquals(List.of("localhost"), d.hosts());
    }

    @Test
    void severalHostsEachWithItsPortAndTargetSessionAttributes() {
        PgLocation l = PgLocation.parse("postgresql://a:5433,b:5434,[::1]:5435/team?target_session_attrs=read-write",
                env(Map.of()));
        assertEquals(List.of("a", "b", "::1"), l.hosts());
        assertEquals(List.of(5433, 5434, 5435), l.ports());
        assertEquals("jdbc:postgresql://a:5433,b:5434,[::1]:5435/team", l.jdbcUrl());
        assertEquals("primary", l.jdbcProperties().getProperty("targetServerType"));
        PgLocation standby = PgLocation.parse("host=a,b port=5433 dbname=t target_session_attrs=prefer-standby",
                env(Map.of()));
        assertEquals(List.of(5433, 5433), standby.ports());
        assertEquals("preferSecondary", standby.jdbcProperties().getProperty("targetServerType"));
    }

    @Test
    void withSeveralHostsWritesGoToThePrimaryAndBrowsingPrefersAStandby() {
        PgLocation both = PgLocation.parse("postgresql://ann:secret@s:5433,p:5434/team", env(Map.of()));
        assertEquals("any", both.jdbcProperties().getProperty("targetServerType"));
        assertEquals("primary", both.forWrites().jdbcProperties().getProperty("targetServerType"));
        assertEquals("preferSecondary", both.forBrowsing().jdbcProperties().getProperty("targetServerType"));
        assertEquals("secret", both.forWrites().jdbcProperties().getProperty("password"));
        assertTrue(both.forWrites().passwordInAddress());
        assertEquals(both.display(), both.forBrowsing().display());
        // an address that says what it wants keeps it for browsing; writes still need the primary
        PgLocation asked = PgLocation.parse("postgresql://s:5433,p:5434/team?target_session_attrs=any", env(Map.of()));
        assertEquals("any", asked.forBrowsing().jdbcProperties().getProperty("targetServerType"));
        assertEquals("primary", asked.forWrites().jdbcProperties().getProperty("targetServerType"));
        PgLocation fromEnv = PgLocation.parse("postgresql://s:5433,p:5434/team",
                env(Map.of("PGTARGETSESSIONATTRS", "read-only")));
        assertEquals("secondary", fromEnv.forBrowsing().jdbcProperties().getProperty("targetServerType"));
        // one host: nothing to choose
        PgLocation one = PgLocation.parse("postgresql://db/team", env(Map.of()));
        assertTrue(one.forWrites() == one && one.forBrowsing() == one);
    }

    @Test
    void serviceFileSuppliesParametersAndTheAddressOverridesThem() throws Exception {
        Files.writeString(home.resolve(".pg_service.conf"), "# team\n[other]\nhost=x\n\n[team]\nhost = gis.local\n"
                + "port=5999\ndbname=cell\nuser=carol\n");
        PgLocation l = PgLocation.parse("service=team", env(Map.of()));
        assertEquals(List.of("gis.local"), l.hosts());
        assertEquals(List.of(5999), l.ports());
        assertEquals("cell", l.database());
        PgLocation over = PgLocation.parse("postgresql://dave@/other_db?service=team", env(Map.of()));
        assertEquals("dave", over.user());
        assertEquals("other_db", over.database());
        assertEquals(List.of("gis.local"), over.hosts());
        Path sys = Files.createDirectories(home.resolve("etc"));
        Files.writeString(sys.resolve("pg_service.conf"), "[ops]\nhost=ops.local\n");
        assertEquals(List.of("ops.local"), PgLocation.parse("service=ops",
                env(Map.of("PGSYSCONFDIR", sys.toString()))).hosts());
    }

    @Test
    void anUnknownServiceOrParameterIsOneLine() {
        InputException e = assertThrows(InputException.class, () -> PgLocation.parse("service=nope", env(Map.of())));
        assertTrue(e.getMessage().contains("nope") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(InputException.class, () -> PgLocation.parse("postgresql://h/db?colour=red", env(Map.of())));
        assertThrows(InputException.class, () -> PgLocation.parse("postgresql://h:99999/db", env(Map.of())));
        assertThrows(InputException.class, () -> PgLocation.parse("host=a,b port=1,2,3", env(Map.of())));
    }

    @Test
    void passwordFromUriThenVariableThenPasswordFileAndNeverShown() throws Exception {
        Path pass = home.resolve(".pgpass");
        Files.writeString(pass, "# comment\nother:*:*:*:nope\ngis:5432:team:alice:fr\\:om\\\\file\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        PgLocation fromFile = PgLocation.parse("postgresql://alice@gis/team", env(Map.of()));
        assertEquals("fr:om\\file", fromFile.jdbcProperties().getProperty("password"));
        PgLocation fromVar = PgLocation.parse("postgresql://alice@gis/team", env(Map.of("PGPASSWORD", "v4r")));
        assertEquals("v4r", fromVar.jdbcProperties().getProperty("password"));
        PgLocation fromUri = PgLocation.parse("postgresql://alice:s3cr%40t@gis/team", env(Map.of("PGPASSWORD", "v")));
        assertEquals("s3cr@t", fromUri.jdbcProperties().getProperty("password"));
        for (PgLocation l : List.of(fromFile, fromVar, fromUri)) {
            assertFalse(l.toString().contains("fr:om") || l.toString().contains("v4r") || l.toString().contains("s3cr"));
            assertEquals("postgresql://alice@gis:5432/team", l.display());
            assertNull(l.parameter("password"));
        }
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnored() throws Exception {
        Path pass = home.resolve(".pgpass");
        Files.writeString(pass, "*:*:*:*:open\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-r--r--"));
        assertFalse(PgLocation.parse("postgresql://u@h/d", env(Map.of())).hasPassword());
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        assertTrue(PgLocation.parse("postgresql://u@h/d", env(Map.of())).hasPassword());
    }

    @Test
    void keywordValueTextWithQuotes() {
        PgLocation l = PgLocation.parse("host=h dbname='my team' user=u application_name='sit map'", env(Map.of()));
        assertEquals("my team", l.database());
        assertEquals("jdbc:postgresql://h:5432/my%20team", l.jdbcUrl());
        assertEquals("sit map", l.jdbcProperties().getProperty("ApplicationName"));
    }

    @Test
    void serverAddressesAreToldFromFiles() {
        assertTrue(PgLocation.isServer("postgresql://h/db"));
        assertTrue(PgLocation.isServer("postgres://h/db"));
        assertTrue(PgLocation.isServer("service=team"));
        assertFalse(PgLocation.isServer("incidents.gpkg"));
        assertFalse(PgLocation.isServer("/home/a/b=c.gpkg"));
        assertFalse(PgLocation.isServer("C:\\data\\store.gpkg"));
    }
}
