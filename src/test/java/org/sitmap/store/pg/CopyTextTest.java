package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** COPY text as PostgreSQL reads it, written straight as UTF-8; and the cheap check for a repeated key. */
class CopyTextTest {
    @Test
    void fieldsEscapesAndUtf8() {
        CopyText t = new CopyText(4);
        t.num(-42).num(0).num(Long.MIN_VALUE).num(36.2372).nul().date(LocalDate.of(2016, 1, 9))
                .date(LocalDate.of(-5, 3, 1)).text("a\\b\tc\nd\re\0f").text("حلب ‘Ma‘arrat’ 😀")
                .text("x\uD800y").endRow();
        t.text("").endRow();
        String s = new String(t.drain(), StandardCharsets.UTF_8);
        assertEquals("-42\t0\t-9223372036854775808\t36.2372\t\\N\t2016-01-09\t-0005-03-01\ta\\\\b\\tc\\nd\\re\uFFFDf"
                + "\tحلب ‘Ma‘arrat’ 😀\tx\uFFFDy\n\n", s);
        assertEquals(0, t.length());
    }

    @Test
    void growsPastItsFirstSize() {
        CopyText t = new CopyText(8);
        String long1 = "ü".repeat(10_000);
        t.text(long1).num(123456789).endRow();
        assertEquals(long1 + "\t123456789\n", new String(t.drain(), StandardCharsets.UTF_8));
    }

    @Test
    void keySeenTellsARepeatAndNeverMissesOne() {
        KeySeen k = new KeySeen();
        for (int i = 0; i < 200_000; i++) k.add("SYN" + i);
        assertFalse(k.mayRepeat());
        k.add("SYN123");
        assertTrue(k.mayRepeat());
    }
}
