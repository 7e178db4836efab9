package org.sitmap.ui.map.tiles;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.io.File;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Opens a Gluon map with Sitmap's tiles, offline, and saves a snapshot (not a test; run under Xvfb):
 * {@code java -cp ... org.sitmap.ui.map.tiles.TilesWindowPreview$Main LAT LON ZOOM OUT.png}.
 */
public final class TilesWindowPreview extends Application {
    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        MapTiles tiles = MapTiles.forWindow(true);
        ChainTileRetriever.attach(tiles);
        MapView map = new MapView();
        BorderPane root = new BorderPane(map);
        root.setBottom(new TileSourceBar(TileSourceViewModel.forWindow(tiles)));
        stage.setScene(new Scene(root, 1200, 800));
        stage.setTitle("Sitmap tiles preview");
        stage.show();
        map.setZoom(Double.parseDouble(args.get(2)));
        map.setCenter(new MapPoint(Double.parseDouble(args.get(0)), Double.parseDouble(args.get(1))));
        PauseTransition wait = new PauseTransition(Duration.seconds(6));
        wait.setOnFinished(e -> {
            WritableImage shot = root.snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", new File(args.get(3)));
            } catch (Exception ex) {
                ex.printStackTrace();
            }
            Platform.exit();
        });
        wait.play();
    }

    /** Entry point kept outside the Application subclass (the JavaFX launcher check needs modules otherwise). */
    public static final class Main {
        private Main() { }

        public static void main(String[] args) {
            Application.launch(TilesWindowPreview.class, args);
        }
    }
}
