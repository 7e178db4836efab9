package org.sitmap.store.gpkg;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns words typed by a user into a safe FTS5 query: every run of letters and digits becomes a double-quoted
 * token, all tokens must match (AND), and the last one matches as a prefix. No FTS5 syntax from the user survives,
 * so no input can cause a syntax error.
 */
final class FtsQuery {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private FtsQuery() { }

    /** The MATCH expression, or "" when the words hold no letter or digit. */
    static String of(String words) {
        if (words == null) return "";
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(words);
        while (m.find()) tokens.add(m.group());
        if (tokens.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) sb.append(' ');
            sb.append('"').append(tokens.get(i)).append('"');
            if (i == tokens.size() - 1) sb.append('*');
        }
        return sb.toString();
    }

    /** The ids of a comma-separated list of integers ({@code group_concat} of row ids); null gives none. */
    static long[] ids(String joined) {
        if (joined == null || joined.isEmpty()) return new long[0];
        long[] out = new long[Math.max(16, joined.length() / 7)];
        int n = 0;
        long v = 0;
        boolean negative = false;
        for (int k = 0, len = joined.length(); k <= len; k++) {
            char ch = k == len ? ',' : joined.charAt(k);
            if (ch == ',') {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = negative ? -v : v;
                v = 0;
                negative = false;
            } else if (ch == '-') {
                negative = true;
            } else {
                v = v * 10 + (ch - '0');
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
