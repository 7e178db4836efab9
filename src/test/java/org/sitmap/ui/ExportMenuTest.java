package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitmap.render.Viewport;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export map… / Export data… are mounted, and the map reports the view an export starts from. */
@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = WindowFixture.open(stage, MemorySource.sample(), 1200, 800);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void fileMenuHasTheExportsBeforeQuit() throws Exception {
        List<String> items = WaitForAsyncUtils.asyncFx(() -> window.menu("File").getItems().stream()
                .map(MenuItem::getText).toList()).get(10, TimeUnit.SECONDS);
        assertThat(items).containsSubsequence("Export map…", "Export data…", "Quit");
        assertThat(items.get(items.size() - 1)).isEqualTo("Quit");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.mapPane().layer().currentViewport() != null).get());
        Viewport vp = WaitForAsyncUtils.asyncFx(() -> window.mapPane().layer().currentViewport()).get();
        assertThat(vp.width()).isGreaterThan(100);
        assertThat(vp.bounds().contains(38.5, 35)).as("the window opens on Syria").isTrue();
    }
}
