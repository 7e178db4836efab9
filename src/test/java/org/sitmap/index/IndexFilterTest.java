package org.sitmap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitmap.index.Fixtures.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitmap.model.BBox;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

class IndexFilterTest {
    private final IncidentIndex index = IncidentIndex.of(Fixtures.catalog(), List.of(
            incident(3, "2020-06-10", "Kafr Sajnah", 35.5279, 36.5896, SubEventType.AIR_DRONE_STRIKE, "SAA"),
            incident(1, "2020-05-05", "Nayrab", 35.8718, 36.7173, SubEventType.OTHER, "RUS", "TUR"),
            incident(2, "2020-06-01", "Al Busayrah", 35.1562, 40.4272, SubEventType.ARMED_CLASH, "ISIS", "SDF"),
            Incident.builder().id(4).sourceKey("test:4").date(LocalDate.parse("2020-04-01"))
                    .datePrecision(DatePrecision.MONTH).place("Jisr ash Shughur").position(35.8142, 36.3198)
                    .subEventType(SubEventType.AIR_DRONE_STRIKE).actor("Moscow", "RUS").fatalities(3).build(),
            Fixtures.unresolved(5, "2020-06-10", "Batitiyah")));

    private List<Long> ids(FilterSpec spec) {
        Selection s = new IndexFilter(index, spec, null).apply();
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < s.count(); k++) out.add(index.id(s.row(k)));
        return out;
    }

    @Test
    void rowsAreSortedByDay() {
        assertThat(index.id(0)).isEqualTo(4);
        assertThat(index.place(0)).isEqualTo("Jisr ash Shughur");
        assertThat(index.dayEnd(0)).isEqualTo(LocalDate.parse("2020-04-30").toEpochDay());
        assertThat(index.maxSpan()).isEqualTo(29);
    }

    @Test
    void dateWindowKeepsOverlappingSpans() {
        assertThat(ids(FilterSpec.ALL.withDates(LocalDate.parse("2020-04-20"), LocalDate.parse("2020-05-31"))))
                .containsExactly(4L, 1L);
        assertThat(ids(FilterSpec.ALL.withDates(LocalDate.parse("2020-06-02"), null))).containsExactly(3L, 5L);
    }

    @Test
    void anyOfTheActorsFactionsPasses() {
        assertThat(ids(FilterSpec.ALL.withFactions(Set.of("TUR")))).containsExactly(1L);
        assertThat(ids(FilterSpec.ALL.withFactions(Set.of("RUS")))).containsExactly(4L, 1L);
        assertThat(ids(FilterSpec.ALL.withFactions(Set.of("SAA", "SDF")))).containsExactly(2L, 3L, 5L);
    }

    @Test
    void typeFatalitiesAndPrecision() {
        assertThat(ids(FilterSpec.ALL.withEventTypes(Set.of(EventType.BATTLES)))).containsExactly(2L);
        assertThat(ids(FilterSpec.ALL.withSubEventTypes(Set.of(SubEventType.AIR_DRONE_STRIKE))))
                .containsExactly(4L, 3L);
        assertThat(ids(FilterSpec.ALL.withMinFatalities(1))).containsExactly(4L);
        assertThat(ids(FilterSpec.ALL.withDatePrecisions(Set.of(DatePrecision.MONTH)))).containsExactly(4L);
    }

    @Test
    void areaFiltersDropUnresolvedIncidents() {
        BBox idlib = new BBox(36.0, 35.3, 37.0, 36.2);
        assertThat(ids(FilterSpec.ALL.withBbox(idlib))).containsExactly(4L, 1L, 3L);
        List<double[]> triangle = List.of(new double[] {36.5, 35.4}, new double[] {36.7, 35.4},
                new double[] {36.6, 35.7});
        assertThat(ids(FilterSpec.ALL.withArea(triangle))).containsExactly(3L);
    }

    @Test
    void textMatchesRestrictToTheGivenIds() {
        Selection s = new IndexFilter(index, FilterSpec.ALL.withText("Busayrah"), new long[] {2}).apply();
        assertThat(s.count()).isEqualTo(1);
        assertThat(index.id(s.row(0))).isEqualTo(2);
    }

    @Test
    void histogramModeIgnoresTheDateWindow() {
        FilterSpec spec = FilterSpec.ALL.withDates(LocalDate.parse("2020-06-05"), LocalDate.parse("2020-06-30"))
                .withFactions(Set.of("SAA"));
        assertThat(new IndexFilter(index, spec, null).apply(false).count()).isEqualTo(2);
        assertThat(new IndexFilter(index, spec, null).apply(true).count()).isEqualTo(2);
        assertThat(ids(spec.withDates(LocalDate.parse("2020-06-11"), null))).isEmpty();
    }

    @Test
    void anIncidentWithoutCoordinatesIsNotLocated() {
        assertThat(index.located(index.rowOf(5))).isFalse();
        assertThat(index.located(index.rowOf(3))).isTrue();
    }

    @Test
    void primaryRuleKeepsAnIncidentByTheFactionItIsDrawnInAnyRuleByAnyOfItsFactions() {
        // incident 2 is ISIS (primary) vs SDF; incident 1 RUS (primary) with TUR
        FilterSpec noIsis = FilterSpec.ALL.withFactions(Set.of("SDF", "TUR"));
        Selection primary = new IndexFilter(index, noIsis.withFactionRule(org.sitmap.model.FactionRule.PRIMARY), null).apply();
        Selection any = new IndexFilter(index, noIsis, null).apply();
        assertThat(primary.count()).isZero();
        assertThat(any.count()).isEqualTo(2);
    }
}
