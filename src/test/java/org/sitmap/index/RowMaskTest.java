package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.model.Incident;

/** Full-text matches (incident ids) become rows, for dense and for scattered ids, unknown ids ignored. */
class RowMaskTest {
    @Test
    void idsBecomeTheirRowsWhateverTheSpacingOfIds() {
        for (long step : new long[] {1, 1_000_003}) {
            List<Incident> incidents = new ArrayList<>();
            for (int k = 0; k < 300; k++) {
                incidents.add(Fixtures.unresolved(5 + k * step, "2020-0" + (1 + k % 9) + "-1" + (k % 10), "P" + k));
            }
            IncidentIndex ix = IncidentIndex.of(Fixtures.catalog(), incidents);
            long[] ids = {5 + 7 * step, 5 + 299 * step, 5 + 64 * step, 4, 5 + 300 * step, -3};
            long[] mask = ix.rowMask(ids);
            List<Long> found = new ArrayList<>();
            for (int r = 0; r < ix.size(); r++) if (((mask[r >>> 6] >>> r) & 1) != 0) found.add(ix.id(r));
            assertThat(found).containsExactlyInAnyOrder(5 + 7 * step, 5 + 299 * step, 5 + 64 * step);
            Selection sel = new IndexFilter(ix, org.sitmap.model.FilterSpec.ALL.withText("x"), ids).apply();
            assertThat(sel.count()).isEqualTo(3);
        }
    }
}
