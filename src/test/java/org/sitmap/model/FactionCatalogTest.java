package org.sitmap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Fixtures;

class FactionCatalogTest {
    private final FactionCatalog catalog = Fixtures.catalog();

    @Test
    void shippedListHasTheRequiredFactions() {
        for (String code : new String[] {"SAA", "RUS", "IRN", "HEZ", "HTS", "ISIS", "SDF", "TUR", "SNA", "REB", "TIP",
                "PMF", "ISR", "USA", "CIV", "UNK"}) {
            assertThat(catalog.byCode(code)).as(code).isPresent();
        }
    }

    @Test
    void actorNamesFromDataSetsMapThroughAliases() {
        assertThat(catalog.codeFor("Military Forces of Syria (2000-)")).contains("SAA");
        assertThat(catalog.codeFor("Government of Syria")).contains("SAA");
        assertThat(catalog.codeFor("IS")).contains("ISIS");
        assertThat(catalog.codeFor("Islamic State (Syria)")).contains("ISIS");
        assertThat(catalog.codeFor("Hayat Tahrir al-Sham")).contains("HTS");
        assertThat(catalog.codeFor("Military Forces of Turkey (2016-)")).contains("TUR");
        assertThat(catalog.codeFor("Civilians (Syria)")).contains("CIV");
        assertThat(catalog.codeOrUnknown("Some Unheard-of Brigade")).isEqualTo("UNK");
    }

    @Test
    void containedAliasesMatchAsWholeWordsOnly() {
        assertThat(catalog.codeFor("Military Forces of Syria (2000-) Republican Guard")).contains("SAA");
        assertThat(catalog.codeFor("Basis Brigade")).isEmpty();
    }

    @Test
    void badRowsNameTheLine() {
        String csv = "code,name,aliases,colour\nUNK,Unknown,,#bbbbbb\nSAA,Army,x,red\n";
        assertThatThrownBy(() -> FactionCatalog.parse(new StringReader(csv), "f.csv"))
                .isInstanceOf(InputException.class).hasMessage("f.csv:3: colour 'red' is not #rrggbb");
    }
}
