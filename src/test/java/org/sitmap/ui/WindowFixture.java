package org.sitmap.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sitmap.ui.session.IncidentSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window tests' one set-up: the real main window over a given store (offline tiles, no remembered filter) on
 * the test's stage, its store loading; and waiting for a condition read on the FX thread (no sleeps).
 */
final class WindowFixture {
    private WindowFixture() { }

    /** Shows a main window of {@code width} × {@code height} over {@code source} and starts loading it. */
    static MainWindow open(Stage stage, IncidentSource source, int width, int height) {
        return open(stage, db -> source, width, height);
    }

    /** As {@link #open(Stage, IncidentSource, int, int)} with the store opened by {@code opener} on the worker. */
    static MainWindow open(Stage stage, java.util.function.Function<java.nio.file.Path, IncidentSource> opener,
                           int width, int height) {
        MainWindow window = new MainWindow(new MainWindow.Options(null, true), opener);
        stage.setScene(new Scene(window.root(), width, height));
        stage.show();
        window.loadAsync();
        return window;
    }

    /** Waits (up to 15 s) until {@code condition}, evaluated on the FX thread, holds. */
    static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
