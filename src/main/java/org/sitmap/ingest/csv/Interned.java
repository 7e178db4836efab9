package org.sitmap.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code String}s of short field values met before, by their UTF-8 bytes: event data repeats the same actor
 * names, types, places and sources on row after row, so a repeated value is one string (made, hashed and kept once)
 * instead of one a row. A small table where each value has one slot and a newcomer takes it over, so it stays
 * bounded whatever the file holds. Not thread-safe.
 */
final class Interned {
    /** Longer values (notes, long names) are seldom repeated; they are made each time. */
    static final int MAX_BYTES = 48;
    private static final int SLOTS = 1 << 12;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The string of the UTF-8 bytes {@code a[from, to)} (well-formed). */
    String get(byte[] a, int from, int to) {
        int n = to - from;
        if (n == 0) return "";
        if (n > MAX_BYTES) return new String(a, from, n, StandardCharsets.UTF_8);
        int h = n;
        for (int k = from; k < to; k++) h = 31 * h + a[k];
        int slot = (h ^ h >>> 13) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == n && same(key, a, from)) return values[slot];
        String s = new String(a, from, n, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(a, from, to);
        values[slot] = s;
        return s;
    }

    private static boolean same(byte[] key, byte[] a, int from) {
        for (int k = 0; k < key.length; k++) if (key[k] != a[from + k]) return false;
        return true;
    }
}
