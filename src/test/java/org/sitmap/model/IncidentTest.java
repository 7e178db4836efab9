package org.sitmap.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IncidentTest {
    private static Incident.Builder at(String date, DatePrecision precision) {
        return Incident.builder().sourceKey("k").date(LocalDate.parse(date)).datePrecision(precision)
                .eventType(EventType.BATTLES);
    }

    @Test
    void anEndThePrecisionGivesAnywayIsNoEndSoEveryWayOfWritingItReadsAlike() {
        assertThat(at("2019-06-05", DatePrecision.DAY).endDate(LocalDate.parse("2019-06-05")).build())
                .isEqualTo(at("2019-06-05", DatePrecision.DAY).build());
        assertThat(at("2019-06-01", DatePrecision.MONTH).endDate(LocalDate.parse("2019-06-30")).build().endDate()).isNull();
        assertThat(at("2017-01-01", DatePrecision.YEAR).endDate(LocalDate.parse("2017-12-31")).build().spanEnd())
                .isEqualTo(LocalDate.parse("2017-12-31"));
        Incident range = at("2019-05-30", DatePrecision.DAY).endDate(LocalDate.parse("2019-06-04")).build();
        assertThat(range.endDate()).isEqualTo(LocalDate.parse("2019-06-04"));
        assertThat(at("2019-06-01", DatePrecision.MONTH).endDate(LocalDate.parse("2019-06-15")).build().spanEnd())
                .isEqualTo(LocalDate.parse("2019-06-15"));
        assertThat(at("2019-06-05", DatePrecision.DAY).build().spanEnd()).isEqualTo(LocalDate.parse("2019-06-05"));
    }
}
