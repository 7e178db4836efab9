package org.sitmap.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;

/** Scenes, lists, facilities, homonyms abroad and actor phrasings, on short texts written for these tests. */
class SceneRulesTest {
    static ArticleExtractor extractor;
    static final ArticleDate DAY = ArticleDate.of(LocalDate.of(2023, 5, 12));

    @BeforeAll
    static void setUp() {
        extractor = new ArticleExtractor(Gazetteer.load(null), FactionCatalog.shipped());
    }

    static ArticleExtractor.Result result(String text) {
        return extractor.extract(text, DAY, "t.txt", "test");
    }

    static List<Incident> run(String text) {
        return result(text).incidents().stream().map(ArticleExtractor.Extracted::incident).toList();
    }

    @Test
    void everyPlaceOfACoordinatedListIsAScene() {
        List<Incident> l = run("Helicopters dropped barrel bombs on the villages of Kafr Nabl, Hass and Kansafra on Thursday.");
        assertThat(l).filteredOn(Incident::located).extracting(Incident::place)
                .contains("Kafranbel", "Has", "Kansafrah");
        List<Incident> incl = run("Government troops recaptured several villages including Tulaysiyah and Al Qahirah on Friday.");
        assertThat(incl).filteredOn(Incident::located).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theCityOfAGovernorateSeatIsTheCityItself() {
        List<Incident> l = run("Warplanes bombed a market in the city of Idlib and the town of Saraqib on Monday.");
        assertThat(l).extracting(Incident::place).contains("Idlib", "Saraqib");
    }

    @Test
    void aNeighbourhoodOfACityPutsTheIncidentInTheCity() {
        List<Incident> l = run("A drone struck a car in the Zahra neighbourhood of Qamishli on Tuesday.");
        assertThat(l).filteredOn(Incident::located).extracting(Incident::place).containsExactly("Al Qamishli");
        assertThat(result("A drone struck a car in the Zahra neighbourhood of Qamishli on Tuesday.").unresolved()).isEmpty();
    }

    @Test
    void anAirportIsTheAirportNotTheCityCentre() {
        Incident i = run("Missiles struck near Damascus airport overnight, state media said.").get(0);
        assertThat(i.place()).contains("Airport");
        assertThat(i.latitude()).isBetween(33.40, 33.42);
        // a facility the gazetteer lacks stays unresolved instead of taking the town's position
        ArticleExtractor.Result r = result("Rockets hit the Saraqib airport on Sunday.");
        assertThat(r.incidents()).allSatisfy(e -> assertThat(e.incident().located()).isFalse());
    }

    @Test
    void aDistanceFromAPlaceLowersThePrecision() {
        Incident i = run("Clashes broke out 20 km east of Palmyra on Saturday.").get(0);
        assertThat(i.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        Incident region = run("Shelling hit the eastern countryside of Hama province yesterday.").get(0);
        assertThat(region.geoPrecision()).isEqualTo(GeoPrecision.REGION);
    }

    @Test
    void aVillageNameAbroadNeedsItsCountryInTheText() {
        // Barak is also an alternate name of a Turkish town: with no support in the text it stays unresolved
        ArticleExtractor.Result r = result("Armed men gathered near the village of Barak before the attack on Monday.");
        assertThat(r.incidents()).allSatisfy(e -> assertThat(e.incident().country()).isNotEqualTo("Turkey"));
    }

    @Test
    void personNamesBeforeSpeechVerbsAreNoPlaces() {
        ArticleExtractor.Result r = result("Fighting raged near Manbij on Sunday, Hamid Shami said.");
        assertThat(r.unresolved()).isEmpty();
        assertThat(r.incidents()).extracting(e -> e.incident().place()).containsExactly("Manbij");
    }

    @Test
    void nationalityAdjectivesNameTheirArmedForces() {
        assertThat(run("Israeli strikes hit positions near Masyaf on Sunday.").get(0).factions()).contains("ISR");
        assertThat(run("A Turkish drone struck a car in Kobani on Friday.").get(0).factions()).contains("TUR");
        assertThat(run("Russian jets pounded Khan Shaykhun on Monday.").get(0).factions()).contains("RUS");
        assertThat(run("The international coalition carried out air strikes on Hajin today.").get(0).factions()).contains("USA");
    }

    @Test
    void groupNamesOfTheirTimeAndBackersMapToOneFaction() {
        assertThat(run("Jabhat Fateh al-Sham fighters attacked Morek today.").get(0).factions()).contains("HTS");
        assertThat(run("Jabhat al- Nusra stormed Kafr Nabl today.").get(0).factions()).contains("HTS");
        assertThat(run("Turkish-backed factions shelled Tall Rifaat today.").get(0).factions()).containsExactly("SNA");
        assertThat(run("Factions loyal to Ankara attacked Manbij today.").get(0).factions()).containsExactly("SNA");
    }

    @Test
    void localAndTribalGunmenGetTheGenericCode() {
        assertThat(run("Tribal fighters clashed with local gunmen in Tafas today.").get(0).factions()).containsExactly("UNK");
        assertThat(run("IS gunmen attacked Hajin today.").get(0).factions()).containsExactly("ISIS");
    }

    @Test
    void aCountryAsAPlaceOrASourceIsNoActor() {
        assertThat(run("Clashes erupted near the border with Israel in Quneitra today, Russia's state agency reported.").get(0).factions())
                .doesNotContain("ISR", "RUS");
    }
}
