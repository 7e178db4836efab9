package org.sitmap.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.InputException;
import org.sitmap.model.Place;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.Fixtures;

/**
 * What only a team store has beside the contract: roles (a reader may read, query, search and check, but its
 * import and gazetteer writes are refused in one line naming {@value ServerInit#EDITOR}, the store unchanged), and
 * the plain refusals of a database that is not a team store. No message carries a password.
 */
class PgStoreTest {
    private static PgCluster pg;
    private static PgLocation owner;
    @TempDir Path dir;

    @BeforeAll
    static void teamStore() throws Exception {
        pg = PgCluster.sharedOrSkip();
        owner = pg.teamStore("pgstore");
        pg.createLogin("pgstore_reader", "pw-pgstore-reader");
        pg.execute("pgstore", "GRANT sitmap_reader TO pgstore_reader");
        PgCluster.importFile(owner, Path.of("data/incidents/seed-incidents.geojson"));
    }

    @Test
    void aReaderReadsButMayNotWrite() {
        try (PgStore s = PgStore.open(pg.location("pgstore_reader", "pw-pgstore-reader", "pgstore"))) {
            assertThat(s.writable()).isFalse();
            assertThat(s.count()).isEqualTo(26);
            assertThat(s.query(FilterSpec.ALL)).hasSize(26);
            assertThat(s.searchText("Idlib")).isNotEmpty();
            assertThat(s.check(false).healthy()).as(s.check(false).describe()).isTrue();
            assertThatThrownBy(() -> s.importAll(Fixtures.readerOf("x", Fixtures.arabic()), ImportOptions.DEFAULT, null))
                    .isInstanceOf(InputException.class).hasMessageContaining("sitmap_editor")
                    .hasMessageNotContaining("pw-");
            Place p = new Place("Tell Ghazal", null, List.of(), 36.2, 37.1, "PPL", "SY", null, 0, "GeoNames");
            assertThatThrownBy(() -> s.upsertPlaces(List.of(p))).isInstanceOf(InputException.class)
                    .hasMessageContaining("sitmap_editor");
            assertThat(s.count()).isEqualTo(26);
            assertThat(s.places()).noneMatch(x -> x.name().equals("Tell Ghazal"));
        }
        try (PgStore s = PgStore.open(owner)) {
            assertThat(s.writable()).isTrue();
        }
    }

    @Test
    void aDatabaseWithoutTheSchemaIsRefusedInOneLine() throws Exception {
        pg.createDatabase("pgstore_bare", "pgstore_bare_owner", "pw-pgstore-bare");
        assertThatThrownBy(() -> PgStore.open(pg.location("pgstore_bare_owner", "pw-pgstore-bare", "pgstore_bare")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a team store yet")
                .hasMessageContaining("sitmap server init").hasMessageNotContaining("pw-")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
