package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexMerge;
import org.sitmap.model.FactionCatalog;

/**
 * The local snapshot of a team store grows by appending each import to its journal; what is read back equals the
 * index grown in memory; a torn or damaged append is detected, what came before it is used (never what follows),
 * and the next write makes the snapshot whole again.
 */
class PgSnapshotTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static final String SERVER = "7350123/127.0.0.1:5432/16384/team";
    @TempDir
    Path dir;

    private final SyntheticData data = PgCluster.synthetic();

    @Test
    void importsAreAppendedAndReadBackAsTheGrownIndex() throws IOException {
        PgSnapshot snapshots = new PgSnapshot(dir, true);
        IncidentIndex base = data.index(CATALOG, 5000, 1);
        snapshots.writeLater(SERVER, new PgBrowser.Loaded(base, 5));
        long baseSize = Files.size(snapshots.file(SERVER));
        IncidentIndex first = batch(1_000_000, 300, 2);
        IncidentIndex grown1 = IndexMerge.merge(base, first);
        snapshots.grewLater(SERVER, 5, new PgBrowser.Loaded(grown1, 6), first);
        IncidentIndex second = batch(2_000_000, 200, 3);
        IncidentIndex grown2 = IndexMerge.merge(grown1, second);
        snapshots.grewLater(SERVER, 6, new PgBrowser.Loaded(grown2, 8), second);

        assertEquals(baseSize, Files.size(snapshots.file(SERVER)), "the snapshot itself is not written again");
        Path journal = SnapshotJournal.of(snapshots.file(SERVER));
        assertTrue(Files.size(journal) < 40_000, "the journal holds the 500 new rows only: " + Files.size(journal));

        PgBrowser.Loaded read = new PgSnapshot(dir, true).read(SERVER, CATALOG);
        assertNotNull(read);
        assertEquals(8, read.commit());
        assertEquals(rows(grown2), rows(read.index()));
        // an import that changed rows already there: the later version wins, read back as in memory
        IncidentIndex changed = data.index(CATALOG, 50, 4);
        IncidentIndex grown3 = IndexMerge.merge(grown2, changed);
        PgSnapshot again = new PgSnapshot(dir, true);
        again.read(SERVER, CATALOG);
        again.grewLater(SERVER, 8, new PgBrowser.Loaded(grown3, 9), changed);
        assertEquals(grown3.size(), grown2.size(), "same ids: replaced, not added");
        assertEquals(rows(grown3), rows(new PgSnapshot(dir, true).read(SERVER, CATALOG).index()));
    }

    @Test
    void aTornAppendIsNeverShownAndTheSnapshotIsWrittenWholeAgain() throws IOException {
        PgSnapshot snapshots = new PgSnapshot(dir, true);
        IncidentIndex base = data.index(CATALOG, 3000, 5);
        snapshots.writeLater(SERVER, new PgBrowser.Loaded(base, 2));
        IncidentIndex first = batch(1_000_000, 100, 6);
        IncidentIndex grown1 = IndexMerge.merge(base, first);
        snapshots.grewLater(SERVER, 2, new PgBrowser.Loaded(grown1, 3), first);
        Path journal = SnapshotJournal.of(snapshots.file(SERVER));
        long afterFirst = Files.size(journal);
        IncidentIndex second = batch(2_000_000, 100, 7);
        IncidentIndex grown2 = IndexMerge.merge(grown1, second);
        snapshots.grewLater(SERVER, 3, new PgBrowser.Loaded(grown2, 4), second);

        // a crash in the middle of the second append: its record is cut short
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(afterFirst + (Files.size(journal) - afterFirst) / 2);
        }
        PgSnapshot reopened = new PgSnapshot(dir, true);
        PgBrowser.Loaded read = reopened.read(SERVER, CATALOG);
        assertEquals(3, read.commit(), "the good record is used, the torn one not");
        assertEquals(rows(grown1), rows(read.index()));
        // the window then fetches commit 4 from the server; that growth is written whole, the journal removed
        reopened.grewLater(SERVER, 3, new PgBrowser.Loaded(grown2, 4), second);
        assertFalse(Files.exists(journal));
        PgBrowser.Loaded whole = new PgSnapshot(dir, true).read(SERVER, CATALOG);
        assertEquals(4, whole.commit());
        assertEquals(rows(grown2), rows(whole.index()));

        // a flipped byte in a record: its checksum fails, the snapshot alone is used
        snapshots = new PgSnapshot(dir, true);
        snapshots.read(SERVER, CATALOG);
        IncidentIndex third = batch(3_000_000, 100, 8);
        snapshots.grewLater(SERVER, 4, new PgBrowser.Loaded(IndexMerge.merge(grown2, third), 5), third);
        byte[] b = Files.readAllBytes(journal);
        // a latitude of the last record (from its end: checksum 8, then 33 bytes a row of the later columns)
        b[b.length - 8 - 33 * 100 - 4 * 50 + 1] ^= 0x20;
        Files.write(journal, b);
        read = new PgSnapshot(dir, true).read(SERVER, CATALOG);
        assertEquals(4, read.commit());
        assertEquals(rows(grown2), rows(read.index()));
    }

    @Test
    void aJournalOfAnotherSnapshotIsNotUsed() throws IOException {
        PgSnapshot snapshots = new PgSnapshot(dir, true);
        IncidentIndex base = data.index(CATALOG, 2000, 9);
        snapshots.writeLater(SERVER, new PgBrowser.Loaded(base, 10));
        IncidentIndex added = batch(1_000_000, 50, 10);
        snapshots.grewLater(SERVER, 10, new PgBrowser.Loaded(IndexMerge.merge(base, added), 11), added);
        Path journal = SnapshotJournal.of(snapshots.file(SERVER));
        byte[] kept = Files.readAllBytes(journal);
        // another window rewrote the snapshot (a restored server: commit 10 again, other rows); an old journal stays
        IncidentIndex other = data.index(CATALOG, 1500, 11);
        new PgSnapshot(dir, true).writeLater(SERVER, new PgBrowser.Loaded(other, 10));
        Files.write(journal, kept);
        PgBrowser.Loaded read = new PgSnapshot(dir, true).read(SERVER, CATALOG);
        assertEquals(10, read.commit());
        assertEquals(rows(other), rows(read.index()));
        // and a snapshot of another server is not read at all
        assertNull(new PgSnapshot(dir, true).read("other" + SERVER, CATALOG));
    }

    /** {@code n} synthetic rows with ids from {@code firstId}, so they are new to the base. */
    private IncidentIndex batch(long firstId, int n, long seed) {
        IncidentIndex src = data.index(CATALOG, n, seed);
        IncidentIndex.Builder b = new IncidentIndex.Builder(CATALOG, n);
        for (int i = 0; i < src.size(); i++) {
            b.add(firstId + i, src.day(i), src.dayEnd(i), src.lat(i), src.lon(i), src.factionMask(i),
                    src.primaryFaction(i), src.eventType(i), src.subEventType(i), src.datePrecision(i),
                    src.geoPrecision(i), src.fatalities(i), src.place(i));
        }
        return b.build();
    }

    private static List<String> rows(IncidentIndex x) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            out.add(String.format(Locale.ROOT, "%d %d %d %s %s %s %s %d %d %d %d %d %d %d %s", x.id(i), x.day(i),
                    x.dayEnd(i), x.lat(i), x.lon(i), x.mercX(i), x.mercY(i), x.factionMask(i), x.primaryFaction(i),
                    x.eventType(i), x.subEventType(i), x.datePrecision(i), x.geoPrecision(i), x.fatalities(i),
                    x.place(i)));
        }
        return out;
    }
}
