package org.sitmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The proof that {@link CoordinateText} writes {@code Double.toString}'s text: every double it handles (the nearest
 * to m/10^4 for 10 <= |m| <= 1,800,000) is enumerated and compared; doubles beside them are refused.
 */
class CoordinateTextTest {
    @Test
    void everyHandledDoubleGetsTheJdksText() {
        byte[] b = new byte[16];
        for (long m = -CoordinateText.MAX_UNITS; m <= CoordinateText.MAX_UNITS; m++) {
            double v = m / 10_000.0;
            int end = CoordinateText.write(v, b, 3);
            if (Math.abs(m) < CoordinateText.MIN_UNITS) {
                assertEquals(-1, end, Double.toString(v));
                continue;
            }
            String want = Double.toString(v);
            if (end < 0 || !want.equals(new String(b, 3, end - 3, StandardCharsets.US_ASCII))) {
                assertEquals(want, end < 0 ? "refused" : new String(b, 3, end - 3, StandardCharsets.US_ASCII), "m = " + m);
            }
        }
    }

    @Test
    void otherDoublesAreRefused() {
        byte[] b = new byte[16];
        Random r = new Random(9);
        for (double v : new double[] {-0.0, 0.0, 1e-4, 9e-4, 180.0001, -180.0001, 1e300, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 36.20215, 0.1 + 0.2}) {
            assertEquals(-1, CoordinateText.write(v, b, 0), Double.toString(v));
        }
        for (int n = 0; n < 200_000; n++) {
            double v = Math.nextUp((r.nextInt(3_600_000) - 1_800_000) / 10_000.0);
            if (n % 2 == 0) v = r.nextDouble() * 360 - 180;
            int end = CoordinateText.write(v, b, 0);
            if (end >= 0) assertEquals(Double.toString(v), new String(b, 0, end, StandardCharsets.US_ASCII));
        }
    }
}
