package org.sitmap.ui.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.Fixtures;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.BBox;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

class FilterViewModelTest {
    @TempDir
    Path dir;

    private Workspace workspace() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[] {3}));
        ws.session().indexProperty().set(IncidentIndex.of(Fixtures.catalog(), List.of(
                Fixtures.incident(1, "2020-05-05", "Nayrab", 35.87, 36.71, SubEventType.SHELLING, "SAA", "HTS"),
                Fixtures.incident(2, "2020-05-06", "Nayrab", 35.87, 36.71, SubEventType.SHELLING, "SAA"),
                Fixtures.incident(3, "2020-06-01", "Al Busayrah", 35.15, 40.42, SubEventType.ARMED_CLASH, "HTS"))));
        return ws;
    }

    private int shown(SessionViewModel s) { return s.shownProperty().get().count(); }

    @Test
    void switchingAFactionOffRemovesEveryIncidentDrawnInItsColour() {
        Workspace ws = workspace();
        SessionViewModel s = ws.session();
        FilterViewModel vm = new FilterViewModel(ws, FilterMemory.none());
        assertThat(vm.factions()).anySatisfy(e -> {
            assertThat(e.faction().code()).isEqualTo("SAA");
            assertThat(e.count()).isEqualTo(2);
        });
        vm.setOn("SAA", false);
        assertThat(shown(s)).isEqualTo(1);           // the SAA-vs-HTS incident goes too: SAA is its primary faction
        vm.only("HTS");
        assertThat(shown(s)).isEqualTo(1);
        vm.none();
        assertThat(shown(s)).isZero();
        vm.setOn("SAA", true);
        assertThat(shown(s)).isEqualTo(2);
        vm.all();
        assertThat(shown(s)).isEqualTo(3);
        assertThat(vm.chips()).isEmpty();
    }

    @Test
    void activeFiltersAreChipsThatRemoveThemselves() {
        Workspace ws = workspace();
        SessionViewModel s = ws.session();
        FilterViewModel vm = new FilterViewModel(ws, FilterMemory.none());
        vm.setText("Busayrah");
        vm.setType(EventType.BATTLES, true);
        vm.setMinFatalities(2);
        s.filterProperty().set(s.filterProperty().get().withBbox(new BBox(35, 33, 41, 37)));
        assertThat(vm.chips()).extracting(FilterViewModel.Chip::id)
                .containsExactly("type-BATTLES", "fatalities", "text", "bbox");
        vm.chips().get(1).remove().run();
        assertThat(s.filterProperty().get().minFatalities()).isZero();
        vm.chips().stream().filter(c -> c.id().equals("text")).findFirst().orElseThrow().remove().run();
        assertThat(s.filterProperty().get().text()).isEmpty();
        vm.clearAll();
        assertThat(s.filterProperty().get()).isEqualTo(SessionViewModel.ALL);
    }

    @Test
    void theFilterIsKeptBetweenSessions() {
        Path file = dir.resolve("cfg").resolve("filter.properties");
        Workspace ws = workspace();
        SessionViewModel s = ws.session();
        FilterViewModel vm = new FilterViewModel(ws, new FilterMemory(file));
        FilterSpec spec = FilterSpec.ALL.withDates(LocalDate.parse("2020-05-01"), LocalDate.parse("2020-05-31"))
                .withFactions(Set.of("SAA", "RUS")).withEventTypes(Set.of(EventType.BATTLES))
                .withSubEventTypes(Set.of(SubEventType.SHELLING)).withMinFatalities(3)
                .withDatePrecisions(Set.of(DatePrecision.DAY)).withText("Nayrab shelling")
                .withBbox(new BBox(35.5, 33.25, 41.0, 37.0))
                .withArea(List.of(new double[] {36, 35}, new double[] {37, 35}, new double[] {37, 36}));
        s.filterProperty().set(spec);

        Workspace nextWs = workspace();
        new FilterViewModel(nextWs, new FilterMemory(file)).restore();
        FilterSpec back = nextWs.session().filterProperty().get();
        assertThat(back.withArea(List.of())).isEqualTo(spec.withArea(List.of())
                .withFactionRule(org.sitmap.model.FactionRule.PRIMARY));
        assertThat(back.area()).hasSize(3);
        assertThat(back.area().get(1)).containsExactly(37, 35);
    }

    /** "None" and the legend's last faction off are one state, saved and restored without a made-up code. */
    @Test
    void noFactionIsAStateNotANulCodeInTheSavedFilter() throws Exception {
        Path file = dir.resolve("none.properties");
        Workspace ws = workspace();
        FilterViewModel vm = new FilterViewModel(ws, new FilterMemory(file));
        vm.none();
        FilterSpec none = ws.session().filterProperty().get();
        assertThat(none.noFaction()).isTrue();
        assertThat(none.factions()).isEmpty();
        assertThat(shown(ws.session())).isZero();
        assertThat(vm.chips()).extracting(FilterViewModel.Chip::label).contains("Factions: no faction");
        assertThat(java.nio.file.Files.readString(file)).doesNotContain("\u0000").doesNotContain("\\u0000")
                .contains("noFaction=true");
        Workspace next = workspace();
        new FilterViewModel(next, new FilterMemory(file)).restore();
        assertThat(next.session().filterProperty().get().noFaction()).isTrue();

        // the legend switches the same toggle: every faction off there is the same state
        vm.all();
        org.sitmap.ui.map.LegendViewModel legend = new org.sitmap.ui.map.LegendViewModel(ws);
        for (var f : ws.session().indexProperty().get().catalog().factions()) legend.setOn(f.code(), false);
        assertThat(ws.session().filterProperty().get()).isEqualTo(none);
        legend.setOn("HTS", true);
        assertThat(ws.session().filterProperty().get().factions()).containsExactly("HTS");
        assertThat(vm.isOn("HTS")).isTrue();
        assertThat(vm.isOn("SAA")).isFalse();
    }

    @Test
    void aFilterSavedWithTheOldNulMarkerRestoresAsNoFaction() throws Exception {
        Path file = dir.resolve("old.properties");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("factions", "\u0000none");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            p.store(out, null);
        }
        FilterSpec back = new FilterMemory(file).load();
        assertThat(back.noFaction()).isTrue();
        assertThat(back.factions()).isEmpty();
    }

    @Test
    void aDamagedFileMeansNoFilter() throws Exception {
        Path file = dir.resolve("filter.properties");
        java.nio.file.Files.writeString(file, "from=yesterday\nminFatalities=many\neventTypes=BATTLES,NOPE\n");
        FilterSpec f = new FilterMemory(file).load();
        assertThat(f.from()).isNull();
        assertThat(f.minFatalities()).isZero();
        assertThat(f.eventTypes()).containsExactly(EventType.BATTLES);
        assertThat(FilterMemory.none().load()).isEqualTo(FilterSpec.ALL);
    }
}
