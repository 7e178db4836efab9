package org.sitmap.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.BBox;
import org.sitmap.render.HitTester;
import org.sitmap.ui.MemorySource;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

/** What the map's gestures do to the workspace, without a toolkit. */
class MapViewModelTest {
    private final Workspace ws = TestWorkspace.loaded(MemorySource.sample());
    private final SessionViewModel s = ws.session();
    private final MapViewModel vm = new MapViewModel(ws);
    private final IncidentIndex ix = s.indexProperty().get();

    @Test
    void areaAndLassoNarrowTheFilterAndClearAreaWidensIt() {
        assertThat(vm.areaSetProperty().get()).isFalse();
        vm.setArea(new BBox(36, 35, 37, 36));   // around Kafar Sijnah and Nayrab
        assertThat(vm.areaSetProperty().get()).isTrue();
        assertThat(s.shownProperty().get().count()).isEqualTo(3);
        assertThat(vm.setLasso(List.of(new double[] {36, 35}, new double[] {37, 35}))).isFalse();
        assertThat(vm.setLasso(List.of(new double[] {40, 34}, new double[] {41, 34}, new double[] {41, 36})))
                .isTrue();
        assertThat(s.filterProperty().get().area()).hasSize(3);
        vm.clearArea();
        assertThat(vm.areaSetProperty().get()).isFalse();
        assertThat(s.shownProperty().get().count()).isEqualTo(4);
    }

    @Test
    void aClickSelectsTheIncidentOrTheLatestAtOnePlaceAndAClusterOverPlacesZooms() {
        assertThat(vm.click(new HitTester.Hit(ix.rowOf(1), null, 0, 0))).hasValue(1);
        assertThat(s.selectedIdProperty().get()).isEqualTo(1);
        int[] nayrab = {ix.rowOf(2), ix.rowOf(3)};
        assertThat(vm.click(new HitTester.Hit(-1, nayrab, 0, 0))).hasValue(3);
        int[] spread = {ix.rowOf(1), ix.rowOf(4)};
        assertThat(vm.click(new HitTester.Hit(-1, spread, 0, 0))).isEmpty();
        assertThat(s.selectedIdProperty().get()).isEqualTo(3);
        vm.clearSelection();
        assertThat(s.selectedIdProperty().get()).isEqualTo(-1);
        assertThat(vm.tooltip(new HitTester.Hit(ix.rowOf(1), null, 0, 0))).contains("Kafar Sijnah");
        assertThat(vm.tooltip(null)).isNull();
    }

    @Test
    void theMapOpensOnTheLoadedIncidents() {
        BBox b = vm.openingExtent();
        assertThat(b.contains(36.6333, 35.5333)).isTrue();
        assertThat(b.contains(40.43, 35.155)).isTrue();
        assertThat(b.maxLon()).isLessThan(42);
    }
}
