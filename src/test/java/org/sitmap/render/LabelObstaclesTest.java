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
            for (int k = 0; k < 80; k++) {
                double x = rnd.nextInt(4) == 0 ? rnd.nextDouble() * 12 : rnd.nextDouble() * w;
                double y = rnd.nextInt(4) == 0 ? h - rnd.nextDouble() * 12 : rnd.nextDouble() * h;
                cs.add(new LabelPlacer.Candidate("L" + k, rnd.nextInt(100), x, y, 20 + rnd.nextInt(40), 12, 7,
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
}
