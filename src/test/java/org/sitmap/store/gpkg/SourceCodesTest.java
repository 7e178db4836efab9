package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;
import org.sitmap.store.ImportOptions;

/**
 * The sources of the shown incidents counted from their codes equal the SQL aggregate's, whether the codes came
 * with the index's load, from the file beside the snapshot, or from a scan; a stale or damaged file is never used.
 */
class SourceCodesTest {
    @TempDir Path dir;

    /** Filters whose SQL answer and shown rows are the same incidents (no drawn area, no text). */
    private static final List<FilterSpec> SPECS = List.of(FilterSpec.ALL,
            FilterSpec.ALL.withFactions(Set.of("ISIS")),
            FilterSpec.ALL.withDates(LocalDate.of(2016, 3, 1), LocalDate.of(2016, 9, 30)),
            FilterSpec.ALL.withDates(LocalDate.of(2030, 1, 1), null));

    @Test
    void countedSourcesEqualTheSqlAnswerForEveryFilter() {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(rows(3000, 40), ImportOptions.DEFAULT, null);
            IncidentIndex ix = store.loadIndex();
            assertThat(SourceCodes.besideSnapshot(ColumnSnapshot.beside(db))).as("written with the snapshot").isRegularFile();
            for (FilterSpec spec : SPECS) assertEqualToSql(store, ix, spec);
        }
    }

    @Test
    void aReopenedStoreReadsTheCodesBesideItsSnapshotAndWideCodesWork() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            // 700 distinct sources: two bytes a code
            store.importAll(rows(2500, 700), ImportOptions.DEFAULT, null);
            store.loadIndex();
        }
        Path file = SourceCodes.besideSnapshot(ColumnSnapshot.beside(db));
        long written = Files.getLastModifiedTime(file).toMillis();
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentIndex ix = store.loadIndex();
            for (FilterSpec spec : SPECS) assertEqualToSql(store, ix, spec);
        }
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("read, not rewritten").isEqualTo(written);
    }

    @Test
    void aDamagedOrStaleFileIsNeverUsed() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(rows(2000, 5), ImportOptions.DEFAULT, null);
            store.loadIndex();
        }
        Path file = SourceCodes.besideSnapshot(ColumnSnapshot.beside(db));
        long size = Files.size(file);
        // every incident's code moved to another pair: the counts would name the wrong sources
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(2000);
            long at = size - 8 - 2000;
            ch.read(b, at);
            for (int k = 0; k < 2000; k++) b.put(k, (byte) (b.get(k) % 5 + 1));
            ch.write(b.rewind(), at);
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentIndex ix = store.loadIndex();
            for (FilterSpec spec : SPECS) assertEqualToSql(store, ix, spec);
            assertThat(Files.size(file)).isEqualTo(size);
            ColumnSnapshot.Key key;
            try (Connection c = SpatialIndexTest.raw(db)) {
                key = ColumnSnapshot.key(c, org.sitmap.model.FactionCatalog.shipped());
            }
            assertThat(SourceCodes.readFile(file, key)).as("the scan wrote a valid file again").isNotNull();

            // another program renames a source behind the store: the codes of the old state are not used
            try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE incident SET source = 'Renamed' WHERE source = 'Source 3'"))
                        .isPositive();
            }
            List<String[]> after = store.sources(FilterSpec.ALL, Selection.all(ix));
            assertThat(after).extracting(p -> p[1]).contains("Renamed").doesNotContain("Source 3");
            assertThat(SourceCodes.readFile(file, key)).as("the old state's file").isNull();

            // and a row deleted behind it: the old index's selection names an incident that is gone, so SQL answers
            try (Connection c = SpatialIndexTest.raw(db); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM incident WHERE fid = (SELECT min(fid) FROM incident)");
            }
            assertThat(pairs(store.sources(FilterSpec.ALL, Selection.all(ix))))
                    .isEqualTo(pairs(store.sources(FilterSpec.ALL)));
        }
    }

    private static void assertEqualToSql(IncidentStore store, IncidentIndex ix, FilterSpec spec) {
        Selection shown = new IndexFilter(ix, spec, null).apply();
        List<String> sql = pairs(store.sources(spec));
        assertThat(pairs(store.sources(spec, shown))).as(spec.toString()).isEqualTo(sql);
        // and the codes themselves (the store would fall back to SQL without them): the file's, as now written
        Path db = store.file();
        try (Connection c = SpatialIndexTest.raw(db)) {
            SourceCodes codes = SourceCodes.read(db, ColumnSnapshot.key(c, org.sitmap.model.FactionCatalog.shipped()));
            assertThat(codes).as("codes beside the snapshot").isNotNull();
            assertThat(pairs(codes.count(shown))).as(spec.toString()).isEqualTo(sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> pairs(List<String[]> found) {
        return found.stream().map(p -> p[0] + "|" + (p[1] == null ? "" : p[1])).toList();
    }

    /**
     * {@code n} incidents of {@code sources} reported sources (one in seven with none, one Arabic), keys of three
     * data sets and none, counts per source all different so the order is fixed.
     */
    static IncidentReader rows(int n, int sources) {
        SubEventType[] subs = SubEventType.values();
        return new IncidentReader() {
            int i;
            @Override public String file() { return "test"; }
            @Override public String format() { return "test"; }
            @Override public void close() { }
            @Override public ParsedRow next() {
                if (i == n) return null;
                i++;
                LocalDate d = LocalDate.of(2016, 1, 1).plusDays(i % 400);
                String[] prefixes = {"ucdp:", "ACLED:", "", "seed:"};
                int s = (int) Math.sqrt(i * 7.0) % sources;
                String source = i % 7 == 0 ? null : s == 1 ? "المرصد السوري" : "Source " + s;
                Incident.Builder b = Incident.builder().sourceKey(prefixes[i % 4] + "K" + i).date(d)
                        .place("Place " + i).subEventType(subs[i % subs.length])
                        .actor("Some actor", i % 3 == 0 ? "ISIS" : "SAA").source(source)
                        .position(35 + (i % 100) / 100.0, 36 + (i % 70) / 100.0);
                return ParsedRow.ok(i, b.build());
            }
        };
    }
}
