package org.sitmap.render;

import java.util.SplittableRandom;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;

/** Small incident sets for render tests. */
final class Fixtures {
    private Fixtures() { }

    static FactionCatalog catalog() {
        return FactionCatalog.shipped();
    }

    /** Adds one row: faction code, event type ordinal, geo precision, date precision, place. */
    static void add(IncidentIndex.Builder b, FactionCatalog cat, long id, double lat, double lon, String faction,
                    int type, int geo, int datePrec, String place) {
        int f = cat.ordinal(faction);
        b.add(id, 19000, 19000, lat, lon, 1L << f, f, type, -1, datePrec, geo, -1, place);
    }

    /** {@code n} random incidents over Syria. */
    static IncidentIndex random(FactionCatalog cat, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        for (int i = 0; i < n; i++) {
            int f = r.nextInt(cat.size());
            b.add(i + 1, 16000 + r.nextInt(3000), 16000 + r.nextInt(3000), 32.5 + r.nextDouble() * 4.7,
                    35.7 + r.nextDouble() * 6.5, 1L << f, f, r.nextInt(6), -1, 1 + r.nextInt(3), 1 + r.nextInt(3),
                    -1, "P" + r.nextInt(500));
        }
        return b.build();
    }
}
