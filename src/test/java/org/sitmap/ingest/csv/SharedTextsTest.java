package org.sitmap.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A shared text is always the text of exactly the bytes asked for, however the table's slots are overrun. */
class SharedTextsTest {
    @Test
    void theTextOfTheBytesAskedForAlways() {
        Random r = new Random(42);
        // far more distinct texts than slots, many of one length and differing in one byte; some broken UTF-8
        byte[][] pool = new byte[20_000][];
        String[] parts = {"Aleppo", "حلب", "Ma‘arratmişrīn", "Idlib", "\uD83D\uDE00", " ", "a", "b"};
        for (int k = 0; k < pool.length; k++) {
            StringBuilder sb = new StringBuilder();
            for (int p = r.nextInt(5); p >= 0; p--) sb.append(parts[r.nextInt(parts.length)]);
            if (k % 3 == 0) sb.append(k);
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (k % 97 == 0 && b.length > 0) b[r.nextInt(b.length)] = (byte) 0xC3;
            if (k % 50 == 1) b = ("x".repeat(SharedTexts.MAX_BYTES - 2 + k % 5)).getBytes(StandardCharsets.UTF_8);
            pool[k] = b;
        }
        SharedTexts shared = new SharedTexts();
        byte[] window = new byte[4096];
        for (int n = 0; n < 400_000; n++) {
            byte[] b = pool[r.nextInt(n < 200_000 ? 300 : pool.length)];
            int at = r.nextInt(window.length - b.length);
            System.arraycopy(b, 0, window, at, b.length);
            String want = new String(b, StandardCharsets.UTF_8);
            String got = shared.get(window, at, at + b.length);
            assertEquals(want, got, "text " + n);
            if (b.length <= SharedTexts.MAX_BYTES) {
                // met again at once: the same instance
                assertSame(got, shared.get(window, at, at + b.length));
            }
        }
    }
}
