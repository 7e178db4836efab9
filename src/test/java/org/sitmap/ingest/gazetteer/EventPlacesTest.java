package org.sitmap.ingest.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitmap.model.Place;

/** Event-data place names taken apart into gazetteer entries. */
class EventPlacesTest {
    @Test
    void theKindWordBecomesTheFeatureCodeAndSlashesAlternateNames() {
        Place p = EventPlaces.place("Tall Umm Sitmap/Umm Sitmap village", 35.5, 36.5, 1, "Idlib Governorate", null, "test");
        assertThat(p.name()).isEqualTo("Tall Umm Sitmap");
        assertThat(p.alternateNames()).contains("Umm Sitmap", "Tall Umm Sitmap/Umm Sitmap village");
        assertThat(p.featureCode()).isEqualTo("PPL");
        assertThat(p.admin1()).isEqualTo("Idlib");
        assertThat(p.countryCode()).isEqualTo("SY");
    }

    @Test
    void facilitiesKeepTheirKindSoTheTownStaysTheTown() {
        Place base = EventPlaces.place("Sitmap Military Airbase (S9)", 34.5, 37.6, 1, "Homs Governorate", null, "test");
        assertThat(base.featureCode()).isEqualTo("AIRB");
        assertThat(base.alternateNames()).contains("Sitmap airbase", "Sitmap airport", "S9", "S9 airbase")
                .doesNotContain("Sitmap");
        Place dam = EventPlaces.place("Sitmap Dam", 36.4, 38.2, 1, "Aleppo Governorate", null, "test");
        assertThat(dam.featureCode()).isEqualTo("DAM");
        assertThat(dam.alternateNames()).contains("Sitmap dam");
    }

    @Test
    void governoratesAreNamedAsTheProjectNamesThem() {
        assertThat(EventPlaces.governorate("Hamah Governorate")).isEqualTo("Hama");
        assertThat(EventPlaces.governorate("Deir ez Zor Governorate")).isEqualTo("Deir ez-Zor");
        assertThat(EventPlaces.governorate("Dar'a")).isEqualTo("Daraa");
        assertThat(EventPlaces.governorate("Rif Dimashq Governorate")).isEqualTo("Rif Dimashq");
    }

    @Test
    void countryWideRowsAreNoPlaces() {
        assertThat(EventPlaces.place("Syria", 35, 38, 6, null, null, "test")).isNull();
    }

    @Test
    void oneNormaliserFoldsTheTransliterationVariants() {
        assertThat(NameKey.key("Tell Sitmap")).isEqualTo(NameKey.key("Tal Sitmap")).isEqualTo(NameKey.key("Tall Sitmap"));
        assertThat(NameKey.key("Kfar Sitmap")).isEqualTo(NameKey.key("Kafar Sitmap")).isEqualTo(NameKey.key("Kafr Sitmap"));
        assertThat(NameKey.key("Ma'arrat Sitmap")).isEqualTo(NameKey.key("Maarat Sitmap"));
        assertThat(NameKey.key("Jisr al-Shughur")).isEqualTo(NameKey.key("Jisr ash-Shughur"));
        assertThat(NameKey.key("Deir Ezzor")).isEqualTo(NameKey.key("Deir ez-Zor"));
        assertThat(NameKey.key("Sitmapeh")).isEqualTo(NameKey.key("Sitmapah"));
        assertThat(NameKey.key("Douma")).isEqualTo(NameKey.key("Duma"));
        assertThat(NameKey.loose(NameKey.key("Khan Sheikhun"))).isEqualTo(NameKey.loose(NameKey.key("Khan Shaykhun")));
    }
}
