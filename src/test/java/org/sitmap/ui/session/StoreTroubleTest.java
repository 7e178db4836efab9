package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.store.gpkg.StoreCheck;

class StoreTroubleTest {
    private final Path store = Path.of("/data/store.gpkg");

    @Test
    void aDamagedStoreGetsTheFindingsAndTheStepsToRecover() {
        StoreCheck.Report report = new StoreCheck.Report(store, false, List.of(),
                List.of("SQLite quick check: Tree 4 page 61: btreeInitPage() returns error code 11"));
        StoreTrouble t = StoreTrouble.of(store, "/data/store.gpkg is damaged: run 'sitmap check'", report);
        assertThat(t.title()).isEqualTo("The store is damaged");
        assertThat(t.text()).startsWith("Sitmap could not read the store /data/store.gpkg.")
                .contains("- SQLite quick check: Tree 4 page 61")
                .contains("1. Keep the damaged file as it is")
                .contains("sqlite3 /data/store.gpkg .recover | sqlite3 recovered.gpkg")
                .doesNotContain("Exception");
    }

    @Test
    void aStoreTheQuickCheckFindsWholeIsNotCalledDamaged() {
        StoreTrouble t = StoreTrouble.of(store, "cannot open", new StoreCheck.Report(store, true, List.of("x"), List.of()));
        assertThat(t.title()).isEqualTo("The store cannot be read");
        assertThat(t.text()).contains("found the store whole").doesNotContain("Steps to recover");
    }
}
