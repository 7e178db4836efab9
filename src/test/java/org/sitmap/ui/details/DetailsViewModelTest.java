package org.sitmap.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitmap.model.Incident;
import org.sitmap.ui.MemorySource;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

class DetailsViewModelTest {
    @Test
    void selectingAnIncidentFetchesItAndTheOthersAtItsPlace() {
        MemorySource src = MemorySource.sample();
        Workspace ws = TestWorkspace.loaded(src);
        SessionViewModel s = ws.session();
        DetailsViewModel vm = new DetailsViewModel(ws);

        s.selectedIdProperty().set(2);
        DetailsViewModel.Details d = vm.detailsProperty().get();
        assertThat(d.incident().place()).isEqualTo("Nayrab");
        assertThat(d.others()).extracting(Incident::id).containsExactly(3L);

        s.selectedIdProperty().set(1);
        assertThat(vm.detailsProperty().get().incident().evidence()).contains("Warplanes struck");
        assertThat(vm.detailsProperty().get().othersTotal()).isZero();

        s.selectedIdProperty().set(-1);
        assertThat(vm.detailsProperty().get()).isNull();
    }
}
