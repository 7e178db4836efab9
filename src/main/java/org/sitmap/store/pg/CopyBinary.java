package org.sitmap.store.pg;

import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}), so that the server reads
 * numbers, dates, the point and the JSON without parsing text: each row is a field count, then each field as a
 * 32-bit length (-1 for null) and its bytes in the type's binary form, big-endian. Text is UTF-8; a NUL character,
 * which PostgreSQL text cannot hold, becomes U+FFFD, as does a lone surrogate (as in {@link CopyText}).
 *
 * <p>The buffer starts with the format's header; {@link #trailer()} ends the copy. Not thread-safe: one per encoding
 * thread.
 */
final class CopyBinary {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** Days from 1970-01-01 to PostgreSQL's day 0, 2000-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;

    private byte[] b;
    private int n;

    /** A buffer of {@code capacity} bytes to start with, holding the header. */
    CopyBinary(int capacity) {
        b = new byte[Math.max(capacity, 64)];
        System.arraycopy(HEADER, 0, b, 0, HEADER.length);
        n = HEADER.length;
    }

    private void room(int more) {
        if (n + more > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
    }

    private void int2(int v) {
        b[n++] = (byte) (v >>> 8);
        b[n++] = (byte) v;
    }

    private void int4(int v) {
        b[n++] = (byte) (v >>> 24);
        b[n++] = (byte) (v >>> 16);
        b[n++] = (byte) (v >>> 8);
        b[n++] = (byte) v;
    }

    /** Starts a row of {@code fields} fields. */
    CopyBinary row(int fields) {
        room(2);
        int2(fields);
        return this;
    }

    CopyBinary nul() {
        room(4);
        int4(-1);
        return this;
    }

    /** An {@code integer}. */
    CopyBinary int4Field(int v) {
        room(8);
        int4(4);
        int4(v);
        return this;
    }

    /** An {@code integer}, or null. */
    CopyBinary int4Field(Integer v) {
        return v == null ? nul() : int4Field(v.intValue());
    }

    /** A {@code bigint}. */
    CopyBinary int8Field(long v) {
        room(12);
        int4(8);
        int4((int) (v >>> 32));
        int4((int) v);
        return this;
    }

    /** A {@code date}: days since 2000-01-01. */
    CopyBinary date(LocalDate d) {
        if (d == null) return nul();
        return int4Field((int) (d.toEpochDay() - PG_EPOCH_DAY));
    }

    /** A WGS 84 point as a {@code geometry}: EWKB, little-endian, with SRID 4326 (25 bytes). */
    CopyBinary point(double lon, double lat) {
        room(29);
        int4(25);
        b[n++] = 1;
        b[n++] = 1;
        b[n++] = 0;
        b[n++] = 0;
        b[n++] = 0x20;
        b[n++] = (byte) 0xE6;
        b[n++] = 0x10;
        b[n++] = 0;
        b[n++] = 0;
        littleEndian(Double.doubleToRawLongBits(lon));
        littleEndian(Double.doubleToRawLongBits(lat));
        return this;
    }

    private void littleEndian(long bits) {
        for (int k = 0; k < 8; k++) b[n++] = (byte) (bits >>> (8 * k));
    }

    /** A {@code text} (UTF-8), or null. */
    CopyBinary text(String s) {
        if (s == null) return nul();
        room(4);
        int at = n;
        n += 4;
        utf8(s);
        patch(at);
        return this;
    }

    /** A field of {@code length} bytes already in the type's binary form (a {@code tsvector}, {@link SimpleTsVector}). */
    CopyBinary raw(byte[] value, int offset, int length) {
        room(4 + length);
        int4(length);
        System.arraycopy(value, offset, b, n, length);
        n += length;
        return this;
    }

    /** A {@code jsonb}: version 1, then the JSON text. */
    CopyBinary jsonb(String json) {
        if (json == null) return nul();
        room(5);
        int at = n;
        n += 4;
        b[n++] = 1;
        utf8(json);
        patch(at);
        return this;
    }

    private void patch(int at) {
        int len = n - at - 4;
        b[at] = (byte) (len >>> 24);
        b[at + 1] = (byte) (len >>> 16);
        b[at + 2] = (byte) (len >>> 8);
        b[at + 3] = (byte) len;
    }

    /**
     * {@code s} in UTF-8, a NUL or an unpaired surrogate as U+FFFD. {@code String.getBytes(UTF_8)} (one vectorised
     * check and copy for ASCII) gives the same bytes except for those two, which it writes as NUL and '?': a text
     * whose bytes hold either goes through the character loop.
     */
    private void utf8(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : u) {
            if (x == 0 || x == '?') {
                utf8Chars(s);
                return;
            }
        }
        room(u.length);
        System.arraycopy(u, 0, b, n, u.length);
        n += u.length;
    }

    private void utf8Chars(String s) {
        int len = s.length();
        room(len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    replacement();
                } else {
                    room(1);
                    b[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                room(2);
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                room(4);
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                replacement();
            } else {
                room(3);
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void replacement() {
        room(3);
        b[n++] = (byte) 0xEF;
        b[n++] = (byte) 0xBF;
        b[n++] = (byte) 0xBD;
    }

    /** Ends the copy (the row count -1). */
    CopyBinary trailer() {
        room(2);
        int2(0xFFFF);
        return this;
    }

    /** Bytes written so far. */
    int length() {
        return n;
    }

    /** The bytes so far ({@link #length()} of them are valid); the caller must not keep them past {@link #clear}. */
    byte[] bytes() {
        return b;
    }

    /** Empties the buffer (the header, once sent, is not written again). */
    void clear() {
        n = 0;
    }
}
