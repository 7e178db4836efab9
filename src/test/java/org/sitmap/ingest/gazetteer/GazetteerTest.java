package org.sitmap.ingest.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitmap.model.InputException;
import org.sitmap.model.Place;

class GazetteerTest {
    static Gazetteer shipped;

    @BeforeAll
    static void load() {
        shipped = Gazetteer.load(null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jisrash Shogur|Jisr ash Shughur", "Ehsim|Ihsim", "Sufuhon|Sfuhen", "Ablin|Iblin", "Hesh|Hish",
            "Kafar Sijnah|Kafr Sajnah", "Ma'aret Hurmah|Maarat Hurmah", "Ma’arrat Misrin|Ma`arratmisrin",
            "Deir Ezzor|Deir ez-Zor", "Busayrah|Al Busayrah", "Jabal Zawiya|Jabal az Zawiyah", "M4|M4",
            "Abu Kamal|Albu Kamal", "Kfar Sajna|Kafr Sajnah", "حلب|Aleppo",
            // UCDP GED place names shipped in ucdp-places.tsv, and transliteration variants
            "Al Naqeer|Nqeir", "al-Dwair|Ad Duwayr", "Khan Sheikhun|Khan Shaykhun", "Tell Rifaat|Tall Rif`at",
            "Deir Ezzor|Deir ez-Zor", "Jebel Zawiya|Jabal az Zawiyah"})
    void spellingVariantsFindTheShippedPlace(String mention, String asciiName) {
        List<Gazetteer.Match> c = shipped.candidates(mention);
        assertThat(c).extracting(m -> NameKey.plain(m.place().asciiName())).contains(NameKey.plain(asciiName));
    }

    @ParameterizedTest
    @CsvSource({"Meanwhile", "Furthermore", "Analysts", "Batitiyah", "Akashat", "Shami", "Khirbet Umm Zaytuna"})
    void wordsAndUnknownVillagesFindNothing(String mention) {
        assertThat(shipped.candidates(mention)).isEmpty();
    }

    @Test
    void keysFoldArticlesApostrophesAndDoubledLetters() {
        assertThat(NameKey.key("Ma’arrat al-Nu'man")).isEqualTo(NameKey.key("Maarat an Numan"));
        assertThat(NameKey.key("Kfar Nabl")).isEqualTo(NameKey.key("Kafar Nabl"));
        assertThat(NameKey.skeleton("Jisrash Shogur")).isEqualTo(NameKey.skeleton("Jisr ash-Shughur"));
        assertThat(NameKey.key("Deir ez-Zor")).isNotEqualTo(NameKey.key("Raqqa"));
    }

    @Test
    void contextPicksTheHomonymInTheStatedGovernorateOrNearTheOtherPlaces() {
        Place idlib = new Place("Nayrab", "Nayrab", List.of(), 35.87, 36.72, "PPL", "SY", "Idlib", 0, "t");
        Place aleppo = new Place("An Nayrab", "An Nayrab", List.of("Nayrab"), 36.18, 37.22, "PPL", "SY", "Aleppo", 0, "t");
        Gazetteer g = new Gazetteer(List.of(idlib, aleppo));
        assertThat(g.resolve("Nayrab", List.of("Idlib"), List.of()).place()).isSameAs(idlib);
        assertThat(g.resolve("Nayrab", List.of("Aleppo"), List.of()).place()).isSameAs(aleppo);
        assertThat(g.resolve("Nayrab", List.of(), List.<double[]>of(new double[] {35.86, 36.80})).place()).isSameAs(idlib);
        assertThat(g.resolve("Nayrab", List.of(), List.<double[]>of(new double[] {36.20, 37.16})).place()).isSameAs(aleppo);
    }

    @Test
    void geoNamesDumpRowsBecomePlacesWithGovernorateNames() throws Exception {
        String row = "111\tTall Abyad\tTall Abyad\tTell Abiad,تل أبيض\t36.69\t38.95\tP\tPPLA2\tSY\t\t04\t\t\t\t44000\t\t350\tAsia/Damascus\t2020-01-01\n";
        List<Place> places = GeoNamesDump.read(new StringReader(row), "SY.txt");
        assertThat(places).singleElement().satisfies(p -> {
            assertThat(p.admin1()).isEqualTo("Raqqa");
            assertThat(p.population()).isEqualTo(44000);
            assertThat(p.alternateNames()).contains("Tell Abiad");
        });
        assertThat(new Gazetteer(places).candidates("Tell Abyad")).isNotEmpty();
    }

    @Test
    void malformedDumpLinesAreReportedWithTheirNumber() {
        String text = "1\tA\tA\t\t35\t36\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t1\tx\t2020-01-01\nnot a row\n";
        assertThatThrownBy(() -> GeoNamesDump.read(new StringReader(text), "SY.txt"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("SY.txt:2:");
        String badLat = "1\tA\tA\t\tnorth\t36\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t1\tx\t2020-01-01\n";
        assertThatThrownBy(() -> GeoNamesDump.read(new StringReader(badLat), "SY.txt"))
                .isInstanceOf(InputException.class).hasMessageContaining("SY.txt:1:");
    }
}
