package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sitmap.render.label.LabelPlacer;

/**
 * The markers whose obstacle lies wholly outside the picture (a culled marker picture has thousands in its margin)
 * can be left out of the label placer: with or without them, the same labels land in the same boxes, for markers on,
 * just inside and just beyond every edge and labels crowding the edges (leaders and dots included).
 */
class LabelObstaclesTest {
    @Test
    void leavingOutTheObstaclesOutsideThePicturePlacesTheSameLabels() {
        int w = 240, h = 150;
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double r = 1 + rnd.nextInt(8);
            List<double[]> markers = new ArrayList<>();
            for (int k = 0; k < 400; k++) {
                // half of them hug an edge: inside, on it, or up to two radii and a half beyond it
                double x = rnd.nextDouble() * w, y = rnd.nextDouble() * h;
                double off = (rnd.nextDouble() * 3.5 - 1) * r;
                if (rnd.nextInt(8) == 0) off = Math.rint(off);   // exactly r off the edge too
                switch (rnd.nextInt(8)) {
                    case 0 -> x = -off;
                    case 1 -> y = -off;
                    case 2 -> x = w + off;
                    case 3 -> y = h + off;
                    default -> { }
                }
                markers.add(new double[] {(float) x, (float) y});
            }
            List<LabelPlacer.Candidate> cs = new ArrayList<>();
            for (int k = 0; k < 120; k++) {
                // labels whose boxes start or end within a few pixels of an edge (centred over or beside their place)
                int lw = 20 + rnd.nextInt(40);
                double x = switch (rnd.nextInt(4)) {
                    case 0 -> lw / 2.0 + rnd.nextDouble() * 3;
                    case 1 -> w - lw / 2.0 - rnd.nextDouble() * 3;
                    case 2 -> rnd.nextDouble() * 12;
                    default -> rnd.nextDouble() * w;
                };
                double y = switch (rnd.nextInt(4)) {
                    case 0 -> 7 + 12 + rnd.nextDouble() * 3;
                    case 1 -> h - 7 - 12 - rnd.nextDouble() * 3;
                    case 2 -> h - rnd.nextDouble() * 12;
                    default -> rnd.nextDouble() * h;
                };
                cs.add(new LabelPlacer.Candidate("L" + k, rnd.nextInt(100), x, y, lw, 12, 7,
                        rnd.nextInt(3) == 0 ? 2 : 0, false, rnd.nextBoolean(), null));
            }
            LabelPlacer all = new LabelPlacer(w, h);
            LabelPlacer inside = new LabelPlacer(w, h);
            int left = 0;
            for (double[] m : markers) {
                all.obstacle(m[0], m[1], r);
                if (LabelPainter.reaches(w, h, m[0], m[1], r)) inside.obstacle(m[0], m[1], r);
                else left++;
            }
            assertThat(left).as("seed %d", seed).isPositive();
            List<LabelPlacer.Placed> a = all.place(cs), b = inside.place(cs);
            assertThat(b).hasSameSizeAs(a);
            for (int k = 0; k < a.size(); k++) {
                assertThat(b.get(k).candidate()).isEqualTo(a.get(k).candidate());
                assertThat(b.get(k).box()).isEqualTo(a.get(k).box());
                assertThat(b.get(k).leader()).isEqualTo(a.get(k).leader());
            }
        }
    }

    @Test
    void anObstacleEndingOnTheEdgeKeepsNoLabelAwayAndOneReachingAHairInDoes() {
        int w = 200, h = 100;
        double r = 5;
        // a fixed label box of 40 × 12 at each edge, and a marker whose obstacle ends on that edge or a hair inside
        double[][] cases = {
            {20, 50, -r, 50, -1}, {w - 20, 50, w + r, 50, 1}, {100, 6, 100, -r, -1}, {100, h - 6, 100, h + r, 1}};
        for (double[] c : cases) {
            boolean vertical = c[0] == c[2];
            for (double hair : new double[] {0, 0.25}) {
                double mx = vertical ? c[2] : c[2] - c[4] * hair;
                double my = vertical ? c[3] - c[4] * hair : c[3];
                LabelPlacer placer = new LabelPlacer(w, h);
                placer.obstacle(mx, my, r);
                List<LabelPlacer.Placed> placed = placer.place(List.of(
                        new LabelPlacer.Candidate("edge", 1, c[0], c[1], 40, 12, 7, 0, true, false, null)));
                assertThat(placed).as("edge %s, %s inside", java.util.Arrays.toString(c), hair)
                        .hasSize(hair == 0 ? 1 : 0);
                assertThat(LabelPainter.reaches(w, h, mx, my, r)).isEqualTo(hair > 0);
            }
        }
    }
}
