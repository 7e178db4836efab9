package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/**
 * Faults of the store as the command line reports them: one plain line on stderr, exit 1, the store unchanged.
 *
 * <p>A full disk cannot be made without mounting a small file system, which tests running as root in CI must not
 * do; it is simulated with the fault-injection property {@code sitmap.test.storeGrowthPages}, which sets SQLite's
 * {@code PRAGMA max_page_count} on the writing connection so that the import fails with SQLITE_FULL exactly as on a
 * full disk. A read-only store is made with {@code chmod 444} on the file and {@code 555} on its folder; Sitmap
 * honours those bits even for root.
 */
class StoreFaultsCliTest {
    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path store(String name, int rows) {
        Path db = dir.resolve(name);
        Path csv = Fixtures.write(dir.resolve(name.replace('/', '-') + ".csv"), EventFiles.acledGenerated(rows));
        assertThat(run("import", "--db", db.toString(), csv.toString())).as(err.toString()).isZero();
        return db;
    }

    private void assertOnePlainLine(String expected) {
        String e = err.toString().strip();
        assertThat(e.lines()).as(e).hasSize(1);
        assertThat(e).isEqualTo("sitmap: " + expected).doesNotContain("Exception").doesNotContain("SQLITE");
    }

    @Test
    void queryAndExportLeaveTheStoreByteIdentical() throws Exception {
        Path db = store("store.gpkg", 200);
        String before = sha256(db);
        assertThat(run("query", "--db", db.toString(), "--out", dir.resolve("q.geojson").toString())).isZero();
        assertThat(run("query", "--db", db.toString(), "--format", "csv", "--from", "2018-01-01")).isZero();
        assertThat(run("export", "--db", db.toString(), "--out", dir.resolve("e.csv").toString())).as(err.toString()).isZero();
        assertThat(run("check", "--db", db.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).startsWith(db + ": healthy");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void aReadOnlyStoreIsQueriedAndExportedButAnImportIsRefusedInOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path db = store("ro/store.gpkg", 100);
        String before = sha256(db);
        Path more = Fixtures.write(dir.resolve("more.csv"), EventFiles.acledGenerated(10).replace("GEN", "MORE"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(run("query", "--db", db.toString(), "--out", dir.resolve("q.geojson").toString())).isZero();
            assertThat(out.toString()).contains("100 incidents written");
            assertThat(run("export", "--db", db.toString(), "--out", dir.resolve("e.geojson").toString())).isZero();
            assertThat(run("import", "--db", db.toString(), more.toString())).isEqualTo(1);
            assertOnePlainLine(db + " is read-only: copy it or choose another with --db");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void anImportOntoAFullDiskSaysSoInOneLineAndLeavesTheStoreUnchanged() throws Exception {
        Path db = store("full.gpkg", 50);
        String before = sha256(db);
        Path big = Fixtures.write(dir.resolve("big.csv"), EventFiles.acledGenerated(5000).replace("GEN", "BIG"));
        System.setProperty("sitmap.test.storeGrowthPages", "3");
        try {
            assertThat(run("import", "--db", db.toString(), big.toString())).isEqualTo(1);
        } finally {
            System.clearProperty("sitmap.test.storeGrowthPages");
        }
        assertOnePlainLine("the disk holding " + db + " is full: nothing was imported, the store is unchanged");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void aFolderGivenAsTheStoreIsNamedInOneLine() {
        assertThat(run("query", "--db", dir.toString())).isEqualTo(1);
        assertOnePlainLine(dir + ": is a folder, not a store file; give a file name with --db");
        assertThat(run("import", "--db", dir.toString(), dir.resolve("x.csv").toString())).isEqualTo(1);
        assertOnePlainLine(dir + ": is a folder, not a store file; give a file name with --db");
    }

    @Test
    void fourKilobytesOverwrittenInTheMiddleAreFoundByCheckAndQueryFailsInOneLine() throws Exception {
        Path db = store("damaged.gpkg", 3000);
        long size = Files.size(db);
        byte[] junk = new byte[4096];
        new Random(16).nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(size / 2);
            f.write(junk);
        }
        assertThat(run("check", "--db", db.toString())).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).startsWith(db + ": damaged").contains("problem: SQLite integrity")
                .contains("What to do:");
        assertThat(run("check", "--quick", "--db", db.toString())).isEqualTo(1);
        assertThat(run("query", "--db", db.toString(), "--out", dir.resolve("q.geojson").toString())).isEqualTo(1);
        assertOnePlainLine(db + " is damaged: run 'sitmap check --db " + db + "' to see what is wrong and how to recover");
    }

    @Test
    void anOutputOnAFullDiskFailsInOnePlainLine() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full on this system");
        Path db = store("out.gpkg", 20);
        Path out = Files.createSymbolicLink(dir.resolve("out.geojson"), full);
        assertThat(run("query", "--db", db.toString(), "--out", out.toString())).isEqualTo(1);
        assertOnePlainLine(out + ": the disk is full (no space left on device): the output is incomplete; free some"
                + " space or write elsewhere");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
