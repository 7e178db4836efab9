package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.store.ImportOptions;

/** The window loads its index on its one worker: the second reader runs on the executor given, not a new thread. */
class IndexLoadOnCallerTest {
    @Test
    void bothHalvesOnTheCallingThreadGiveTheSameIndex(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            store.importAll(org.sitmap.testutil.Fixtures.readerOf("t", org.sitmap.testutil.Fixtures.arabic(),
                    org.sitmap.testutil.Fixtures.unresolved()), ImportOptions.DEFAULT, null);
        }
        try (IncidentStore store = IncidentStore.openReadOnly(db)) {
            IncidentIndex one = store.loadIndex(Integer.MAX_VALUE);
            List<Thread> ranOn = new ArrayList<>();
            IncidentIndex two;
            try (java.sql.Connection c = StoreAccess.openReadOnly(db)) {
                two = IndexLoader.load(c, db, store.factions(), store.count(), 1, r -> {
                    ranOn.add(Thread.currentThread());
                    r.run();
                });
            }
            assertThat(ranOn).containsExactly(Thread.currentThread());
            assertThat(two.size()).isEqualTo(one.size()).isEqualTo(store.query(FilterSpec.ALL).size());
            for (int r = 0; r < one.size(); r++) assertThat(two.id(r)).isEqualTo(one.id(r));
        }
    }
}
