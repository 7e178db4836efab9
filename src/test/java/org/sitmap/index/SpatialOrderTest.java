package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.model.FactionCatalog;

/**
 * The grid order lists every located row once, and the cells a box overlaps hold every row inside the box (so a
 * pass over them misses nothing); cells flagged inside hold only rows inside.
 */
class SpatialOrderTest {
    @Test
    void theCellsOfABoxHoldEveryRowInIt() {
        FactionCatalog cat = Fixtures.catalog();
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 60_000;
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        for (int i = 0; i < n; i++) {
            boolean unresolved = rnd.nextInt(50) == 0;
            // half the rows stacked on a few towns, the rest spread out
            double lat = rnd.nextBoolean() ? 35 + rnd.nextInt(5) * 0.3 : 32.3 + rnd.nextDouble() * 5;
            double lon = rnd.nextBoolean() ? 36 + rnd.nextInt(5) * 0.4 : 35.5 + rnd.nextDouble() * 7;
            b.add(i + 1, 18000 + rnd.nextInt(900), 18000, unresolved ? Double.NaN : lat, unresolved ? Double.NaN : lon,
                    1, 0, 0, -1, 1, unresolved ? 0 : 1, 0, "p");
        }
        IncidentIndex ix = b.build();
        SpatialOrder grid = ix.spatial();
        assertThat(ix.spatial()).isSameAs(grid);
        int[] all = grid.rows().clone();
        Arrays.sort(all);
        int located = 0;
        for (int r = 0; r < n; r++) if (ix.located(r)) assertThat(all[located++]).isEqualTo(r);
        assertThat(all).hasSize(located);
        for (int t = 0; t < 200; t++) {
            double x0 = ix.mercX(rnd.nextInt(n)), x1 = ix.mercX(rnd.nextInt(n));
            double y0 = ix.mercY(rnd.nextInt(n)), y1 = ix.mercY(rnd.nextInt(n));
            if (Double.isNaN(x0 + x1 + y0 + y1)) continue;
            double mx0 = Math.min(x0, x1), mx1 = Math.max(x0, x1), my0 = Math.min(y0, y1), my1 = Math.max(y0, y1);
            BitSet visited = new BitSet(n);
            int[] order = grid.rows();
            int total = grid.visit(mx0, my0, mx1, my1, (from, to, inside) -> {
                for (int k = from; k < to; k++) {
                    int r = order[k];
                    visited.set(r);
                    if (inside) assertThat(in(ix, r, mx0, my0, mx1, my1)).isTrue();
                }
            });
            assertThat(total).isEqualTo(visited.cardinality()).isEqualTo(grid.count(mx0, my0, mx1, my1));
            for (int r = 0; r < n; r++) {
                if (ix.located(r) && in(ix, r, mx0, my0, mx1, my1)) assertThat(visited.get(r)).as("row %d", r).isTrue();
            }
        }
    }

    @Test
    void anIndexWithoutPositionsHasNoCells() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(Fixtures.catalog(), 3);
        for (int i = 0; i < 3; i++) b.add(i + 1, 18000, 18000, Double.NaN, Double.NaN, 1, 0, 0, -1, 1, 0, 0, null);
        SpatialOrder grid = b.build().spatial();
        assertThat(grid.size()).isZero();
        assertThat(grid.count(0, 0, 1, 1)).isZero();
    }

    private static boolean in(IncidentIndex ix, int r, double mx0, double my0, double mx1, double my1) {
        return ix.mercX(r) >= mx0 && ix.mercX(r) <= mx1 && ix.mercY(r) >= my0 && ix.mercY(r) <= my1;
    }
}
