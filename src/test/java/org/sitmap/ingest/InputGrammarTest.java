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
}
