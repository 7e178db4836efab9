package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/**
 * A child JVM is killed with SIGKILL in the middle of an import (after several batches of rows were written in the
 * open transaction); the store must then be exactly as before the import: same rows, same checksum, intact. The
 * import runs in WAL mode with a small page cache, so rows already went into the log; it is crashed with the store
 * open only in the child and with another connection holding it open too.
 */
class CrashImportTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "store open elsewhere: {0}")
    @ValueSource(booleans = {false, true})
    void killDashNineInTheMiddleOfAnImportLeavesTheStoreAsBefore(boolean openElsewhere) throws Exception {
        Path store = dir.resolve("store.gpkg");
        try (IncidentStore s = IncidentStore.open(store);
             IncidentReader r = new AcledReader(Files.newInputStream(Fixtures.write(dir.resolve("first.csv"),
                     EventFiles.acledGenerated(300))), "first.csv", s.factions())) {
            s.importAll(r, ImportOptions.DEFAULT, null);
        }
        String before = snapshot(store);
        Path big = Fixtures.write(dir.resolve("big.csv"), EventFiles.acledGenerated(20_000));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Connection other = openElsewhere ? DriverManager.getConnection("jdbc:sqlite:" + store) : null;
        if (other != null) {
            try (Statement st = other.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM incident")) {
                rs.next();
            }
        }
        Process child = new ProcessBuilder(java, "-Dsitmap.import.cacheKiB=256", "-cp",
                System.getProperty("java.class.path"), CrashImportMain.class.getName(), store.toString(),
                big.toString(), "9000")
                .redirectError(dir.resolve("child.err").toFile()).start();
        List<String> seen = new ArrayList<>();
        try (other; BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("INSIDE")) break;
            }
            assertThat(seen).as("child output; stderr: %s", Files.readString(dir.resolve("child.err")))
                    .anyMatch(l -> l.startsWith("INSIDE"));
            // the rows written so far sit in the open transaction in the write-ahead log, uncommitted (an import
            // stays in WAL mode, whether or not another connection has the store open)
            assertThat(Files.size(Path.of(store + "-wal"))).isGreaterThan(0);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        assertThat(snapshot(store)).isEqualTo(before);
        try (IncidentStore s = IncidentStore.open(store)) {
            assertThat(s.count()).isEqualTo(300);
            assertThat(s.batches()).hasSize(1);
            assertThat(s.searchText("Generated")).hasSize(300);
        }
    }

    /**
     * The first load of a store the child has just created runs with a rollback journal (the rows go straight
     * into the file): killed in the middle, it leaves a hot journal, and the next opening rolls the file back to
     * the empty store it was, with no batch, no row and an intact full-text index.
     */
    @Test
    void killDashNineInTheMiddleOfTheFirstLoadOfANewStoreLeavesItEmpty() throws Exception {
        Path store = dir.resolve("new.gpkg");
        Path big = Fixtures.write(dir.resolve("big.csv"), EventFiles.acledGenerated(20_000));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Dsitmap.import.cacheKiB=256", "-cp",
                System.getProperty("java.class.path"), CrashImportMain.class.getName(), store.toString(),
                big.toString(), "9000")
                .redirectError(dir.resolve("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("INSIDE")) break;
            }
            assertThat(seen).as("child output; stderr: %s", Files.readString(dir.resolve("child.err")))
                    .anyMatch(l -> l.startsWith("INSIDE"));
            // rows already went into the file (a small cache), with the rollback journal of the first load beside it
            assertThat(Path.of(store + "-journal")).exists();
            assertThat(Path.of(store + "-wal")).doesNotExist();
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        assertThat(snapshot(store)).startsWith("integrity=ok");
        try (IncidentStore s = IncidentStore.open(store)) {
            assertThat(s.count()).isZero();
            assertThat(s.batches()).isEmpty();
            assertThat(s.searchText("Generated")).isEmpty();
        }
        assertThat(Path.of(store + "-journal")).doesNotExist();
    }

    /** Row counts and a SHA-256 of every row of every table, plus SQLite's integrity check. */
    private static String snapshot(Path store) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                sb.append("integrity=").append(rs.getString(1)).append('\n');
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE"
                    + " 'incident_fts_%' ORDER BY name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                long n = 0;
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY 1")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        n++;
                        for (int k = 1; k <= md.getColumnCount(); k++) {
                            Object o = rs.getObject(k);
                            sha.update(String.valueOf(o instanceof byte[] b ? HexFormat.of().formatHex(b) : o)
                                    .getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0x1f);
                        }
                    }
                } catch (java.sql.SQLException e) {
                    continue; // virtual tables without a plain scan order
                }
                sb.append(t).append('=').append(n).append('\n');
            }
            try (ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master ORDER BY name")) {
                while (rs.next()) sha.update(String.valueOf(rs.getString(1)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return sb.append(HexFormat.of().formatHex(sha.digest())).toString();
    }
}
