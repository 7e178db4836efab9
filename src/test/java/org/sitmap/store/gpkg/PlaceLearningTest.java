package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.ingest.article.ArticleExtractor;
import org.sitmap.ingest.article.ArticleReader;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ingest.ucdp.UcdpReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoredPlace;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** Places learned from imported event files: stored once, counted, and used by the article import. */
class PlaceLearningTest {
    @TempDir Path dir;

    /** Two events at an invented village, one at an invented district centroid (where_prec 3). */
    static String ucdp(String firstId) {
        int id = Integer.parseInt(firstId);
        return EventFiles.ucdp(
                EventFiles.ucdpRow(Integer.toString(id), 1, "Government of Syria", "Syrian insurgents", "1",
                        "Zarqat Umm Sitmap village", "35.61234", "36.48765", "1", "2017-02-01", "2017-02-01", "1", "1", "1"),
                EventFiles.ucdpRow(Integer.toString(id + 1), 1, "Government of Syria", "Syrian insurgents", "1",
                        "Zarqat Umm Sitmap village", "35.61234", "36.48765", "1", "2017-02-02", "2017-02-02", "1", "1", "1"),
                EventFiles.ucdpRow(Integer.toString(id + 2), 1, "Government of Syria", "Syrian insurgents", "3",
                        "Wadi Sitmap district", "35.7", "36.4", "1", "2017-02-03", "2017-02-03", "0", "0", "0"));
    }

    private static IncidentReader reader(String text) throws Exception {
        return new UcdpReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "ged.csv",
                FactionCatalog.shipped());
    }

    @Test
    void anEventImportLearnsItsPlacesOnceWithPrecisionAndEventCount() throws Exception {
        try (IncidentStore s = IncidentStore.open(dir.resolve("s.gpkg"))) {
            s.importAll(reader(ucdp("900001")), ImportOptions.DEFAULT, null);
            s.importAll(reader(ucdp("900001")), ImportOptions.DEFAULT, null);
            List<StoredPlace> learned = s.storedPlaces();
            assertThat(learned).hasSize(2).allSatisfy(p -> assertThat(p.learned()).isTrue());
            StoredPlace village = learned.stream().filter(p -> p.place().name().startsWith("Zarqat")).findFirst().orElseThrow();
            assertThat(village.events()).isEqualTo(2);
            assertThat(village.precision()).isEqualTo(1);
            assertThat(village.place().source()).isEqualTo("events:ucdp");
            assertThat(village.place().latitude()).isEqualTo(35.61234);
            assertThat(learned).filteredOn(p -> p.place().name().startsWith("Wadi")).singleElement()
                    .satisfies(p -> assertThat(p.precision()).isEqualTo(3));

            // another file naming the same place adds its events to the count, not a second entry
            s.importAll(reader(ucdp("900101")), ImportOptions.DEFAULT, null);
            assertThat(s.storedPlaces()).hasSize(2).filteredOn(p -> p.place().name().startsWith("Zarqat"))
                    .singleElement().satisfies(p -> assertThat(p.events()).isEqualTo(4));
        }
    }

    @Test
    void positionsOfOneNameWithinAboutAKilometreAreOnePlace() throws Exception {
        try (IncidentStore s = IncidentStore.open(dir.resolve("s.gpkg"))) {
            LocalDate d = LocalDate.of(2020, 1, 2);
            s.importAll(Fixtures.readerOf("gps.csv",
                    Fixtures.simple("g:1", d, "Kafr Sitmap", 35.6121, 36.4812, "SAA"),
                    Fixtures.simple("g:2", d, "Kafr Sitmap", 35.6157, 36.4889, "SAA"),
                    Fixtures.simple("g:3", d, "Kafr Sitmap", 35.6502, 36.4812, "SAA")), ImportOptions.DEFAULT, null);
            assertThat(s.storedPlaces()).extracting(p -> p.place().latitude(), StoredPlace::events)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(35.6121, 2),
                            org.assertj.core.groups.Tuple.tuple(35.6502, 1));
        }
    }

    @Test
    void aDryRunAndAnArticleImportLearnNothing() throws Exception {
        try (IncidentStore s = IncidentStore.open(dir.resolve("s.gpkg"))) {
            s.importAll(reader(ucdp("900001")), new ImportOptions(false, true), null);
            assertThat(s.storedPlaces()).isEmpty();
            Incident located = Fixtures.simple("article:x:1", LocalDate.of(2020, 1, 2), "Saraqib", 35.86, 36.80, "SAA");
            s.importAll(new org.sitmap.ingest.article.ListReader("a.txt", ArticleReader.FORMAT, List.of(located)),
                    ImportOptions.DEFAULT, null);
            assertThat(s.storedPlaces()).isEmpty();
        }
    }

    @Test
    void articlesResolveAgainstTheStoresLearnedPlaces() throws Exception {
        String text = "Government artillery shelled Zarqat Umm Sitmap on Monday, activists said.";
        ArticleDate date = ArticleDate.of(LocalDate.of(2020, 3, 4));
        ArticleExtractor shippedOnly = new ArticleExtractor(Gazetteer.load(null), FactionCatalog.shipped());
        assertThat(shippedOnly.extract(text, date, "a.txt", null).unresolved()).containsExactly("Zarqat Umm Sitmap");
        try (IncidentStore s = IncidentStore.open(dir.resolve("s.gpkg"))) {
            s.importAll(reader(ucdp("900001")), ImportOptions.DEFAULT, null);
            ArticleExtractor withStore = new ArticleExtractor(Gazetteer.load(s::places), FactionCatalog.shipped());
            ArticleExtractor.Result r = withStore.extract(text, date, "a.txt", null);
            assertThat(r.unresolved()).isEmpty();
            Incident i = r.incidents().get(0).incident();
            assertThat(i.place()).isEqualTo("Zarqat Umm Sitmap");
            assertThat(i.latitude()).isEqualTo(35.61234);
            assertThat(i.admin1()).isEqualTo("Idlib");
        }
    }

    @Test
    void anOlderStoreLearnsTheVillagesOfItsEventsWhenMigrated() throws Exception {
        Path file = dir.resolve("old.gpkg");
        try (IncidentStore s = IncidentStore.open(file, 3)) {
            s.importAll(reader(ucdp("900001")), ImportOptions.DEFAULT, null);
        }
        try (IncidentStore s = IncidentStore.open(file)) {
            assertThat(s.storedPlaces()).filteredOn(StoredPlace::learned).extracting(p -> p.place().name(), StoredPlace::events)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Zarqat Umm Sitmap", 2),
                            org.assertj.core.groups.Tuple.tuple("Wadi Sitmap district", 1));
        }
    }
}
