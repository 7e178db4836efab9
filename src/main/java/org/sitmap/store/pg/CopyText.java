package org.sitmap.store.pg;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, written straight as UTF-8 bytes: tab-separated, {@code \N} for null,
 * backslash escapes for backslash, tab, newline and carriage return. A NUL character, which PostgreSQL text cannot
 * hold, becomes U+FFFD; so does a lone surrogate (as {@link String#getBytes} would make it a question mark).
 *
 * <p>Not thread-safe: one per encoding thread.
 */
final class CopyText {
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private byte[] b;
    private int n;
    private boolean rowStarted;

    CopyText() {
        this(1 << 20);
    }

    CopyText(int capacity) {
        b = new byte[capacity];
    }

    private void room(int more) {
        if (n + more > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
    }

    private void sep() {
        room(1);
        if (rowStarted) b[n++] = '\t';
        rowStarted = true;
    }

    CopyText nul() {
        sep();
        room(2);
        b[n++] = NULL[0];
        b[n++] = NULL[1];
        return this;
    }

    CopyText num(long v) {
        sep();
        if (v < 0) {
            if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
            room(1);
            b[n++] = '-';
            v = -v;
        }
        room(20);
        int start = n;
        do {
            b[n++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return this;
    }

    CopyText num(double v) {
        sep();
        return ascii(Double.toString(v));
    }

    /** A date as {@code yyyy-mm-dd} (the ISO text for years outside 0-9999). */
    CopyText date(LocalDate d) {
        sep();
        int y = d.getYear();
        if (y < 0 || y > 9999) return ascii(d.toString());
        room(10);
        b[n++] = (byte) ('0' + y / 1000);
        b[n++] = (byte) ('0' + y / 100 % 10);
        b[n++] = (byte) ('0' + y / 10 % 10);
        b[n++] = (byte) ('0' + y % 10);
        b[n++] = '-';
        two(d.getMonthValue());
        b[n++] = '-';
        two(d.getDayOfMonth());
        return this;
    }

    private void two(int v) {
        b[n++] = (byte) ('0' + v / 10);
        b[n++] = (byte) ('0' + v % 10);
    }

    /** Text with no character to escape and nothing beyond ASCII (numbers' own text). */
    private CopyText ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) b[n++] = (byte) s.charAt(i);
        return this;
    }

    CopyText text(String s) {
        if (s == null) return nul();
        sep();
        int len = s.length();
        room(len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> two('\\', '\\');
                    case '\t' -> two('\\', 't');
                    case '\n' -> two('\\', 'n');
                    case '\r' -> two('\\', 'r');
                    case '\0' -> replacement();
                    default -> {
                        room(1);
                        b[n++] = (byte) c;
                    }
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
        return this;
    }

    private void two(char x, char y) {
        room(2);
        b[n++] = (byte) x;
        b[n++] = (byte) y;
    }

    private void replacement() {
        room(3);
        b[n++] = REPLACEMENT[0];
        b[n++] = REPLACEMENT[1];
        b[n++] = REPLACEMENT[2];
    }

    void endRow() {
        room(1);
        b[n++] = '\n';
        rowStarted = false;
    }

    /** Bytes written so far. */
    int length() {
        return n;
    }

    /** The bytes so far ({@link #length()} of them are valid); the caller must not keep them past {@link #clear}. */
    byte[] bytes() {
        return b;
    }

    void clear() {
        n = 0;
        rowStarted = false;
    }

    /** The rows so far as UTF-8, emptying the buffer. */
    byte[] drain() {
        byte[] out = Arrays.copyOf(b, n);
        clear();
        return out;
    }
}
