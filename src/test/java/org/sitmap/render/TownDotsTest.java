package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import org.junit.jupiter.api.Test;
import org.sitmap.render.label.LabelStyle;

/**
 * A town dot stamped from its sprite gives the pixels of the dot drawn with Java2D at the same place: any fraction
 * of a pixel, the radii the basemap uses, the picture's edges; and the sprites are reused, not redrawn.
 */
class TownDotsTest {
    private static final LabelStyle STYLE = new LabelStyle(new Font(Font.SANS_SERIF, Font.PLAIN, 11),
            new Color(40, 40, 40), Color.WHITE, null, new Color(90, 90, 90));

    @Test
    void aStampedDotIsTheDrawnDot() {
        double[][] at = {{50, 40}, {50.5, 40.25}, {120.123456789, 33.987654321}, {0.4, 0.7}, {199.6, 99.9},
                {-2.3, 50.5}, {77.0001, 12.9999}};
        for (double radius : new double[] {2, 2.3, 2.5, 3, 3.5, 4.5}) {
            for (double[] p : at) {
                Raster drawn = new Raster(200, 100);
                Graphics2D g = drawn.graphics();
                STYLE.paintDot(g, p[0], p[1], radius);
                g.dispose();
                Raster stamped = new Raster(200, 100);
                TownDots dots = new TownDots();
                dots.stamp(stamped, STYLE, p[0], p[1], radius);
                assertThat(stamped.pixels()).as("dot r %s at %s,%s", radius, p[0], p[1]).isEqualTo(drawn.pixels());
                // the same fraction of a pixel 40 px to the right: the cached sprite, the same pixels
                dots.stamp(stamped, STYLE, p[0] + 40, p[1], radius);
                Graphics2D g2 = drawn.graphics();
                STYLE.paintDot(g2, p[0] + 40, p[1], radius);
                g2.dispose();
                assertThat(stamped.pixels()).as("cached dot r %s at %s,%s", radius, p[0], p[1])
                        .isEqualTo(drawn.pixels());
            }
        }
    }
}
