package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.store.ImportOptions;

/** The column snapshot beside a store: used when it matches, rebuilt when stale or damaged, never shown then. */
class ColumnSnapshotTest {
    @TempDir Path dir;

    @Test
    void aSnapshotIsWrittenAfterALoadAndGivesTheSameIndex() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(IndexLoaderTest.rows(3001), ImportOptions.DEFAULT, null);
            IncidentIndex fromRows = store.loadIndex();
            ColumnSnapshot.lastWrite().get();
            assertThat(ColumnSnapshot.beside(db)).isRegularFile();
            CompletableFuture<Void> written = ColumnSnapshot.lastWrite();
            IncidentIndex fromSnapshot = store.loadIndex();
            assertThat(ColumnSnapshot.lastWrite()).as("no new snapshot: the file was used").isSameAs(written);
            assertSame(fromSnapshot, fromRows);
        }
    }

    @Test
    void aDamagedSnapshotIsNeverShownAndIsRebuilt() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(IndexLoaderTest.rows(2000), ImportOptions.DEFAULT, null);
            IncidentIndex fromRows = store.loadIndex();
            ColumnSnapshot.lastWrite().get();
            Path file = ColumnSnapshot.beside(db);
            long size = Files.size(file);
            // a bit flipped in the day column, then a file cut short
            for (long at : new long[] {72 + 8 * 2000 + 4 * 700, -1}) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    if (at < 0) {
                        ch.truncate(size - 100);
                    } else {
                        ByteBuffer b = ByteBuffer.allocate(1);
                        ch.read(b, at);
                        b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
                        ch.write(b, at);
                    }
                }
                CompletableFuture<Void> before = ColumnSnapshot.lastWrite();
                assertSame(store.loadIndex(), fromRows);
                assertThat(ColumnSnapshot.lastWrite()).as("rebuilt").isNotSameAs(before);
                ColumnSnapshot.lastWrite().get();
                assertThat(Files.size(file)).isEqualTo(size);
            }
        }
    }

    @Test
    void aChangeBehindTheSnapshotByAnotherProgramMakesItStale() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(IndexLoaderTest.rows(2000), ImportOptions.DEFAULT, null);
            store.loadIndex();
            ColumnSnapshot.lastWrite().get();
        }
        // as GDAL or QGIS would: plain SQL through SQLite, one update (same row count, same largest id)
        try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE incident SET event_date = '2001-02-03', span_end = '2001-02-03',"
                    + " end_date = '2001-02-03' WHERE fid = 5");
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentIndex ix = store.loadIndex();
            assertThat(ix.day(ix.rowOf(5))).isEqualTo((int) LocalDate.of(2001, 2, 3).toEpochDay());
            ColumnSnapshot.lastWrite().get();
        }
        try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM incident WHERE fid = 7");
        }
        try (IncidentStore store = IncidentStore.openReadOnly(db)) {
            IncidentIndex ix = store.loadIndex();
            assertThat(ix.size()).isEqualTo(1999);
            assertThat(ix.rowOf(7)).isEqualTo(-1);
            ColumnSnapshot.lastWrite().get();
        }
    }

    @Test
    void aStoreInAReadOnlyFolderOpensWithItsSnapshotInTheCache() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path db = folder.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(IndexLoaderTest.rows(1500), ImportOptions.DEFAULT, null);
        }
        Path cache = dir.resolve("cache");
        System.setProperty("sitmap.test.cacheHome", cache.toString());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            IncidentIndex first;
            try (IncidentStore store = IncidentStore.openReadOnly(db)) {
                first = store.loadIndex();
                ColumnSnapshot.lastWrite().get();
            }
            assertThat(ColumnSnapshot.beside(db)).doesNotExist();
            assertThat(ColumnSnapshot.inCache(db, java.util.Map.of(), "/nowhere")).isRegularFile();
            try (IncidentStore store = IncidentStore.openReadOnly(db)) {
                CompletableFuture<Void> written = ColumnSnapshot.lastWrite();
                assertSame(store.loadIndex(), first);
                assertThat(ColumnSnapshot.lastWrite()).isSameAs(written);
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            System.clearProperty("sitmap.test.cacheHome");
        }
    }

    private static void assertSame(IncidentIndex a, IncidentIndex b) {
        IndexColumns x = a.columns(), y = b.columns();
        assertThat(x.id()).isEqualTo(y.id());
        assertThat(x.day()).isEqualTo(y.day());
        assertThat(x.dayEnd()).isEqualTo(y.dayEnd());
        assertThat(x.lon()).isEqualTo(y.lon());
        assertThat(x.lat()).isEqualTo(y.lat());
        assertThat(x.mercX()).isEqualTo(y.mercX());
        assertThat(x.mercY()).isEqualTo(y.mercY());
        assertThat(x.factionMask()).isEqualTo(y.factionMask());
        assertThat(x.primaryFaction()).isEqualTo(y.primaryFaction());
        assertThat(x.eventType()).isEqualTo(y.eventType());
        assertThat(x.subEventType()).isEqualTo(y.subEventType());
        assertThat(x.datePrecision()).isEqualTo(y.datePrecision());
        assertThat(x.geoPrecision()).isEqualTo(y.geoPrecision());
        assertThat(x.fatalities()).isEqualTo(y.fatalities());
        assertThat(x.placeRef()).isEqualTo(y.placeRef());
        assertThat(x.places()).isEqualTo(y.places());
        assertThat(x.maxSpan()).isEqualTo(y.maxSpan());
    }
}
