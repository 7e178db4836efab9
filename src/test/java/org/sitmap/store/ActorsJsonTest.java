package org.sitmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.model.Actor;

class ActorsJsonTest {
    @Test
    void namesWithQuotesBackslashesControlCharactersAndArabicComeBackUnchanged() {
        List<Actor> actors = List.of(new Actor("Military Forces of Syria (2000-)", "SAA"),
                new Actor("the \"Hamza\" division \\ SNA\ttab\u0001", "SNA"), new Actor("هيئة تحرير الشام", "HTS"));
        String json = ActorsJson.write(actors);
        assertThat(json).startsWith("[{\"name\":\"Military Forces of Syria (2000-)\",\"faction\":\"SAA\"},")
                .contains("\\\"Hamza\\\"", "\\\\", "\\u0009", "\\u0001");
        assertThat(ActorsJson.read(json)).isEqualTo(actors);
        assertThat(ActorsJson.write(List.of())).isEqualTo("[]");
        assertThat(ActorsJson.read("[]")).isEmpty();
    }

    @Test
    void readsWhatAnotherProgramWroteAndRefusesWhatIsNotAnActorList() {
        // spaces, other fields, a missing faction (kept under UNK), as someone editing the column in QGIS may leave it
        assertThat(ActorsJson.read(" [ {\"faction\": \"RUS\", \"note\": {\"x\": [1]}, \"name\": \"Russian warplanes\"},"
                + " {\"name\": \"local gunmen\"} ] "))
                .containsExactly(new Actor("Russian warplanes", "RUS"), new Actor("local gunmen", "UNK"));
        assertThat(ActorsJson.read(null)).isEmpty();
        assertThatThrownBy(() -> ActorsJson.read("SAA,RUS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActorsJson.read("[{\"faction\": \"SAA\"}]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a name");
        assertThatThrownBy(() -> ActorsJson.read("[{\"name\": \"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActorsJson.read("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
