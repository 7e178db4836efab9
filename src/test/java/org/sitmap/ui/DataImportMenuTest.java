package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import data… is mounted next to Import article…. */
@ExtendWith(ApplicationExtension.class)
class DataImportMenuTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = WindowFixture.open(stage, MemorySource.sample(), 1000, 700);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void fileMenuOffersDataImport() throws Exception {
        List<String> ids = WaitForAsyncUtils.asyncFx(() -> window.menu("File").getItems().stream()
                .map(MenuItem::getId).toList()).get(10, TimeUnit.SECONDS);
        assertThat(ids).containsSubsequence("import-article", "import-data");
    }
}
