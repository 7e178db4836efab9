package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text search in a team store with PostgreSQL's full-text search, with the GeoPackage store's rules: every run of
 * letters and digits typed is a word, all must match, the last one as a prefix. The words become a {@code tsquery}
 * of quoted lexemes, so nothing typed is read as query syntax.
 */
public final class PgTextSearch {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private PgTextSearch() {
    }

    /** The {@code tsquery} text for {@code words}, or "" when they hold no letter or digit. */
    static String query(String words) {
        if (words == null) return "";
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(words);
        while (m.find()) tokens.add(m.group());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) sb.append(" & ");
            sb.append('\'').append(tokens.get(i)).append('\'');
            if (i == tokens.size() - 1) sb.append(":*");
        }
        return sb.toString();
    }

    /**
     * The ids of the incidents whose place, summary or evidence match {@code words}, ascending. The server joins
     * them into one text, parsed here: one value crosses the wire instead of a row per match.
     */
    public static long[] ids(Connection c, String words) throws SQLException {
        String q = query(words);
        if (q.isEmpty()) return new long[0];
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(fid::text, ',' ORDER BY fid)"
                + " FROM sitmap.incident WHERE search @@ to_tsquery('simple', ?)")) {
            ps.setString(1, q);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? parse(rs.getString(1)) : new long[0];
            }
        }
    }

    private static long[] parse(String joined) {
        if (joined == null || joined.isEmpty()) return new long[0];
        long[] out = new long[Math.max(16, joined.length() / 7)];
        int n = 0;
        long v = 0;
        for (int k = 0, len = joined.length(); k <= len; k++) {
            char ch = k == len ? ',' : joined.charAt(k);
            if (ch == ',') {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = v;
                v = 0;
            } else {
                v = v * 10 + (ch - '0');
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
