package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreFault;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** Opening for reading writes nothing; a read-only store reads; a cancelled import leaves the store as it was. */
class StoreAccessTest {
    @TempDir Path dir;

    @Test
    void readingAStoreLeavesItsFileByteIdenticalAndRefusesWrites() throws Exception {
        Path db = store("read.gpkg", 300);
        String before = sha256(db);
        try (IncidentStore s = IncidentStore.openReadOnly(db)) {
            assertThat(s.readOnly()).isTrue();
            assertThat(s.count()).isEqualTo(300);
            assertThat(s.query(FilterSpec.ALL)).hasSize(300);
            assertThat(s.loadIndex().size()).isEqualTo(300);
            assertThat(s.searchText("Generated")).hasSize(300);
            assertThat(s.schemaVersion()).isEqualTo(Migrations.CURRENT);
            assertThatThrownBy(() -> s.importAll(Fixtures.readerOf("x", Fixtures.arabic()), ImportOptions.DEFAULT, null))
                    .isInstanceOf(StoreFault.class).hasMessageContaining("reading only");
        }
        assertThat(sha256(db)).isEqualTo(before);
        // opening for writing an up-to-date store writes nothing either (no header stamp, no faction rewrite)
        IncidentStore.open(db).close();
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void aStoreMarkedReadOnlyReadsButRefusesAnImportBeforeTouchingIt() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("ro"));
        Path db = store("ro/store.gpkg", 50);
        String before = sha256(db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(StoreAccess.writable(db)).isFalse();
            try (IncidentStore s = IncidentStore.openReadOnly(db)) {
                assertThat(s.query(FilterSpec.ALL)).hasSize(50);
                assertThat(s.writable()).isFalse();
            }
            assertThatThrownBy(() -> IncidentStore.open(db)).isInstanceOf(StoreFault.class)
                    .hasMessage(db + " is read-only: copy it or choose another with --db");
            assertThat(sha256(db)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aCancelledImportIsRolledBackAndTheStoreIsAsBefore() throws Exception {
        Path db = store("cancel.gpkg", 300);
        String before = sha256(db);
        Path big = Fixtures.write(dir.resolve("big.csv"), EventFiles.acledGenerated(20_000));
        AtomicBoolean cancel = new AtomicBoolean();
        try (IncidentStore s = IncidentStore.open(db);
             IncidentReader r = new AcledReader(Files.newInputStream(big), big.toString(), s.factions())) {
            // the first progress report comes after 4,096 rows were written into the open transaction
            assertThatThrownBy(() -> s.importAll(r, ImportOptions.DEFAULT, n -> cancel.set(true), cancel::get))
                    .isInstanceOfSatisfying(StoreFault.class, f -> assertThat(f.kind()).isEqualTo(StoreFault.Kind.CANCELLED))
                    .hasMessageContaining("cancelled: nothing was imported, the store is unchanged");
            assertThat(s.count()).isEqualTo(300);
            assertThat(s.batches()).hasSize(1);
        }
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void anInterruptedImportIsCancelledToo() throws Exception {
        Path db = store("interrupt.gpkg", 10);
        Path big = Fixtures.write(dir.resolve("big2.csv"), EventFiles.acledGenerated(20_000));
        try (IncidentStore s = IncidentStore.open(db);
             IncidentReader r = new AcledReader(Files.newInputStream(big), big.toString(), s.factions())) {
            try {
                assertThatThrownBy(() -> s.importAll(r, ImportOptions.DEFAULT, n -> Thread.currentThread().interrupt()))
                        .isInstanceOfSatisfying(StoreFault.class, f -> assertThat(f.kind()).isEqualTo(StoreFault.Kind.CANCELLED));
            } finally {
                Thread.interrupted();
            }
            assertThat(s.count()).isEqualTo(10);
        }
    }

    @Test
    void aFolderOrAMissingFileIsNamedInOnePlainLine() throws Exception {
        assertThatThrownBy(() -> IncidentStore.open(dir)).hasMessage(dir + ": is a folder, not a store file; give a file"
                + " name with --db");
        assertThatThrownBy(() -> IncidentStore.openReadOnly(dir)).hasMessageContaining(dir + ": is a folder");
        Path none = dir.resolve("none.gpkg");
        assertThatThrownBy(() -> IncidentStore.openReadOnly(none)).hasMessage(none + ": no such store");
        assertThat(none).doesNotExist();
    }

    private Path store(String name, int rows) throws Exception {
        Path db = dir.resolve(name);
        Path csv = Fixtures.write(dir.resolve(name.replace('/', '-') + ".csv"), EventFiles.acledGenerated(rows));
        try (IncidentStore s = IncidentStore.open(db);
             IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), s.factions())) {
            s.importAll(r, ImportOptions.DEFAULT, null);
        }
        return db;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
