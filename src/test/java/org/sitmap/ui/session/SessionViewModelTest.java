package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Fixtures;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.SubEventType;

class SessionViewModelTest {
    @Test
    void filterChangesReachTheShownSelectionThroughTheWorker() {
        CoalescerTest.ManualExecutor worker = new CoalescerTest.ManualExecutor();
        CoalescerTest.ManualExecutor ui = new CoalescerTest.ManualExecutor();
        Workspace ws = TestWorkspace.over(worker, ui, TestWorkspace.source(null, words -> new long[] {2}));
        ws.load();
        worker.runAll();
        ui.runAll();
        SessionViewModel vm = ws.session();
        vm.indexProperty().set(IncidentIndex.of(Fixtures.catalog(), List.of(
                Fixtures.incident(1, "2020-05-05", "Nayrab", 35.87, 36.71, SubEventType.OTHER, "RUS", "TUR"),
                Fixtures.incident(2, "2020-06-01", "Al Busayrah", 35.15, 40.42, SubEventType.ARMED_CLASH, "ISIS"))));
        worker.runAll();
        ui.runAll();
        assertThat(vm.shownProperty().get().count()).isEqualTo(2);

        vm.filterProperty().set(vm.filterProperty().get().withFactions(Set.of("RUS")));
        assertThat(vm.busyProperty().get()).isTrue();
        worker.runAll();
        ui.runAll();
        assertThat(vm.shownProperty().get().count()).isEqualTo(1);

        // the window keeps an incident by its primary faction (its colour): TUR, the second actor's, is not enough
        vm.filterProperty().set(vm.filterProperty().get().withFactions(Set.of("TUR")));
        worker.runAll();
        ui.runAll();
        assertThat(vm.shownProperty().get().count()).isZero();
        assertThat(vm.busyProperty().get()).isFalse();

        vm.filterProperty().set(vm.filterProperty().get().withFactions(Set.of()).withText("Busayrah"));
        worker.runAll();
        ui.runAll();
        assertThat(vm.shownProperty().get().count()).isEqualTo(1);
        assertThat(vm.indexProperty().get().id(vm.shownProperty().get().row(0))).isEqualTo(2);
    }
}
