package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The import's table of source keys against a plain map, through growth, with keys that share prefixes. */
class KeyTableTest {
    @Test
    void findsEveryKeyAddedWithItsNumbersAndNoOther() {
        KeyTable t = new KeyTable();
        Map<String, long[]> expected = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            String key = switch (i % 4) {
                case 0 -> "acled:SYR" + i;
                case 1 -> "ucdp:" + rnd.nextLong();
                case 2 -> "geojson:حلب-" + i;
                default -> "k" + i + "x".repeat(i % 50);
            };
            if (expected.containsKey(key)) continue;
            assertThat(t.find(key)).isEqualTo(-1);
            int e = t.add(key, i, rnd.nextLong(), i % 3 == 0 ? Long.MIN_VALUE : i);
            expected.put(key, new long[] {t.fid(e), t.hash(e), t.revised(e)});
        }
        assertThat(t.size()).isEqualTo(expected.size());
        for (Map.Entry<String, long[]> en : expected.entrySet()) {
            int e = t.find(en.getKey());
            assertThat(e).isNotNegative();
            assertThat(new long[] {t.fid(e), t.hash(e), t.revised(e)}).containsExactly(en.getValue());
        }
        assertThat(t.find("acled:SYR")).isEqualTo(-1);
        assertThat(t.find("acled:SYR00")).isEqualTo(-1);
        assertThat(t.find("")).isEqualTo(-1);
        int e = t.find("acled:SYR4");
        t.set(e, 42, 43);
        assertThat(t.hash(t.find("acled:SYR4"))).isEqualTo(42);
        assertThat(t.revised(t.find("acled:SYR4"))).isEqualTo(43);
    }
}
