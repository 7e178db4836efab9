package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cluster picture's binning finds a row's cell from a multiplication by the inverse of the cell size, redoing
 * the division only near a whole number: for every offset it gives the cell (and the out-of-grid decision) of the
 * division, also on and a few units in the last place around every cell edge, and far outside the grid.
 */
class ClusterQuotientTest {
    @Test
    void theCellIsTheDivisionsOnEveryEdgeAndBetween() {
        SplittableRandom rnd = new SplittableRandom(3);
        int checked = 0;
        for (int cell : new int[] {4, 7, 13, 44, 88, 132}) {
            double inv = 1.0 / cell;
            int gw = 1920 / cell + 3;
            for (double base : new double[] {0, 0.25, 1e3 / 3, 123456.789, 3.3e7}) {
                for (int k = -3; k <= gw + 3; k++) {
                    double edge = k * (double) cell;
                    double t = edge;
                    for (int u = 0; u < 6; u++) t = Math.nextDown(t);
                    for (int u = 0; u < 13; u++, t = Math.nextUp(t)) {
                        same(t, cell, inv, gw);
                        checked++;
                    }
                    // the same edge reached as a difference, as the binning computes it (x - fx0)
                    same((base + edge) - base, cell, inv, gw);
                    same(Math.nextUp(base + edge) - base, cell, inv, gw);
                    same(Math.nextDown(base + edge) - base, cell, inv, gw);
                }
            }
            for (int k = 0; k < 200_000; k++) {
                same((rnd.nextDouble() * 1.2 - 0.1) * gw * cell, cell, inv, gw);
                same((rnd.nextDouble() - 0.5) * 1e9, cell, inv, gw);
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    private static void same(double t, int cell, double inv, int gw) {
        double d = t / cell;
        double q = ClusterPicture.quotient(t, cell, inv);
        assertThat(q < 0).as("%s / %d below 0", t, cell).isEqualTo(d < 0);
        assertThat(q >= gw).as("%s / %d past the grid", t, cell).isEqualTo(d >= gw);
        if (d >= 0 && d < gw) assertThat((int) q).as("%s / %d", t, cell).isEqualTo((int) d);
    }
}
