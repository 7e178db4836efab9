package org.sitmap.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/** The import dialog's view model with direct executors: no toolkit, no threads. */
class ArticleImportViewModelTest {
    final List<Runnable> workQueue = new ArrayList<>();
    final Executor worker = workQueue::add;
    final Executor ui = Runnable::run;
    final List<Incident> saved = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger reloads;
    ArticleImportViewModel vm;

    @BeforeEach
    void setUp() {
        Workspace ws = TestWorkspace.over(worker, ui, TestWorkspace.source(null, w -> new long[0]));
        reloads = TestWorkspace.countLoads(ws);
        vm = new ArticleImportViewModel(ws, () -> Gazetteer.load(null), FactionCatalog.shipped(),
                list -> { saved.addAll(list); return list.size() + " saved"; });
    }

    void runWorker() {
        while (!workQueue.isEmpty()) workQueue.remove(0).run();
    }

    @Test
    void extractionRunsOnTheWorkerAndFillsRowsWithEvidenceAndUnresolvedPlaces() {
        vm.textProperty().set("Army artillery shelled Ariha and Tall Zughbiyya today.");
        vm.dateProperty().set(LocalDate.of(2021, 4, 2));
        vm.extract();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
        runWorker();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.unresolved()).containsExactly("Tall Zughbiyya");
        ArticleImportViewModel.Row ariha = vm.rows().get(0);
        assertThat(ariha.evidence()).doesNotContain("[[");
        assertThat(ariha.marks()).anySatisfy(m -> assertThat(ariha.evidence().substring(m[0], m[1])).isEqualTo("Ariha"));
        assertThat(vm.rows().get(1).where()).isEqualTo("UNRESOLVED");
    }

    @Test
    void withoutADateNothingIsExtracted() {
        vm.textProperty().set("Clashes in Ariha today.");
        vm.extract();
        assertThat(workQueue).isEmpty();
        assertThat(vm.messageProperty().get()).contains("date");
    }

    @Test
    void editsAreAppliedWhenSavingThenTheIndexIsReloaded() {
        vm.textProperty().set("Army artillery shelled Ariha today.");
        vm.dateProperty().set(LocalDate.of(2021, 4, 2));
        vm.extract();
        runWorker();
        ArticleImportViewModel.Row row = vm.rows().get(0);
        row.placeProperty().set("Saraqib");
        row.dateProperty().set("2021-04-01");
        row.factionsProperty().set("SAA, HTS");
        row.typeProperty().set(SubEventType.ARMED_CLASH);
        vm.save();
        assertThat(saved).isEmpty();
        runWorker();
        assertThat(saved).singleElement().satisfies(i -> {
            assertThat(i.place()).isEqualTo("Sarāqib");
            assertThat(i.latitude()).isNotNull();
            assertThat(i.date()).isEqualTo(LocalDate.of(2021, 4, 1));
            assertThat(i.factions()).containsExactly("SAA", "HTS");
            assertThat(i.subEventType()).isEqualTo(SubEventType.ARMED_CLASH);
        });
        assertThat(reloads).hasValue(1);
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void anUnknownFactionCodeIsReportedAndNothingIsSaved() {
        vm.textProperty().set("Army artillery shelled Ariha today.");
        vm.dateProperty().set(LocalDate.of(2021, 4, 2));
        vm.extract();
        runWorker();
        vm.rows().get(0).factionsProperty().set("SAA, XYZ");
        vm.save();
        runWorker();
        assertThat(saved).isEmpty();
        assertThat(reloads).hasValue(0);
        assertThat(vm.messageProperty().get()).contains("XYZ");
    }
}
