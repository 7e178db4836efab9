package org.sitmap.store.gpkg;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The source keys an import knows (the store's and those it has written), each with its row, the first 64 bits of
 * its content hash and the source's revision time, in flat arrays: the keys' UTF-8 bytes one after the other, the
 * numbers in parallel arrays, an open-addressing table of entry numbers. About 50 bytes a key against about 140 for
 * a {@code HashMap} of strings and objects, so a ten-million-row import keeps its keys in about half a gigabyte.
 * Lookups compare the bytes, so they are exact.
 *
 * <p>Not thread-safe: filled on the importing thread before the reading thread starts, then used by that thread
 * alone (see {@link RowPlanner}).
 */
final class KeyTable {
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] start = new int[1024];
    private long[] fid = new long[1024];
    private long[] hash = new long[1024];
    private long[] revised = new long[1024];
    /** Entry number + 1 per slot, 0 for a free slot; the length is a power of two, at most half full. */
    private int[] slots = new int[2048];
    private int size;

    /** How many keys. */
    int size() {
        return size;
    }

    /** The entry of {@code key}, or -1. */
    int find(String key) {
        return find(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The entry of the key of UTF-8 bytes {@code k}, or -1. */
    int find(byte[] k) {
        int mask = slots.length - 1;
        for (int s = mix(k) & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) return -1;
            if (same(e, k)) return e;
        }
    }

    /** Adds a key that is not in the table yet; returns its entry. */
    int add(String key, long fidValue, long hashValue, long revisedValue) {
        return add(key.getBytes(StandardCharsets.UTF_8), fidValue, hashValue, revisedValue);
    }

    /** Adds the key of UTF-8 bytes {@code k} (not in the table yet; the table keeps no reference to the array). */
    int add(byte[] k, long fidValue, long hashValue, long revisedValue) {
        if (size == start.length) {
            int n = size * 2;
            start = Arrays.copyOf(start, n);
            fid = Arrays.copyOf(fid, n);
            hash = Arrays.copyOf(hash, n);
            revised = Arrays.copyOf(revised, n);
        }
        if (used + k.length + 4 > bytes.length) {
            long n = Math.max((long) bytes.length * 2, (long) used + k.length + 4);
            if (n > Integer.MAX_VALUE - 16) throw new IllegalStateException("too many source keys for one import");
            bytes = Arrays.copyOf(bytes, (int) n);
        }
        int e = size++;
        start[e] = used;
        bytes[used++] = (byte) (k.length >>> 24);
        bytes[used++] = (byte) (k.length >>> 16);
        bytes[used++] = (byte) (k.length >>> 8);
        bytes[used++] = (byte) k.length;
        System.arraycopy(k, 0, bytes, used, k.length);
        used += k.length;
        fid[e] = fidValue;
        hash[e] = hashValue;
        revised[e] = revisedValue;
        if (size * 2 > slots.length) rehash(slots.length * 2); else place(e, k);
        return e;
    }

    long fid(int e) { return fid[e]; }

    long hash(int e) { return hash[e]; }

    long revised(int e) { return revised[e]; }

    /** A new content hash and revision time for entry {@code e} (an update). */
    void set(int e, long hashValue, long revisedValue) {
        hash[e] = hashValue;
        revised[e] = revisedValue;
    }

    private void place(int e, byte[] k) {
        int mask = slots.length - 1;
        int s = mix(k) & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = e + 1;
    }

    private void rehash(int n) {
        slots = new int[n];
        for (int e = 0; e < size; e++) place(e, key(e));
    }

    private int length(int e) {
        int p = start[e];
        return (bytes[p] & 0xff) << 24 | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8 | (bytes[p + 3] & 0xff);
    }

    private byte[] key(int e) {
        int from = start[e] + 4;
        return Arrays.copyOfRange(bytes, from, from + length(e));
    }

    private boolean same(int e, byte[] k) {
        if (length(e) != k.length) return false;
        int from = start[e] + 4;
        return Arrays.equals(bytes, from, from + k.length, k, 0, k.length);
    }

    /** A well-spread 32-bit hash of the bytes (FNV-1a, then a 64-bit finaliser). */
    private static int mix(byte[] k) {
        long h = 0xcbf29ce484222325L;
        for (byte b : k) h = (h ^ (b & 0xff)) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }
}
