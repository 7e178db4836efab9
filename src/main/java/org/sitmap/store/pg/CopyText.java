package org.sitmap.store.pg;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes for backslash, tab,
 * newline and carriage return. A NUL character, which PostgreSQL text cannot hold, becomes U+FFFD.
 */
final class CopyText {
    private final StringBuilder b = new StringBuilder(1 << 20);
    private boolean rowStarted;

    private void sep() {
        if (rowStarted) b.append('\t');
        rowStarted = true;
    }

    CopyText nul() {
        sep();
        b.append("\\N");
        return this;
    }

    CopyText num(long v) {
        sep();
        b.append(v);
        return this;
    }

    CopyText num(double v) {
        sep();
        b.append(v);
        return this;
    }

    CopyText text(String s) {
        if (s == null) return nul();
        sep();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return this;
    }

    void endRow() {
        b.append('\n');
        rowStarted = false;
    }

    int length() {
        return b.length();
    }

    /** The rows so far as UTF-8, emptying the buffer. */
    byte[] drain() {
        byte[] out = b.toString().getBytes(StandardCharsets.UTF_8);
        b.setLength(0);
        return out;
    }
}
