package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's text-search values are the server's: for every text the client accepts (random texts over letters,
 * digits, separators and the characters that make the server's parser see hosts, numbers, paths and the like), its
 * binary {@code tsvector} equals {@code tsvectorsend(to_tsvector('simple', text))} byte for byte.
 */
class SimpleTsVectorTest {
    private static PgCluster pg;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "          ,;()!?\"'‘’“”–—..::--\t\n"
            + "ÀÉÎÕÜßàéîõüÿŸİıŁłŉſšŠžŽÇçÆæØøÅåÑñḨḩḑḐṢṣẒẓỳỲạẠẞ\u0327\u0301"
            + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
            + "/@_+&<>#%*=[]~|\\^`$ـًµ×Ω\u00A0\u0483٣\u0000";

    @BeforeAll
    static void cluster() throws SQLException {
        pg = PgCluster.sharedOrSkip();
        try (Connection c = pg.superuser("postgres")) {
            // the test cluster is made with --locale=C; a team's database usually has a UTF-8 LC_CTYPE
            c.createStatement().execute("CREATE DATABASE tsv_utf8 TEMPLATE template0 LC_CTYPE 'C.UTF-8'"
                    + " LC_COLLATE 'C.UTF-8'");
        }
    }

    /** The two databases: the C locale's and a UTF-8 one's. */
    private static final String[] DATABASES = {"postgres", "tsv_utf8"};

    private static byte[][] server(Connection c, List<String> texts) throws SQLException {
        byte[][] out = new byte[texts.size()][];
        try (PreparedStatement ps = c.prepareStatement("SELECT tsvectorsend(to_tsvector('simple'::regconfig, t))"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n")) {
            ps.setArray(1, c.createArrayOf("text", texts.stream().map(SearchVectors::storable).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                for (int k = 0; rs.next(); k++) out[k] = rs.getBytes(1);
            }
        }
        return out;
    }

    /** Compares every accepted text with the server; returns how many were accepted. */
    private static int compare(Connection c, List<String> texts) throws SQLException {
        byte[][] expected = server(c, texts);
        SimpleTsVector v = SearchVectors.plainFor(c);
        assertTrue(v != null, "the client's letters agree with the server's");
        int accepted = 0;
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            if (!v.encode(texts.get(k), null, null)) continue;
            accepted++;
            byte[] got = Arrays.copyOf(v.bytes(), v.length());
            if (!Arrays.equals(expected[k], got) && wrong.size() < 5) wrong.add("[" + texts.get(k) + "]");
        }
        assertTrue(wrong.isEmpty(), "client and server differ for " + wrong);
        return accepted;
    }

    @Test
    void randomTextsTheClientAcceptsGetTheServersValue() throws SQLException {
        Random r = new Random(Long.getLong("tsv.seed", 19));
        int accepted = 0;
        int total = 0;
        for (String db : DATABASES) try (Connection c = pg.superuser(db)) {
            for (int round = 0; round < 10; round++) {
                List<String> texts = new ArrayList<>();
                for (int k = 0; k < 2_000; k++) {
                    StringBuilder b = new StringBuilder();
                    int len = r.nextInt(40);
                    // mostly the plain alphabet, sometimes a character that makes the text not plain
                    int plainEnd = ALPHABET.indexOf('/');
                    for (int i = 0; i < len; i++) {
                        b.append(ALPHABET.charAt(r.nextInt(r.nextInt(50) == 0 ? ALPHABET.length() : plainEnd)));
                    }
                    texts.add(b.toString());
                }
                accepted += compare(c, texts);
                total += texts.size();
            }
        }
        assertTrue(accepted > total / 10, accepted + " of " + total + " accepted: the test would compare too little");
        assertTrue(accepted < total, "some texts must be left to the server");
    }

    @Test
    void wordsLikeAnAnalystsNotesAreAcceptedAndAgree() throws SQLException {
        List<String> notes = List.of(
                "Synthetic incident near Ma‘arratmişrīn",
                "On 27 March 2020, Syrian regime forces shelled al-Bab and Ras al-Ayn (Aleppo). 3 fatalities.",
                "Pro-government militia clashed with HTS near Sarāqib; 1,000 displaced",
                "“Shelling” reported by SOHR: houses destroyed – no casualties!",
                "قصف مدفعي على بلدة كفرنبل",
                "İdlib ÉTÉ straße ŉ ſ Ÿ",
                "Ḩamāh, Tall Abyaḑ and Mashtá al Ḩulw, Abū az̧ Z̧uhūr",
                "");
        for (String db : DATABASES) try (Connection c = pg.superuser(db)) {
            assertEquals(notes.size(), compare(c, notes), "every note is of the plain shape");
            List<String> not = List.of("U.S. forces", "e-mail me at a@b.org", "2.5 km", "COVID-19", "-5 degrees",
                    "/usr/bin", "x_y", "<b>bold</b>", "tatweel ـ", "a\u0000b", "http://x.org/a");
            assertEquals(0, compare(c, not));
            SimpleTsVector v = new SimpleTsVector(true);
            for (String s : not) assertFalse(v.encode(s, null, null), s);
        }
    }

    @Test
    void theJoinedTextIsTheColumnsExpression() throws SQLException {
        SimpleTsVector v = new SimpleTsVector(true);
        assertTrue(v.encode("Aleppo", null, "said by X"));
        byte[] got = Arrays.copyOf(v.bytes(), v.length());
        try (Connection c = pg.superuser("tsv_utf8")) {
            assertArrayEquals(server(c, List.of("Aleppo  said by X"))[0], got);
        }
    }
}
