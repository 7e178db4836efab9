package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputGrammarTest {
    @Test
    void numbersAreDecimalOnly() {
        assertThat(InputGrammar.decimal("36.2")).isEqualTo(36.2);
        assertThat(InputGrammar.decimal("-0.5")).isEqualTo(-0.5);
        assertThat(InputGrammar.decimal("+3")).isEqualTo(3.0);
        assertThat(InputGrammar.decimal(".5")).isEqualTo(0.5);
        assertThat(InputGrammar.decimal("3.62e1")).isEqualTo(36.2);
        for (String bad : new String[] {"0x1p3", "NaN", "Infinity", "-Infinity", "8d", "8f", "1e999", "", " 1", "1 ",
                "1,5", "1e", ".", "-", "1.2.3", "١٢", "9".repeat(41)}) {
            assertThat(InputGrammar.decimal(bad)).as(bad).isNull();
        }
    }

    @Test
    void datesAreIsoWithFourDigitYearsInRange() {
        assertThat(InputGrammar.isoDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[] {"-2024-01-01", "+2024-01-01", "2023-02-29", "24-01-01", "2024-1-01", "20240101"}) {
            assertThat(InputGrammar.isoDate(bad)).as(bad).isNull();
        }
        assertThat(InputGrammar.inRange(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(InputGrammar.inRange(LocalDate.of(2100, 12, 31))).isTrue();
        assertThat(InputGrammar.outOfRange(LocalDate.of(1899, 12, 31), "date")).isEqualTo("date 1899-12-31 is outside the years 1900-2100");
        assertThat(InputGrammar.outOfRange(LocalDate.of(-1, 1, 1), "date")).isNotNull();
    }

    @Test
    void theShortFormGivesParseDoublesExactDouble() {
        java.util.Random r = new java.util.Random(5);
        String[] fixed = {"0", "-0", "+0", "0.0", "-0.0", ".5", "5.", "-.5", "36.2021", "-179.999999", "90",
            "0.1", "0.3", "123456789012345", "1.23456789012345", "99999999999999.9", "000000000000001", "1e3", "1.2.3",
            ".", "-", "+", "", "12a", "1,5", " 1", "0x10", "1234567890123456", "12345678901234.56"};
        java.util.List<String> cases = new java.util.ArrayList<>(java.util.List.of(fixed));
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(4) == 0) b.append(r.nextBoolean() ? '-' : '+');
            int digits = 1 + r.nextInt(17);
            int point = r.nextInt(digits + 2) - 1;
            for (int d = 0; d < digits; d++) {
                if (d == point) b.append('.');
                b.append((char) ('0' + r.nextInt(10)));
            }
            if (point == digits) b.append('.');
            cases.add(b.toString());
        }
        for (String s : cases) {
            Double general = InputGrammar.isDecimal(s) && Double.isFinite(Double.parseDouble(s)) ? Double.parseDouble(s) : null;
            Double got = InputGrammar.decimal(s);
            if (general == null) {
                assertThat(got).as(s).isNull();
            } else {
                assertThat(got).as(s).isNotNull();
                assertThat(Double.doubleToRawLongBits(got)).as(s).isEqualTo(Double.doubleToRawLongBits(general));
            }
        }
    }
}
