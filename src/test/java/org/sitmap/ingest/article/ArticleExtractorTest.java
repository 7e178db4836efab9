package org.sitmap.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;

/** Extraction on short texts written for these tests. */
class ArticleExtractorTest {
    static ArticleExtractor extractor;
    static final ArticleDate FRIDAY = ArticleDate.of(LocalDate.of(2024, 3, 15));

    @BeforeAll
    static void setUp() {
        extractor = new ArticleExtractor(Gazetteer.load(null), FactionCatalog.shipped());
    }

    static List<Incident> run(String text, ArticleDate date) {
        return extractor.extract(text, date, "test.txt", "test").incidents().stream().map(ArticleExtractor.Extracted::incident).toList();
    }

    static Incident at(List<Incident> list, String place) {
        return list.stream().filter(i -> place.equals(i.place())).findFirst()
                .orElseThrow(() -> new AssertionError(place + " not among " + list.stream().map(Incident::place).toList()));
    }

    @Test
    void transliteratedVillageNamesAreLocated() {
        List<Incident> l = run("Government jets bombed positions in Ehsim and Hesh this morning, local activists said.", FRIDAY);
        assertThat(l).extracting(Incident::place).containsExactlyInAnyOrder("Ihsim", "Hish");
        assertThat(l).allSatisfy(i -> {
            assertThat(i.subEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
            assertThat(i.factions()).containsExactly("SAA");
            assertThat(i.date()).isEqualTo(FRIDAY.date());
            assertThat(i.evidence()).contains("[[");
        });
    }

    @Test
    void homonymsFollowTheArticlesOtherPlaces() {
        List<Incident> idlib = run("A joint patrol drove from Saraqib along the road and halted in Nayrab.", FRIDAY);
        assertThat(at(idlib, "Nayrab").admin1()).isEqualTo("Idlib");
        List<Incident> aleppo = run("Sirens sounded across Aleppo. Later, a rocket attack hit Nayrab by the airport.", FRIDAY);
        assertThat(aleppo).filteredOn(i -> i.place().contains("Nayrab")).singleElement()
                .satisfies(i -> assertThat(i.admin1()).isEqualTo("Aleppo"));
    }

    @Test
    void aStatedGovernoratePicksTheHomonym() {
        List<Incident> l = run("Shelling continued in the Idlib countryside.\nA Turkish convoy was attacked in Nayrab today.", FRIDAY);
        assertThat(at(l, "Nayrab").admin1()).isEqualTo("Idlib");
        List<Incident> a = run("Tension rose in Aleppo province.\nA Turkish convoy was attacked in Nayrab today.", FRIDAY);
        assertThat(a).filteredOn(i -> i.place().contains("Nayrab")).singleElement()
                .satisfies(i -> assertThat(i.admin1()).isEqualTo("Aleppo"));
    }

    @Test
    void oddInputNeverFailsAndNeverInventsPositions() {
        String[] texts = {"", "...", "\n\n\n", "A", "ALL CAPS HEADLINE ABOUT NOTHING", "«»—–‘’“”",
                "In in in at at Of of", "كفرسجنة", "x".repeat(20_000), "Clashes in " + "Zzzq ".repeat(500)};
        for (String t : texts) {
            assertThat(extractor.extract(t, FRIDAY, "f", null).incidents())
                    .allSatisfy(e -> assertThat(e.incident().located() || e.incident().latitude() == null).isTrue());
        }
    }

    @Test
    void relativeDatesResolveAgainstTheArticleDate() {
        Incident wed = run("The assault on Saraqib started on Wednesday with heavy clashes.", FRIDAY).get(0);
        assertThat(wed.date()).isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(wed.datePrecision()).isEqualTo(DatePrecision.DAY);
        Incident range = run("Warplanes carried out air strikes in Ariha from 3 to 9 March.", FRIDAY).get(0);
        assertThat(range.date()).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(range.endDate()).isEqualTo(LocalDate.of(2024, 3, 9));
        Incident month = run("Clashes broke out in Saraqib a few hours ago.", ArticleDate.parse("2020-06")).get(0);
        assertThat(month.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(month.date()).isEqualTo(LocalDate.of(2020, 6, 1));
    }

    @Test
    void historyAndAnalysisGiveNoIncidents() {
        assertThat(run("In 2016 Russian jets bombed Saraqib for weeks.", FRIDAY)).isEmpty();
        assertThat(run("Observers believe the militants could attack Homs again.", FRIDAY)).isEmpty();
        assertThat(run("Smuggling routes still lead from Iraq to Turkey, officials say.", FRIDAY)).isEmpty();
        assertThat(run("The fighters came from Homs and moved towards Palmyra.", FRIDAY)).isEmpty();
    }

    @Test
    void unknownPlacesStayUnresolvedWithoutCoordinates() {
        ArticleExtractor.Result r = extractor.extract("Artillery shelled Qaryat Zumurrudiyya and Ariha overnight.", FRIDAY, "t.txt", null);
        assertThat(r.unresolved()).containsExactly("Qaryat Zumurrudiyya");
        Incident u = at(r.incidents().stream().map(ArticleExtractor.Extracted::incident).toList(), "Qaryat Zumurrudiyya");
        assertThat(u.latitude()).isNull();
        assertThat(u.longitude()).isNull();
        assertThat(u.geoPrecision()).isEqualTo(GeoPrecision.UNRESOLVED);
        assertThat(u.subEventType()).isEqualTo(SubEventType.SHELLING);
    }

    @Test
    void factionAliasesMapToCodes() {
        assertThat(run("Daesh cells ambushed regime forces near Palmyra today.", FRIDAY).get(0).factions())
                .containsExactlyInAnyOrder("ISIS", "SAA");
        assertThat(run("Jazeera Storm units clashed with IS gunmen in Hajin today.", FRIDAY).get(0).factions())
                .containsExactlyInAnyOrder("SDF", "ISIS");
        assertThat(run("Pro-Iranian militias and the TAF exchanged fire at Saraqib today.", FRIDAY).get(0).factions())
                .containsExactlyInAnyOrder("IRN", "TUR");
    }

    @Test
    void statedFatalitiesAndGeneratedSummary() {
        Incident i = run("Shelling by Syrian troops killed three civilians in Ariha today.", FRIDAY).get(0);
        assertThat(i.fatalities()).isEqualTo(3);
        assertThat(i.factions()).contains("SAA", "CIV");
        assertThat(i.summary()).startsWith("Shelling/artillery/missile attack at Ariha").doesNotContain("killed three civilians");
    }

    @Test
    void readerNeedsADateAndNumbersRowsByLine() throws Exception {
        assertThatThrownBy(() -> new ArticleReader(new StringReader("Clashes in Ariha."), "a.txt", null, extractor, null))
                .isInstanceOf(InputException.class).hasMessageContaining("--date");
        ArticleReader r = new ArticleReader(new StringReader("Headline\n\nClashes erupted in Ariha today."), "a.txt", FRIDAY, extractor, null);
        ParsedRow row = r.next();
        assertThat(row.line()).isEqualTo(3);
        assertThat(row.incident().origin()).isEqualTo("a.txt:3");
        assertThat(r.next()).isNull();
    }
}
