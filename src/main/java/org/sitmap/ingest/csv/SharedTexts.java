package org.sitmap.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One {@code String} for the short field texts that repeat from record to record (event types, actor names,
 * places, governorates, countries, sources): remembered by their UTF-8 bytes in a direct-mapped table (a slot holds
 * the last text that hashed to it), so a text met again is looked up instead of decoded, and its hash code (kept in
 * the {@code String}) is computed once for the maps that key on it (actor names, event types, the import's place
 * tally). The string handed out is always {@code new String(bytes, UTF_8)} of exactly the bytes asked for: a slot is
 * used only when its bytes are equal.
 *
 * <p>Not thread-safe: one per reader.
 */
final class SharedTexts {
    /** Texts longer than this are decoded every time (notes and such seldom repeat). */
    static final int MAX_BYTES = 96;
    private static final int BITS = 12;

    private final byte[][] keys = new byte[1 << BITS][];
    private final String[] texts = new String[1 << BITS];

    /** The text of {@code b[from, to)} decoded as UTF-8, the same instance as before when the slot still holds it. */
    String get(byte[] b, int from, int to) {
        int n = to - from;
        if (n > MAX_BYTES) return new String(b, from, n, StandardCharsets.UTF_8);
        int h = n;
        for (int k = from; k < to; k++) h = 31 * h + b[k];
        int slot = (h ^ (h >>> 15) ^ (h >>> 7)) & ((1 << BITS) - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) return texts[slot];
        String s = new String(b, from, n, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(b, from, to);
        texts[slot] = s;
        return s;
    }
}
