package org.sitmap.store.pg;

/**
 * Whether an import's file may repeat a source key, told cheaply while its rows stream: a set of 64-bit fingerprints
 * of the keys (open addressing, 8 bytes a row). Two equal keys always give equal fingerprints, so "no repeat" is
 * certain; a repeat may be a true one or (about once in 10^8 files of a million rows) two keys with the same
 * fingerprint. The merge then takes the slower path that keeps the last row of each key, which is right either way.
 *
 * <p>Not thread-safe: the importing thread only.
 */
final class KeySeen {
    private long[] slots = new long[1 << 12];
    private int size;
    private boolean zero;
    private boolean repeated;

    /** Notes {@code key}. */
    void add(String key) {
        if (repeated) return;
        long h = fingerprint(key);
        if (h == 0) {
            if (zero) repeated = true;
            zero = true;
            return;
        }
        if (size * 2 >= slots.length) grow();
        if (!put(slots, h)) repeated = true; else size++;
    }

    /** True when some key may have come twice. */
    boolean mayRepeat() {
        return repeated;
    }

    private static boolean put(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ h >>> 32) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                return true;
            }
            if (table[i] == h) return false;
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long h : slots) if (h != 0) put(bigger, h);
        slots = bigger;
    }

    /** A 64-bit hash of the key's characters (FNV-1a, then a final mix so that nearby keys spread). */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }
}
