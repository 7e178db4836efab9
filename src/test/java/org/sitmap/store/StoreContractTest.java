package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sitmap.index.IncidentIndex;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.BBox;
import org.sitmap.model.FactionRule;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.Place;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;
import org.sitmap.store.pg.PgCluster;
import org.sitmap.store.pg.PgStore;
import org.sitmap.testutil.Fixtures;

/**
 * The store contract ({@link IncidentStorage}), once, run against both stores: a GeoPackage file and a team store
 * on PostgreSQL/PostGIS (a throwaway cluster; skipped with the reason where PostgreSQL with PostGIS is not
 * installed). The data are the shipped seed incidents (26 events from news articles, a real GeoJSON file) and a
 * synthetic ACLED file of 400 rows, read by the importers the command line uses.
 */
class StoreContractTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final Path SEEDS = Path.of("data/incidents/seed-incidents.geojson");

    @TempDir Path dir;
    private IncidentStorage store;

    /** How to make an empty store of one kind. */
    interface Kind {
        IncidentStorage create(Path dir) throws Exception;
    }

    static Stream<Kind> kinds() {
        Kind gpkg = new Kind() {
            @Override public IncidentStorage create(Path dir) { return IncidentStore.open(dir.resolve("contract.gpkg")); }

            @Override public String toString() { return "GeoPackage"; }
        };
        Kind pg = new Kind() {
            @Override
            public IncidentStorage create(Path dir) throws Exception {
                String why = PgCluster.unavailable();
                assumeTrue(why == null, why);
                return PgStore.open(PgCluster.shared().teamStore("contract_" + SERIAL.incrementAndGet()));
            }

            @Override public String toString() { return "PostGIS"; }
        };
        return Stream.of(gpkg, pg);
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    private IncidentStorage open(Kind kind) throws Exception {
        store = kind.create(dir);
        return store;
    }

    private ImportReport importFile(IncidentStorage s, Path file, ImportOptions options) throws IOException {
        try (IncidentReader r = StoreFileReader.open(file, "auto", new ReaderContext(s.factions(), null))) {
            return s.importAll(r, options, null);
        }
    }

    private Path acled() throws IOException {
        return PgCluster.synthetic().writeAcledCsv(dir.resolve("cell.csv"), 400, 7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anEmptyStoreAtItsSchemaVersion(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        assertThat(s.count()).isZero();
        assertThat(s.schemaVersion()).isPositive();
        assertThat(s.writable()).isTrue();
        assertThat(s.factions().byCode("SAA")).isPresent();
        assertThat(s.loadIndex().size()).isZero();
        assertThat(s.query(FilterSpec.ALL)).isEmpty();
        assertThat(s.display()).doesNotContain("pw-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void importCountsAndAReimportAddsNothing(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        ImportReport first = importFile(s, SEEDS, ImportOptions.DEFAULT);
        assertThat(first.rowsRead()).isEqualTo(26);
        assertThat(first.imported()).isEqualTo(26);
        assertThat(s.count()).isEqualTo(26);
        Path csv = acled();
        assertThat(importFile(s, csv, ImportOptions.DEFAULT).imported()).isEqualTo(400);
        ImportReport again = importFile(s, csv, ImportOptions.DEFAULT);
        assertThat(List.of(again.rowsRead(), again.imported(), again.updated(), again.skipped()))
                .containsExactly(400, 0, 0, 400);
        assertThat(s.count()).isEqualTo(426);
        assertThat(s.batches()).extracting(ImportBatch::imported).containsExactly(26, 400, 0);
        ImportReport dry = importFile(s, SEEDS, new ImportOptions(false, true));
        assertThat(dry.skipped()).isEqualTo(26);
        assertThat(s.count()).isEqualTo(426);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aChangedEventIsUpdatedInPlace(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        Incident a = Fixtures.arabic();
        s.importAll(Fixtures.readerOf("one", a), ImportOptions.DEFAULT, null);
        long id = s.query(FilterSpec.ALL).get(0).id();
        ImportReport r = s.importAll(Fixtures.readerOf("two", a.toBuilder().fatalities(7).build()),
                ImportOptions.DEFAULT, null);
        assertThat(List.of(r.imported(), r.updated())).containsExactly(0, 1);
        assertThat(s.incident(id).orElseThrow().fatalities()).isEqualTo(7);
        assertThat(s.count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aBadFileLeavesTheStoreAsItWas(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        List<String> before = s.batches().stream().map(ImportBatch::file).toList();
        // strict: refused at the bad row, with its line
        List<ParsedRow> rows = List.of(ParsedRow.ok(1, Fixtures.simple("t:1", LocalDate.of(2021, 1, 1), "Afrin", 36.51,
                36.87, "TUR")), ParsedRow.rejected(2, "no date in column event_date"));
        assertThatThrownBy(() -> s.importAll(Fixtures.reader("bad.csv", rows), new ImportOptions(true, false), null))
                .isInstanceOf(InputException.class).hasMessageContaining("no date");
        // a file that breaks off in the middle (a read error after rows were read)
        IncidentReader broken = new IncidentReader() {
            int n;

            @Override public String file() { return "cut.geojson"; }

            @Override public String format() { return "geojson"; }

            @Override
            public ParsedRow next() throws IOException {
                if (++n > 3) throw new IOException("unexpected end of file");
                return ParsedRow.ok(n, Fixtures.simple("cut:" + n, LocalDate.of(2021, 2, n), "Azaz", 36.58, 37.04, "TUR"));
            }

            @Override public void close() { }
        };
        assertThatThrownBy(() -> s.importAll(broken, ImportOptions.DEFAULT, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("cut.geojson").hasMessageContaining("unexpected end");
        // cancelled between rows
        assertThatThrownBy(() -> s.importAll(Fixtures.readerOf("c", Fixtures.arabic()), ImportOptions.DEFAULT, null,
                () -> true)).isInstanceOfSatisfying(StoreFault.class,
                f -> assertThat(f.kind()).isEqualTo(StoreFault.Kind.CANCELLED));
        assertThat(s.count()).isEqualTo(26);
        assertThat(s.batches().stream().map(ImportBatch::file).toList()).isEqualTo(before);
        assertThat(s.searchText("Afrin")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void oneIncidentComesBackWithEveryField(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        ImportReport r = s.importAll(Fixtures.readerOf("f.test", Fixtures.arabic(), Fixtures.unresolved()),
                ImportOptions.DEFAULT, null);
        assertThat(r.unresolvedPlaces()).containsExactly("Tal Unknown");
        List<Incident> all = s.query(FilterSpec.ALL);
        assertThat(all).extracting(Incident::sourceKey).containsExactly("test:unresolved", "test:kafr-sijnah");
        Incident a = s.incident(all.get(1).id()).orElseThrow();
        assertThat(Fixtures.unstored(a)).isEqualTo(Fixtures.arabic());
        assertThat(a.batchId()).isPositive();
        assertThat(a.datePrecision()).isEqualTo(Fixtures.arabic().datePrecision());
        assertThat(a.spanEnd()).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(a.actors()).isEqualTo(Fixtures.arabic().actors());
        assertThat(a.latitude()).isEqualTo(35.5279);
        assertThat(a.longitude()).isEqualTo(36.5896);
        Incident u = s.incident(all.get(0).id()).orElseThrow();
        assertThat(Fixtures.unstored(u)).isEqualTo(Fixtures.unresolved());
        assertThat(u.fatalities()).isNull();
        assertThat(u.located()).isFalse();
        assertThat(s.incident(987_654_321L)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void queriesFollowTheFilterRules(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        importFile(s, acled(), ImportOptions.DEFAULT);
        List<Incident> all = s.query(FilterSpec.ALL);
        assertThat(all).hasSize(426);
        for (int k = 1; k < all.size(); k++) {
            Incident p = all.get(k - 1);
            Incident i = all.get(k);
            assertThat(p.date().isBefore(i.date()) || p.date().equals(i.date()) && p.id() < i.id())
                    .as("ordered by date then id").isTrue();
        }
        LocalDate from = LocalDate.of(2020, 3, 1);
        LocalDate to = LocalDate.of(2020, 6, 15);
        expect(s, all, FilterSpec.ALL.withDates(from, to),
                i -> !i.date().isAfter(to) && !i.spanEnd().isBefore(from));
        BBox box = new BBox(36.0, 35.5, 37.5, 36.6);
        expect(s, all, FilterSpec.ALL.withBbox(box), i -> i.located() && i.longitude() >= 36.0
                && i.longitude() <= 37.5 && i.latitude() >= 35.5 && i.latitude() <= 36.6);
        expect(s, all, FilterSpec.ALL.withFactions(Set.of("RUS", "TUR")),
                i -> i.factions().contains("RUS") || i.factions().contains("TUR"));
        expect(s, all, FilterSpec.ALL.withFactions(Set.of("RUS")).withFactionRule(FactionRule.PRIMARY),
                i -> i.factions().get(0).equals("RUS"));
        expect(s, all, FilterSpec.ALL.withMinFatalities(5), i -> i.fatalities() != null && i.fatalities() >= 5);
        expect(s, all, FilterSpec.ALL.withText("Idlib").withDates(null, to),
                i -> !i.date().isAfter(to) && mentions(i, "idlib"));
        assertThat(s.query(FilterSpec.ALL.withText("!!"))).isEmpty();
        assertThat(s.query(FilterSpec.ALL.withNoFaction())).isEmpty();
        List<double[]> triangle = List.of(new double[] {36.0, 35.0}, new double[] {38.0, 35.0},
                new double[] {37.0, 37.0});
        assertThat(s.query(FilterSpec.ALL.withArea(triangle))).isNotEmpty()
                .allMatch(i -> org.sitmap.geo.Geodesy.inPolygon(triangle, i.longitude(), i.latitude()));
        List<String[]> sources = s.sources(FilterSpec.ALL);
        assertThat(sources).extracting(p -> p[0]).contains("seed", "acled");
    }

    private static void expect(IncidentStorage s, List<Incident> all, FilterSpec spec, Predicate<Incident> rule) {
        List<Long> want = all.stream().filter(rule).map(Incident::id).toList();
        assertThat(want).as("the test's data exercise " + spec).isNotEmpty();
        assertThat(s.query(spec)).extracting(Incident::id).as(spec.toString()).isEqualTo(want);
        long[] n = {0};
        assertThat(s.forEach(spec, i -> n[0]++)).isEqualTo(want.size());
    }

    private static boolean mentions(Incident i, String word) {
        String text = (i.place() + " " + i.summary() + " " + i.evidence()).toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).anyMatch(t -> t.startsWith(word));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void textSearchFindsEveryWordTheLastAsAPrefix(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        s.importAll(Fixtures.readerOf("f", Fixtures.arabic()), ImportOptions.DEFAULT, null);
        List<Incident> all = s.query(FilterSpec.ALL);
        long[] idlib = s.searchText("idlib");
        assertThat(idlib).containsExactly(all.stream().filter(i -> mentions(i, "idlib")).mapToLong(Incident::id)
                .sorted().toArray());
        assertThat(idlib.length).isGreaterThan(3);
        assertThat(s.searchText("Idli")).containsExactly(idlib);
        long[] both = s.searchText("Kafr Sajn");
        assertThat(both).isNotEmpty();
        assertThat(all.stream().filter(i -> Arrays.stream(both).anyMatch(x -> x == i.id())))
                .allMatch(i -> mentions(i, "kafr") && mentions(i, "sajn"));
        assertThat(s.searchText("القرية")).hasSize(1);
        assertThat(s.searchText("\"*:& OR")).isEmpty();
        assertThat(s.searchText("zzqqxx")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theIndexHoldsWhatAQueryGives(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        importFile(s, acled(), ImportOptions.DEFAULT);
        s.importAll(Fixtures.readerOf("f", Fixtures.unresolved()), ImportOptions.DEFAULT, null);
        IncidentIndex index = s.loadIndex(Runnable::run);
        List<Incident> all = s.query(FilterSpec.ALL);
        assertThat(index.size()).isEqualTo(all.size()).isEqualTo(s.count());
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < index.size(); k++) ids.add(index.id(k));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(all.stream().map(Incident::id).toList());
        for (Incident i : all) {
            int row = ids.indexOf(i.id());
            assertThat(index.day(row)).isEqualTo((int) i.date().toEpochDay());
            assertThat(index.dayEnd(row)).isEqualTo((int) i.spanEnd().toEpochDay());
            assertThat(index.fatalities(row)).isEqualTo(i.fatalities() == null ? -1 : i.fatalities());
            assertThat(index.place(row)).isEqualTo(i.place());
            assertThat(index.located(row)).isEqualTo(i.located());
            if (i.located()) {
                assertThat(index.lat(row)).isEqualTo((float) (double) i.latitude());
                assertThat(index.lon(row)).isEqualTo((float) (double) i.longitude());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void placesAreLearnedAndGazetteerEntriesKept(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        List<StoredPlace> learned = s.storedPlaces().stream().filter(StoredPlace::learned).toList();
        assertThat(learned).isNotEmpty();
        StoredPlace kafr = learned.stream().filter(p -> p.place().name().equals("Kafr Sajnah")).findFirst().orElseThrow();
        assertThat(kafr.place().source()).isEqualTo("events:geojson");
        assertThat(kafr.events()).isEqualTo((int) s.query(FilterSpec.ALL).stream()
                .filter(i -> "Kafr Sajnah".equals(i.place())).count());
        assertThat(kafr.place().countryCode()).isEqualTo("SY");
        int events = learned.stream().mapToInt(StoredPlace::events).sum();
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        assertThat(s.storedPlaces().stream().filter(StoredPlace::learned).mapToInt(StoredPlace::events).sum())
                .as("a re-import adds no events").isEqualTo(events);
        Place village = new Place("Tell Ghazal", "Tell Ghazal", List.of("Tal Ghazal"), 36.2, 37.1, "PPL", "SY",
                "Aleppo", 1200, "GeoNames 2026-12");
        assertThat(s.upsertPlaces(List.of(village, village))).isEqualTo(2);
        assertThat(s.places()).filteredOn(p -> p.name().equals("Tell Ghazal")).singleElement()
                .satisfies(p -> {
                    assertThat(p.alternateNames()).containsExactly("Tal Ghazal");
                    assertThat(p.latitude()).isEqualTo(36.2);
                    assertThat(p.population()).isEqualTo(1200);
                });
        assertThat(s.storedPlaces()).filteredOn(p -> p.place().name().equals("Tell Ghazal")).singleElement()
                .satisfies(p -> assertThat(p.learned()).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aWholeStoreChecksHealthy(Kind kind) throws Exception {
        IncidentStorage s = open(kind);
        importFile(s, SEEDS, ImportOptions.DEFAULT);
        CheckReport quick = s.check(true);
        assertThat(quick.healthy()).as(quick.describe()).isTrue();
        CheckReport full = s.check(false);
        assertThat(full.healthy()).as(full.describe()).isTrue();
        assertThat(full.describe()).startsWith(s.display() + ": healthy").contains("ok: ");
        assertThat(full.findings()).isEmpty();
    }
}
