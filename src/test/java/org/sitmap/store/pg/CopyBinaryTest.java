package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Binary COPY rows as PostgreSQL's format defines them (the server side is run by the importer's tests). */
class CopyBinaryTest {
    @Test
    void headerRowAndTrailer() {
        CopyBinary b = new CopyBinary(8);
        b.row(7).int4Field(-2).int8Field(1L << 40).nul().date(LocalDate.of(2000, 1, 1)).date(LocalDate.of(1999, 12, 31))
                .text("a\0b").jsonb("[]");
        b.trailer();
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(b.bytes(), b.length()));
        byte[] sig = new byte[11];
        in.get(sig);
        assertArrayEquals("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1), sig);
        assertEquals(0, in.getInt());
        assertEquals(0, in.getInt());
        assertEquals(7, in.getShort());
        assertEquals(4, in.getInt());
        assertEquals(-2, in.getInt());
        assertEquals(8, in.getInt());
        assertEquals(1L << 40, in.getLong());
        assertEquals(-1, in.getInt());
        assertEquals(4, in.getInt());
        assertEquals(0, in.getInt());
        assertEquals(4, in.getInt());
        assertEquals(-1, in.getInt());
        assertEquals(5, in.getInt());
        byte[] text = new byte[5];
        in.get(text);
        assertEquals("a\uFFFDb", new String(text, StandardCharsets.UTF_8));
        assertEquals(3, in.getInt());
        assertEquals(1, in.get());
        assertEquals('[', in.get());
        assertEquals(']', in.get());
        assertEquals(-1, in.getShort());
        assertEquals(0, in.remaining());
    }

    @Test
    void aPointAsEwkbAndTextBeyondLatin() {
        CopyBinary b = new CopyBinary(64);
        b.clear();
        String s = "حلب ‘Ma‘arrat’ 😀 x\uD800y" + "ü".repeat(5_000);
        b.point(1.0, -2.5).text(s);
        ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(b.bytes(), b.length()));
        assertEquals(25, in.getInt());
        byte[] ewkb = new byte[25];
        in.get(ewkb);
        ByteBuffer e = ByteBuffer.wrap(ewkb).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, e.get());
        assertEquals(0x20000001, e.getInt());
        assertEquals(4326, e.getInt());
        assertEquals(1.0, e.getDouble());
        assertEquals(-2.5, e.getDouble());
        int len = in.getInt();
        byte[] text = new byte[len];
        in.get(text);
        assertEquals(s.replace('\uD800', '\uFFFD'), new String(text, StandardCharsets.UTF_8));
        assertEquals(0, in.remaining());
    }

    @Test
    void textIsUtf8WithNulAndLoneSurrogatesReplacedWhateverTheShape() {
        String[] parts = {"a", "Aleppo ", "?", "é", "حلب", "\u0000", "\uD800", "\uDC00", "\uD83D\uDE00", "ü", "\u0100",
            "x".repeat(300), "Ḩamāh", "\uFFFF", " "};
        java.util.Random r = new java.util.Random(3);
        CopyBinary b = new CopyBinary(16);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder t = new StringBuilder();
            for (int p = r.nextInt(8); p > 0; p--) t.append(parts[r.nextInt(parts.length)]);
            String s = t.toString();
            b.clear();
            b.text(s);
            // the reference: each code point, NUL and unpaired surrogates as U+FFFD
            StringBuilder want = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    want.append(c).append(s.charAt(++i));
                } else {
                    want.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
                }
            }
            byte[] expected = want.toString().getBytes(StandardCharsets.UTF_8);
            ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(b.bytes(), b.length()));
            assertEquals(expected.length, in.getInt(), s);
            byte[] got = new byte[expected.length];
            in.get(got);
            assertArrayEquals(expected, got, s);
        }
    }
}
