package org.sitmap.store.pg;

import java.util.Arrays;

/**
 * The incident's text-search value, {@code to_tsvector('simple', place || ' ' || summary || ' ' || evidence)}, computed
 * on the client in {@code tsvector}'s binary form, for texts of a plain shape only; any other text is left to the
 * server ({@link #encode} answers false). A first load sends it with the row, so the server's single {@code COPY}
 * process (the pace of an import) no longer parses every text (42 % of its time).
 *
 * <p>The plain shape, where PostgreSQL's default parser and the {@code simple} dictionary are known to give: one
 * lexeme per run of letters and digits, lowercased, numbered from 1 in order; a word of letter-only parts joined by
 * single hyphens ({@code al-Bab}) gives the whole word and then each part. Letters are ASCII, Latin-1, Latin
 * Extended-A and Latin Extended Additional letters, the combining diacritical marks (inside a word) and the Arabic
 * letters. The separators are white space, {@code , ; ( ) ! ? " '}, curly quotes and dashes (letters to the {@code C}
 * locale), and {@code .} or {@code :} followed by one of those or the end. Anything else (a host name, a number with a point or a sign, scientific
 * notation, a path, an e-mail address, a tag, other scripts and marks) goes to the server, as does a text past 8,000
 * characters. The letters' case mapping depends on the database's {@code LC_CTYPE}, so an import uses this only after
 * {@link SearchVectors#plainFor} found the server's answer equal for every letter; {@code SimpleTsVectorTest} compares
 * it with the server for many random texts.
 *
 * <p>Threading: not thread-safe (it reuses its buffers); one instance per thread.
 */
final class SimpleTsVector {
    /** Longer texts are left to the server (positions, lexeme lengths and counts then stay far below its limits). */
    static final int MAX_CHARS = 8_000;
    private static final int MAX_POSITIONS = 200;

    private final boolean wide;
    private char[] text = new char[512];
    private char[] low = new char[512];
    private int[] start = new int[64];
    private int[] len = new int[64];
    private int[] order = new int[64];
    private int[] tmp = new int[64];
    private int tokens;
    private byte[] out = new byte[1024];
    private int n;

    /**
     * {@code wide}: letters are lowercased as a UTF-8 {@code LC_CTYPE} does (Unicode's mapping, as
     * {@code C.UTF-8} or {@code en_US.UTF-8}); otherwise ASCII letters only, as the {@code C} locale does.
     */
    SimpleTsVector(boolean wide) {
        this.wide = wide;
    }

    private char lower(char c) {
        if (c < 0x80) return (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        return wide ? Character.toLowerCase(c) : c;
    }

    /** The text the search column is made of, as the server joins it. */
    static String joined(String place, String summary, String evidence) {
        return (place == null ? "" : place) + ' ' + (summary == null ? "" : summary) + ' '
                + (evidence == null ? "" : evidence);
    }

    /** Whether {@code c} is a letter of the plain shape. */
    static boolean letter(char c) {
        if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (c >= 0xC0 && c <= 0x17F) return c != 0xD7 && c != 0xF7;
        if (c >= 0x300 && c <= 0x36F) return true;   // combining diacritical marks (az̧): part of the word
        // Latin Extended Additional (the dotted and hooked letters of transliterated names: Ḩamāh), but for U+1E9A-F
        if (c >= 0x1E00 && c <= 0x1EFF) return c < 0x1E9A || c > 0x1E9F;
        return c >= 0x621 && c <= 0x63A || c >= 0x641 && c <= 0x64A;
    }

    private static boolean mark(char c) {
        return c >= 0x300 && c <= 0x36F;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Curly quotes and dashes: space to a UTF-8 locale, letters to the C locale (every non-ASCII character is). */
    private static boolean marks(char c) {
        return c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D' || c == '\u2013' || c == '\u2014';
    }

    private boolean isLetter(char c) {
        return letter(c) || !wide && marks(c);
    }

    private boolean separator(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\r', ',', ';', '(', ')', '!', '?', '"', '\'':
                return true;
            default:
                return wide && marks(c);
        }
    }

    /**
     * Encodes the value for these texts (null as empty) into {@link #bytes()}; false, with nothing usable written,
     * when the text is not of the plain shape.
     */
    boolean encode(String place, String summary, String evidence) {
        int a = place == null ? 0 : place.length();
        int b = summary == null ? 0 : summary.length();
        int c = evidence == null ? 0 : evidence.length();
        int total = a + b + c + 2;
        if (total > MAX_CHARS) return false;
        if (text.length < total) {
            text = new char[Math.max(total, text.length * 2)];
            low = new char[text.length];
        }
        if (place != null) place.getChars(0, a, text, 0);
        text[a] = ' ';
        if (summary != null) summary.getChars(0, b, text, a + 1);
        text[a + 1 + b] = ' ';
        if (evidence != null) evidence.getChars(0, c, text, a + b + 2);
        return tokenize(total) && write();
    }

    /** Splits {@code text[0, count)} into tokens in position order; false when it is not of the plain shape. */
    private boolean tokenize(int count) {
        tokens = 0;
        char[] t = text;
        int i = 0;
        while (i < count) {
            char ch = t[i];
            if (isLetter(ch) || digit(ch)) {
                // a UTF-8 locale's parser takes a combining mark into a word but never starts one with it
                if (wide && mark(ch)) return false;
                int s = i;
                boolean hasDigit = false;
                while (i < count && (isLetter(t[i]) || digit(t[i]))) {
                    // a digit then an e: the parser may see a number in scientific notation (3e8)
                    if (hasDigit && (t[i] | 0x20) == 'e' && digit(t[i - 1])) return false;
                    if (i > s && mark(t[i]) && digit(t[i - 1])) return false;
                    hasDigit |= digit(t[i]);
                    low[i] = lower(t[i]);
                    i++;
                }
                if (i < count && t[i] == '-') {
                    // a hyphenated word: letter-only parts; the whole, then each part
                    int parts = tokens;
                    token(s, i - s);
                    while (i < count && t[i] == '-') {
                        if (hasDigit || i + 1 >= count || !isLetter(t[i + 1]) || mark(t[i + 1])) return false;
                        low[i] = '-';
                        int p = ++i;
                        while (i < count && (isLetter(t[i]) || digit(t[i]))) {
                            hasDigit |= digit(t[i]);
                            low[i] = lower(t[i]);
                            i++;
                        }
                        if (hasDigit) return false;
                        token(p, i - p);
                    }
                    // the whole word comes first: shift the parts one place on
                    insertWhole(parts, s, i - s);
                } else {
                    token(s, i - s);
                }
                if (i - s > 600) return false;
            } else if (ch == '.' || ch == ':') {
                // followed by a letter, a digit or another point, the parser may see a host, a number or a path
                if (i + 1 < count && !separator(t[i + 1])) return false;
                i++;
            } else if (separator(ch)) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    private void token(int s, int l) {
        if (tokens == start.length) {
            start = Arrays.copyOf(start, tokens * 2);
            len = Arrays.copyOf(len, tokens * 2);
            order = new int[tokens * 2];
            tmp = new int[tokens * 2];
        }
        start[tokens] = s;
        len[tokens] = l;
        tokens++;
    }

    /** Inserts the token {@code (s, l)} at index {@code at}, after which the parts follow. */
    private void insertWhole(int at, int s, int l) {
        token(0, 0);
        System.arraycopy(start, at, start, at + 1, tokens - 1 - at);
        System.arraycopy(len, at, len, at + 1, tokens - 1 - at);
        start[at] = s;
        len[at] = l;
    }

    /** Compares tokens {@code x} and {@code y} as lexemes (UTF-8 byte order equals this char order here). */
    private int compare(int x, int y) {
        int lx = len[x];
        int ly = len[y];
        int m = Math.min(lx, ly);
        int sx = start[x];
        int sy = start[y];
        for (int k = 0; k < m; k++) {
            int d = low[sx + k] - low[sy + k];
            if (d != 0) return d;
        }
        return lx - ly;
    }

    /** Sorts the tokens by lexeme, keeping position order among equal ones (a stable merge sort). */
    private void sort() {
        for (int k = 0; k < tokens; k++) order[k] = k;
        int[] src = order;
        int[] dst = tmp;
        for (int width = 1; width < tokens; width *= 2) {
            for (int lo = 0; lo < tokens; lo += 2 * width) {
                int mid = Math.min(lo + width, tokens);
                int hi = Math.min(lo + 2 * width, tokens);
                int p = lo;
                int q = mid;
                int o = lo;
                while (p < mid && q < hi) dst[o++] = compare(src[q], src[p]) < 0 ? src[q++] : src[p++];
                while (p < mid) dst[o++] = src[p++];
                while (q < hi) dst[o++] = src[q++];
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != order) System.arraycopy(src, 0, order, 0, tokens);
    }

    /** Writes the binary form: lexeme count, then each lexeme, a NUL, its position count and positions. */
    private boolean write() {
        sort();
        n = 4;
        int lexemes = 0;
        int k = 0;
        while (k < tokens) {
            int first = order[k];
            int e = k + 1;
            while (e < tokens && compare(order[e], first) == 0) e++;
            if (e - k > MAX_POSITIONS) return false;
            utf8(first);
            room(3 + 2 * (e - k));
            out[n++] = 0;
            short2(e - k);
            for (int j = k; j < e; j++) short2(order[j] + 1);
            lexemes++;
            k = e;
        }
        out[0] = (byte) (lexemes >>> 24);
        out[1] = (byte) (lexemes >>> 16);
        out[2] = (byte) (lexemes >>> 8);
        out[3] = (byte) lexemes;
        return true;
    }

    private void short2(int v) {
        out[n++] = (byte) (v >>> 8);
        out[n++] = (byte) v;
    }

    private void utf8(int token) {
        int s = start[token];
        int l = len[token];
        room(3 * l);
        for (int k = s; k < s + l; k++) {
            char c = low[k];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void room(int more) {
        if (n + more > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, n + more));
    }

    /** The value's bytes after a successful {@link #encode} ({@link #length()} of them). */
    byte[] bytes() {
        return out;
    }

    int length() {
        return n;
    }
}
