package org.sitmap.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.InputException;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

/** File → Import data… without a toolkit: queued executors stand for the worker and the FX thread. */
class DataImportViewModelTest {
    @TempDir Path dir;

    /** Runs tasks only when asked, so the test sees the state between request and result. */
    static final class Queue implements Executor {
        final List<Runnable> tasks = new ArrayList<>();
        @Override public void execute(Runnable r) { tasks.add(r); }
        void runAll() {
            while (!tasks.isEmpty()) tasks.remove(0).run();
        }
    }

    @Test
    void importsEachFileReportsProblemsAndReloadsOnce() {
        Queue worker = new Queue(), ui = new Queue();
        Workspace ws = TestWorkspace.over(worker, ui, TestWorkspace.source(null, w -> new long[0]));
        AtomicInteger reloads = TestWorkspace.countLoads(ws);
        DataImportViewModel vm = new DataImportViewModel(ws, (file, control) -> {
            if (file.toString().equals("bad.csv")) throw new InputException("bad.csv", 3, "bad date '2020-13-01'");
            return file + " (acled): 3 rows read, 3 imported";
        });
        vm.importFiles(List.of(Path.of("a.csv"), Path.of("bad.csv")));
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Importing 2 files…");
        vm.importFiles(List.of(Path.of("other.csv")));   // refused while busy
        worker.runAll();
        assertThat(worker.tasks).isEmpty();
        assertThat(vm.reportProperty().get()).isEmpty(); // results only arrive on the UI thread
        ui.runAll();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.reportProperty().get()).isEqualTo("a.csv (acled): 3 rows read, 3 imported\n\n"
                + "bad.csv:3: bad date '2020-13-01'\n  not imported: fix the file and import it again");
        assertThat(vm.statusProperty().get()).isEqualTo("1 of 2 files imported");
        assertThat(reloads).hasValue(1);
    }

    @Test
    void noReloadWhenNothingWasImported() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[0]));
        AtomicInteger reloads = TestWorkspace.countLoads(ws);
        DataImportViewModel vm = new DataImportViewModel(ws, (file, control) -> {
            throw new IllegalStateException("disk full");
        });
        vm.importFiles(List.of(Path.of("x.kml")));
        assertThat(vm.reportProperty().get()).isEqualTo("x.kml: not imported: disk full");
        assertThat(reloads).hasValue(0);
        vm.importFiles(List.of());
        assertThat(vm.statusProperty().get()).isEqualTo("0 of 1 file imported");
    }

    @Test
    void theWindowsImporterDetectsTheFormatAndWritesTheStore() {
        Path db = dir.resolve("s.gpkg");
        Path csv = Fixtures.write(dir.resolve("acled.csv"), EventFiles.acledSample());
        Workspace ws = TestWorkspace.onStore(db, null);
        DataImportViewModel vm = DataImports.viewModel(ws);
        vm.importFiles(List.of(csv, csv));
        assertThat(ws.session().indexProperty().get().size()).as("the workspace reloaded its index").isEqualTo(3);
        ws.close();
        assertThat(vm.reportProperty().get())
                .contains(csv + " (acled): 3 rows read, 3 imported, 0 updated, 0 skipped, 0 rejected")
                .contains(csv + " (acled): 3 rows read, 0 imported, 0 updated, 3 skipped, 0 rejected")
                .contains("actors kept under UNK: Jaysh Test Brigade");
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.count()).isEqualTo(3);
        }
    }

    @Test
    void cancelStopsTheRunningFileAndStartsNoOtherAndSaysSo() {
        Queue worker = new Queue(), ui = new Queue();
        Workspace ws = TestWorkspace.over(worker, ui, TestWorkspace.source(null, w -> new long[0]));
        AtomicInteger reloads = TestWorkspace.countLoads(ws);
        List<Path> started = new ArrayList<>();
        DataImportViewModel[] model = new DataImportViewModel[1];
        DataImportViewModel vm = new DataImportViewModel(ws, (file, control) -> {
            started.add(file);
            control.rows(4096);
            model[0].cancel();   // the user presses Cancel while this file imports (the store's importer then stops)
            if (control.cancelled()) {
                throw new org.sitmap.store.StoreFault(org.sitmap.store.StoreFault.Kind.CANCELLED, "the import of " + file
                        + " was cancelled: nothing was imported, the store is unchanged", null);
            }
            return file + ": imported";
        });
        model[0] = vm;
        vm.cancel();   // nothing runs yet: ignored
        vm.importFiles(List.of(Path.of("a.csv"), Path.of("b.csv")));
        worker.runAll();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelling…");
        ui.runAll();
        assertThat(started).containsExactly(Path.of("a.csv"));
        assertThat(vm.reportProperty().get())
                .isEqualTo("the import of a.csv was cancelled: nothing was imported, the store is unchanged");
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled: 0 of 2 files imported");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(reloads).hasValue(0);
    }

    @Test
    void aCancelledImportThroughTheWindowsImporterLeavesTheStoreAsItWas() {
        Path db = dir.resolve("c.gpkg");
        Path small = Fixtures.write(dir.resolve("small.csv"), EventFiles.acledSample());
        Path big = Fixtures.write(dir.resolve("big.csv"), EventFiles.acledGenerated(20_000));
        DataImportViewModel[] model = new DataImportViewModel[1];
        Workspace ws = TestWorkspace.onStore(db, null);
        DataImportViewModel.FileImporter real = DataImports.importer(ws);
        model[0] = new DataImportViewModel(ws, (file, control) -> real.importFile(file,
                new DataImportViewModel.Control() {
                    @Override public boolean cancelled() { return control.cancelled(); }

                    @Override public void rows(long n) {
                        control.rows(n);
                        if (n >= 4096) model[0].cancel();   // Cancel pressed once rows are in the open transaction
                    }
                }));
        model[0].importFiles(List.of(small));
        model[0].importFiles(List.of(big));
        assertThat(model[0].statusProperty().get()).isEqualTo("Cancelled: 0 of 1 file imported");
        assertThat(model[0].reportProperty().get()).contains("was cancelled: nothing was imported, the store is unchanged");
        ws.close();
        try (IncidentStore s = IncidentStore.openReadOnly(db)) {
            assertThat(s.count()).isEqualTo(3);
        }
    }
}
