package org.sitmap.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans of {@link TextInput}'s byte path, eight bytes at a time where the bytes are plain ASCII: the complete,
 * well-formed UTF-8 sequences at the start of a range (exactly those the JDK's UTF-8 decoder turns into characters:
 * no overlong forms, no surrogates, nothing above U+10FFFF), line feeds counted, and characters from UTF-8 back
 * to bytes. Stateless.
 */
final class Utf8Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long HIGH = 0x8080808080808080L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long LF = 0x0A0A0A0A0A0A0A0AL;

    private Utf8Bytes() { }

    /** The eight bytes at {@code i}, the first in the lowest bits. */
    static long word(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    /** A mask with the high bit set in each zero byte of {@code w} (exact, no false positives). */
    static long zeroBytes(long w) {
        return ~(((w & LOW7) + LOW7) | w | LOW7);
    }

    /** The number of line feeds among the eight bytes of {@code w}. */
    static int lineFeeds(long w) {
        return Long.bitCount(zeroBytes(w ^ LF));
    }

    /** The number of line feeds in {@code a[from, to)}. */
    static int lineFeeds(byte[] a, int from, int to) {
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) n += lineFeeds(word(a, i));
        for (; i < to; i++) if (a[i] == '\n') n++;
        return n;
    }

    /**
     * The end of the well-formed UTF-8 in {@code a[from, to)} that makes at most {@code maxChars} UTF-16 characters:
     * the index of the first byte not taken (a malformed or incomplete sequence, or one that would not fit).
     * {@code chars[0]} is set to the characters taken.
     */
    static int validPrefix(byte[] a, int from, int to, int maxChars, int[] chars) {
        int p = from;
        int c = 0;
        while (p < to && c < maxChars) {
            if (p + 8 <= to && maxChars - c >= 8 && (word(a, p) & HIGH) == 0) {
                p += 8;
                c += 8;
                continue;
            }
            int b = a[p];
            if (b >= 0) {
                p++;
                c++;
                continue;
            }
            b &= 0xff;
            if (b < 0xC2) break;
            if (b < 0xE0) {
                if (p + 1 >= to || (a[p + 1] & 0xC0) != 0x80) break;
                p += 2;
                c++;
            } else if (b < 0xF0) {
                if (p + 2 >= to) break;
                int b1 = a[p + 1] & 0xff;
                if ((b1 & 0xC0) != 0x80 || (a[p + 2] & 0xC0) != 0x80) break;
                if (b == 0xE0 && b1 < 0xA0 || b == 0xED && b1 >= 0xA0) break;
                p += 3;
                c++;
            } else if (b < 0xF5) {
                if (p + 3 >= to || maxChars - c < 2) break;
                int b1 = a[p + 1] & 0xff;
                if ((b1 & 0xC0) != 0x80 || (a[p + 2] & 0xC0) != 0x80 || (a[p + 3] & 0xC0) != 0x80) break;
                if (b == 0xF0 && b1 < 0x90 || b == 0xF4 && b1 >= 0x90) break;
                p += 4;
                c += 2;
            } else {
                break;
            }
        }
        chars[0] = c;
        return p;
    }

    /**
     * Writes {@code s[from, to)} as UTF-8 into {@code out} at {@code at} (room for three bytes a character is the
     * caller's); returns the end. A surrogate without its pair (never made by the decoders that call this, which
     * report broken pairs) is written as its three-byte form.
     */
    static int encode(char[] s, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            char ch = s[i];
            if (ch < 0x80) {
                out[at++] = (byte) ch;
            } else if (ch < 0x800) {
                out[at++] = (byte) (0xC0 | ch >> 6);
                out[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < to && Character.isLowSurrogate(s[i + 1])) {
                int cp = Character.toCodePoint(ch, s[++i]);
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | ch >> 12);
                out[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | ch & 0x3F);
            }
        }
        return at;
    }
}
