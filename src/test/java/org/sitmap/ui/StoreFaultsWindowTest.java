package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.seed.DefaultStore;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;
import org.sitmap.ui.session.StoreSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a read-only store (browsable, marked, imports off) and on a damaged one (the recovery dialog). */
@ExtendWith(ApplicationExtension.class)
class StoreFaultsWindowTest {
    @TempDir static Path dir;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) window.close();
        for (Path p : new Path[] {dir.resolve("ro"), dir.resolve("ro/store.gpkg")}) {
            if (Files.exists(p)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private void show(Path db) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(new MainWindow.Options(db, true), p -> new StoreSource(DefaultStore.openForReading(p)));
            stage.setScene(new Scene(window.root(), 1000, 700));
            stage.show();
            window.loadAsync();
        }).get(90, TimeUnit.SECONDS);
    }

    private static Path store(Path db, int rows) throws Exception {
        Files.createDirectories(db.getParent());
        Path csv = Fixtures.write(dir.resolve(db.getFileName() + ".csv"), EventFiles.acledGenerated(rows));
        try (IncidentStore s = IncidentStore.open(db);
             IncidentReader r = new AcledReader(Files.newInputStream(csv), csv.toString(), s.factions())) {
            s.importAll(r, ImportOptions.DEFAULT, null);
        }
        return db;
    }

    @Test
    void aReadOnlyStoreIsBrowsedMarkedReadOnlyAndItsImportActionsAreOff() throws Exception {
        Path db = store(dir.resolve("ro/store.gpkg"), 40);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(db.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
        show(db);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.session().indexProperty().get() != null).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.session().indexProperty().get().size()).get()).isEqualTo(40);
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.session().messageProperty().get()).get())
                .isEqualTo("store.gpkg (read-only: imports are off)");
        List<Boolean> disabled = WaitForAsyncUtils.asyncFx(() -> window.menu("File").getItems().stream()
                .filter(i -> i.getId() != null && i.getId().startsWith("import-")).map(MenuItem::isDisable).toList()).get();
        assertThat(disabled).containsExactly(true, true);
    }

    @Test
    void aDamagedStoreOpensTheRecoveryDialogWithTheQuickChecksVerdict() throws Exception {
        Path db = store(dir.resolve("damaged.gpkg"), 3000);
        byte[] junk = new byte[4096];
        new java.util.Random(16).nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(Files.size(db) / 2);
            f.write(junk);
        }
        show(db);
        FxRobot robot = new FxRobot();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#store-trouble").tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no recovery dialog; status: "
                    + WaitForAsyncUtils.asyncFx(() -> window.session().messageProperty().get()).get(), e);
        }
        String text = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#store-trouble").queryAs(TextArea.class).getText()).get();
        assertThat(text).contains("A quick check found it damaged").contains("Steps to recover")
                .contains("sitmap check --db " + db);
    }

    @Test
    void cancelLoadingStopsTheIndexLoadAndSaysSo() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        MemorySource sample = MemorySource.sample();
        org.sitmap.ui.session.IncidentSource slow = new org.sitmap.ui.session.IncidentSource() {
            @Override public org.sitmap.index.IncidentIndex loadIndex() {
                inside.countDown();
                try {
                    stop.await(60, TimeUnit.SECONDS);   // a long load, until interrupted
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new org.sitmap.store.StoreFault(org.sitmap.store.StoreFault.Kind.CANCELLED, "interrupted", null);
            }
            @Override public void interrupt() { stop.countDown(); }
            @Override public long[] searchText(String words) { return new long[0]; }
            @Override public java.util.Optional<org.sitmap.model.Incident> incident(long id) { return sample.incident(id); }
            @Override public String name() { return "slow.gpkg"; }
            @Override public void close() { }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(new MainWindow.Options(null, true), p -> slow);
            stage.setScene(new Scene(window.root(), 1000, 700));
            stage.show();
            window.loadAsync();
        }).get(90, TimeUnit.SECONDS);
        assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(() -> window.cancelLoad()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.session().messageProperty().get().startsWith("Loading was cancelled")).get());
        List<Boolean> items = WaitForAsyncUtils.asyncFx(() -> window.menu("File").getItems().stream()
                .filter(i -> "load-cancel".equals(i.getId()) || "load-reload".equals(i.getId()))
                .map(MenuItem::isDisable).toList()).get();
        assertThat(items).containsExactly(true, false);   // nothing to cancel now; Reload the store is offered
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.session().indexProperty().get()).get()).isNull();
    }
}
