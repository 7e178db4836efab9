package org.sitmap.store.gpkg;

/**
 * The source keys an import into an empty store has met, as 64-bit hashes of their UTF-8 bytes in an open-addressing
 * table of longs (at most three quarters full): 11-21 bytes a key against {@link KeyTable}'s 50-90, and nothing
 * else per key. A key whose hash is new is certainly new; a key whose hash was met before is the same key again
 * (a duplicate in the file) or, once in some 10<sup>12</sup> imports of ten million rows, another key with the same
 * hash. The planner cannot tell which, so such a row is decided by the importing thread from the store itself,
 * exactly ({@link DuplicateKeys}).
 *
 * <p>Not thread-safe: used by the {@link RowPlanner}'s thread alone.
 */
final class KeyHashes {
    /** The hashes, 0 for a free slot (a key hashing to 0 is stored as 1); the length is a power of two. */
    private long[] slots = new long[1 << 12];
    private int size;

    /** How many distinct hashes. */
    int size() {
        return size;
    }

    /**
     * The hash used: {@link #hash}; a test replaces it by one that makes different keys collide, to show that
     * every decision stays exact.
     */
    static java.util.function.ToLongFunction<byte[]> hashFunction = KeyHashes::hash;

    /** Adds the hash of {@code key}; true when it was not there (the key is certainly new). */
    boolean add(byte[] key) {
        long h = hashFunction.applyAsLong(key);
        if (h == 0) h = 1;
        int mask = slots.length - 1;
        int s = (int) (h ^ (h >>> 32)) & mask;
        while (slots[s] != 0) {
            if (slots[s] == h) return false;
            s = (s + 1) & mask;
        }
        slots[s] = h;
        if (++size * 4L > slots.length * 3L) grow();
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h == 0) continue;
            int s = (int) (h ^ (h >>> 32)) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = h;
        }
    }

    /** A well-spread 64-bit hash of the bytes (FNV-1a, then a 64-bit finaliser). */
    static long hash(byte[] k) {
        long h = 0xcbf29ce484222325L;
        for (byte b : k) h = (h ^ (b & 0xff)) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
