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
import org.sitmap.store.IncidentStore;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

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
        AtomicInteger reloads = new AtomicInteger();
        DataImportViewModel vm = new DataImportViewModel(worker, ui, file -> {
            if (file.toString().equals("bad.csv")) throw new InputException("bad.csv", 3, "bad date '2020-13-01'");
            return file + " (acled): 3 rows read, 3 imported";
        }, reloads::incrementAndGet);
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
        AtomicInteger reloads = new AtomicInteger();
        DataImportViewModel vm = new DataImportViewModel(Runnable::run, Runnable::run, file -> {
            throw new IllegalStateException("disk full");
        }, reloads::incrementAndGet);
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
        DataImportViewModel vm = new DataImportViewModel(Runnable::run, Runnable::run, DataImports.importer(db), () -> { });
        vm.importFiles(List.of(csv, csv));
        assertThat(vm.reportProperty().get())
                .contains(csv + " (acled): 3 rows read, 3 imported, 0 updated, 0 skipped, 0 rejected")
                .contains(csv + " (acled): 3 rows read, 0 imported, 0 updated, 3 skipped, 0 rejected")
                .contains("actors kept under UNK: Jaysh Test Brigade");
        try (IncidentStore s = IncidentStore.open(db)) {
            assertThat(s.count()).isEqualTo(3);
        }
    }
}
