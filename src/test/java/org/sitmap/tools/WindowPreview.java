package org.sitmap.tools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sitmap.ui.MainWindow;
import org.sitmap.ui.timeline.TimelinePane;
import org.sitmap.ui.timeline.TimelineViewModel;

/**
 * Dev tool (not a test): opens the main window, offline, on a store ({@code .gpkg}; import data into one with
 * {@code sitmap import}) at a given view, for screenshots. Args: {@code STORE [ZOOM LAT LON [SELECTED_ID]]
 * [--brush FROM TO]} (dates YYYY-MM-DD: once loaded, the timeline is brushed to that range).
 */
public final class WindowPreview {
    private static String[] argv;

    private WindowPreview() { }

    public static void main(String[] args) {
        argv = args;
        Application.launch(App.class);
    }

    /** The JavaFX side. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = Arrays.asList(argv);
            int brush = args.indexOf("--brush");
            List<String> view = brush < 0 ? args : args.subList(0, brush);
            MainWindow w = new MainWindow(new MainWindow.Options(Path.of(view.get(0)), true));
            stage.setScene(new Scene(w.root(), 1600, 1000));
            stage.setTitle("Sitmap");
            stage.show();
            if (brush >= 0) {
                TimelineViewModel vm = ((TimelinePane) w.root().lookup("#timeline")).viewModel();
                int from = (int) LocalDate.parse(args.get(brush + 1)).toEpochDay();
                int to = (int) LocalDate.parse(args.get(brush + 2)).toEpochDay();
                w.session().indexProperty().addListener((o, a, b) -> Platform.runLater(() -> vm.setBrush(from, to)));
            }
            w.loadAsync();
            if (view.size() >= 4) {
                w.mapPane().keepView();
                w.mapPane().mapView().setZoom(Double.parseDouble(view.get(1)));
                w.mapPane().mapView().setCenter(Double.parseDouble(view.get(2)), Double.parseDouble(view.get(3)));
            }
            if (view.size() >= 5) {
                long id = Long.parseLong(view.get(4));
                w.session().indexProperty().addListener((o, a, b) -> w.session().selectedIdProperty().set(id));
            }
        }
    }
}
