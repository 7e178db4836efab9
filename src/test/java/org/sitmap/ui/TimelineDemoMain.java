package org.sitmap.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sitmap.ui.timeline.TimelinePane;
import org.sitmap.ui.timeline.TimelineViewModel;

/**
 * Dev tool (not a test): opens the main window on a store and, once it is loaded, brushes a date range in the
 * timeline, for screenshots. Args: STORE.gpkg FROM TO (YYYY-MM-DD).
 */
public final class TimelineDemoMain {
    private static String[] argv;

    public static void main(String[] args) {
        argv = args;
        Application.launch(App.class);
    }

    /** The JavaFX side. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            MainWindow w = new MainWindow(new MainWindow.Options(Path.of(argv[0]), true));
            stage.setScene(new Scene(w.root(), 1600, 1000));
            stage.setTitle("Sitmap");
            stage.show();
            TimelineViewModel vm = ((TimelinePane) w.root().lookup("#timeline")).viewModel();
            w.session().indexProperty().addListener((o, a, b) -> Platform.runLater(() -> vm.setBrush(
                    (int) LocalDate.parse(argv[1]).toEpochDay(), (int) LocalDate.parse(argv[2]).toEpochDay())));
            w.loadAsync();
        }
    }
}
