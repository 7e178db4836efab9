package org.sitmap.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sitmap.ui.MemorySource;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

class LegendViewModelTest {
    private final Executor direct = Runnable::run;

    @Test
    void switchingAFactionOffNarrowsTheFilterAndRemovesItsIncidents() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[0]));
        SessionViewModel s = ws.session();
        LegendViewModel vm = new LegendViewModel(ws);
        s.indexProperty().set(MemorySource.sample().loadIndex());
        assertThat(vm.entries()).extracting(e -> e.faction().code()).containsExactly("SAA", "RUS", "HTS", "SDF");
        assertThat(s.shownProperty().get().count()).isEqualTo(4);

        vm.setOn("SDF", false);
        assertThat(s.filterProperty().get().factions()).doesNotContain("SDF").contains("SAA", "HTS");
        assertThat(s.shownProperty().get().count()).isEqualTo(3);
        assertThat(vm.entries()).filteredOn(e -> e.faction().code().equals("SDF")).first()
                .extracting(LegendViewModel.Entry::on).isEqualTo(false);

        vm.setOn("SDF", true);
        assertThat(s.filterProperty().get().factions()).isEmpty();
        assertThat(s.shownProperty().get().count()).isEqualTo(4);
    }

    @Test
    void switchingEveryFactionOffShowsNothing() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[0]));
        SessionViewModel s = ws.session();
        LegendViewModel vm = new LegendViewModel(ws);
        s.indexProperty().set(MemorySource.sample().loadIndex());
        for (String c : new String[] {"SAA", "RUS", "HTS", "SDF"}) vm.setOn(c, false);
        assertThat(s.shownProperty().get().count()).isZero();
    }

    @Test
    void tooltipNamesPlaceDateFactionsAndType() {
        var ix = MemorySource.sample().loadIndex();
        int row = ix.rowOf(1);
        assertThat(IncidentText.tooltip(ix, row)).contains("Kafar Sijnah", "2019-05-06", "RUS", "Explosions/Remote violence");
        assertThat(IncidentText.status(3, 4, 0, 1)).startsWith("3 of 4 incidents shown");
    }
}
