package org.sitmap.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sitmap.model.Incident;
import org.sitmap.ui.MemorySource;
import org.sitmap.ui.session.SessionViewModel;

class DetailsViewModelTest {
    private final Executor direct = Runnable::run;

    @Test
    void selectingAnIncidentFetchesItAndTheOthersAtItsPlace() {
        MemorySource src = MemorySource.sample();
        SessionViewModel s = new SessionViewModel(direct, direct, w -> new long[0]);
        DetailsViewModel vm = new DetailsViewModel(s, () -> src, direct, direct);
        s.indexProperty().set(src.loadIndex());

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
