package org.sitmap.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Dev tool (not a test): opens the main window on a store ({@code .gpkg}; import data into one with
 * {@code sitmap import}) at a given view, for screenshots. Args: STORE [zoom lat lon [selectedId]].
 */
public final class DemoWindowMain {
    private static String[] argv;

    public static void main(String[] args) {
        argv = args;
        Application.launch(App.class);
    }

    /** The JavaFX side. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        MainWindow w = new MainWindow(new MainWindow.Options(Path.of(argv[0]), true));
        stage.setScene(new Scene(w.root(), 1600, 1000));
        stage.setTitle("Sitmap");
        stage.show();
        w.loadAsync();
        if (argv.length >= 4) {
            w.mapPane().keepView();
            w.mapPane().mapView().setZoom(Double.parseDouble(argv[1]));
            w.mapPane().mapView().setCenter(Double.parseDouble(argv[2]), Double.parseDouble(argv[3]));
        }
        if (argv.length >= 5) {
            long id = Long.parseLong(argv[4]);
            w.session().indexProperty().addListener((o, a, b) -> w.session().selectedIdProperty().set(id));
        }
    }
    }
}
