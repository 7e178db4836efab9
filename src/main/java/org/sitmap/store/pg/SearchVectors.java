package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.model.Incident;

/**
 * The text-search values of a first load's rows (schema 4 on: {@code search} is a plain column that a trigger fills
 * when a writer leaves it empty), sent with each row so that the server's one {@code COPY} process does not compute
 * them. A row of plain text gets its value from {@link SimpleTsVector}; any other row waits, with the rows after it
 * (the file's order is kept, so ids follow it), until a window of rows is full, and then the server computes the
 * waiting values over a second connection of the importer's own, in one statement: so the values are always
 * exactly {@code to_tsvector('simple', …)} of the stored text. The second connection takes no part in the import's
 * transaction; it only runs that function, and it is closed with this object.
 *
 * <p>Threading: the importing thread only.
 */
final class SearchVectors implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SearchVectors.class.getName());
    /** Rows held back at most while values are waited for. */
    static final int WINDOW = 4_096;
    /** What the search column is computed from, as the schema's trigger and the merge write it. */
    static final String EXPRESSION = "to_tsvector('simple'::regconfig, coalesce(%1$splace, '') || ' ' ||"
            + " coalesce(%1$ssummary, '') || ' ' || coalesce(%1$sevidence, ''))";
    private static final String SERVER = "SELECT tsvectorsend(to_tsvector('simple'::regconfig, t))"
            + " FROM unnest(?::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n";

    /** Where a row goes once its value is known: the COPY, in file order. */
    interface Sink {
        void row(Incident incident, String hash, byte[] search, int offset, int length) throws SQLException;
    }

    private final PgLocation where;
    private final SimpleTsVector plain;
    private final List<Incident> incidents = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private final List<Integer> missing = new ArrayList<>();
    private Connection helper;
    private long byServer;

    /**
     * Values for an import into the server at {@code where}; {@code plain} computes plain texts' values on the client
     * ({@link #plainFor}); when null, the server computes every one.
     */
    SearchVectors(PgLocation where, SimpleTsVector plain) {
        this.where = where;
        this.plain = plain;
    }

    /**
     * The client's computation that gives the server's value for a text holding every letter it accepts, in both
     * cases, alone and in words, with hyphenated words and numbers (the case mapping follows the database's
     * {@code LC_CTYPE}: a UTF-8 locale's or the {@code C} locale's), or null when neither does: the server then
     * computes every value.
     */
    static SimpleTsVector plainFor(Connection c) throws SQLException {
        StringBuilder probe = new StringBuilder("Al-Bab 2nd A1 27 March, 1,000 (Idlib.) ma‘arrat ‘x’ “y”");
        probe.append(" a–b: c.");
        StringBuilder word = new StringBuilder();
        StringBuilder marks = new StringBuilder("a");
        for (char ch = 0; ch < 0x1F00; ch++) {
            if (!SimpleTsVector.letter(ch)) continue;
            if (ch >= 0x300 && ch <= 0x36F) {
                // a combining mark: after a letter, where a word may hold it
                probe.append(" a").append(ch);
                marks.append(ch);
                continue;
            }
            char up = Character.toUpperCase(ch);
            probe.append(' ').append(ch);
            if (up != ch && SimpleTsVector.letter(up)) probe.append(' ').append(up);
            word.append(SimpleTsVector.letter(up) ? up : ch);
            if (word.length() % 100 == 0) word.append(' ');
        }
        probe.append(' ').append(word).append(' ').append(word.reverse()).append(' ').append(marks);
        byte[] server;
        try (PreparedStatement ps = c.prepareStatement("SELECT tsvectorsend(to_tsvector('simple'::regconfig, ?))")) {
            ps.setString(1, probe.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                server = rs.getBytes(1);
            }
        }
        for (boolean wide : new boolean[] {true, false}) {
            SimpleTsVector v = new SimpleTsVector(wide);
            if (v.encode(probe.toString(), null, null) && Arrays.equals(server, Arrays.copyOf(v.bytes(), v.length()))) {
                return v;
            }
        }
        LOG.info("the server's text search values differ from the client's for some letters; the server computes"
                + " them all");
        return null;
    }

    /** Takes the next row of the file; hands it, and any rows held before it, to {@code sink} once values are known. */
    void add(Incident i, String hash, Sink sink) throws SQLException {
        boolean plainText = plain != null && plain.encode(i.place(), i.summary(), i.evidence());
        if (incidents.isEmpty() && plainText) {
            sink.row(i, hash, plain.bytes(), 0, plain.length());
            return;
        }
        if (!plainText) missing.add(incidents.size());
        incidents.add(i);
        hashes.add(hash);
        values.add(plainText ? Arrays.copyOf(plain.bytes(), plain.length()) : null);
        if (incidents.size() >= WINDOW) flush(sink);
    }

    /** Hands every held row to {@code sink}, asking the server for the values still missing. */
    void flush(Sink sink) throws SQLException {
        if (incidents.isEmpty()) return;
        if (!missing.isEmpty()) {
            String[] texts = new String[missing.size()];
            for (int k = 0; k < texts.length; k++) {
                Incident i = incidents.get(missing.get(k));
                texts[k] = storable(SimpleTsVector.joined(i.place(), i.summary(), i.evidence()));
            }
            if (helper == null) helper = PgConnections.open(where);
            try (PreparedStatement ps = helper.prepareStatement(SERVER)) {
                ps.setArray(1, helper.createArrayOf("text", texts));
                try (ResultSet rs = ps.executeQuery()) {
                    for (int k = 0; k < texts.length; k++) {
                        if (!rs.next()) throw new SQLException("text search values missing", "XX000");
                        values.set(missing.get(k), rs.getBytes(1));
                    }
                }
            }
            byServer += texts.length;
            missing.clear();
        }
        for (int k = 0; k < incidents.size(); k++) {
            byte[] v = values.get(k);
            sink.row(incidents.get(k), hashes.get(k), v, 0, v.length);
        }
        incidents.clear();
        hashes.clear();
        values.clear();
    }

    /** How many rows' values the server computed. */
    long byServer() {
        return byServer;
    }

    /** The text as the COPY stores it: a NUL or a lone surrogate becomes U+FFFD ({@link CopyBinary}). */
    static String storable(String s) {
        int len = s.length();
        for (int k = 0; k < len; k++) {
            char c = s.charAt(k);
            if (c == 0 || Character.isSurrogate(c)) return replaced(s);
        }
        return s;
    }

    private static String replaced(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                b.append(c).append(s.charAt(++k));
            } else {
                b.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (helper == null) return;
        try {
            helper.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing the text search connection", e);
        }
        helper = null;
    }
}
