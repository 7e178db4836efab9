package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitmap.index.IncidentIndex;
import org.sitmap.ui.map.IncidentLayer;
import org.sitmap.ui.map.MapPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on an in-memory store (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new MainWindow.Options(null, true), db -> MemorySource.sample());
        stage.setScene(new Scene(window.root(), 1300, 850));
        stage.show();
        window.loadAsync();
    }

    @AfterEach
    void close() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheMapAndTheIncidentCount(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#map").tryQuery()).isPresent();
        waitFor(() -> text(robot, "#status-count").startsWith("4 of 4 incidents shown"));
        waitFor(() -> window.mapPane().layer().drawnCountProperty().get() == 4);
    }

    @Test
    void clickingAnIncidentShowsItsPlaceAndEvidence(FxRobot robot) throws Exception {
        MapPane pane = window.mapPane();
        waitFor(() -> pane.layer().drawnCountProperty().get() == 4);
        robot.interact(() -> {
            pane.mapView().setZoom(10);
            pane.mapView().setCenter(35.6, 36.7);
        });
        waitFor(() -> {
            IncidentLayer.Frame f = pane.layer().frameProperty().get();
            return f != null && Math.abs(f.viewport().zoom() - 10) < 0.01;
        });
        Point2D screen = WaitForAsyncUtils.asyncFx(() -> {
            IncidentIndex ix = window.session().indexProperty().get();
            double[] p = pane.layer().frameProperty().get().hits().positionOf(ix.rowOf(1));
            return pane.mapView().localToScreen(p[0], p[1]);
        }).get();
        robot.clickOn(screen);
        waitFor(() -> "Kafar Sijnah".equals(text(robot, "#details-place")));
        assertThat(text(robot, "#details-evidence")).contains("Warplanes struck the village");
        assertThat(window.session().selectedIdProperty().get()).isEqualTo(1);
    }

    @Test
    void switchingAFactionOffInTheLegendRemovesItsIncidentsFromTheMap(FxRobot robot) throws Exception {
        MapPane pane = window.mapPane();
        waitFor(() -> pane.layer().drawnCountProperty().get() == 4);
        waitFor(() -> robot.lookup("#legend-SDF").tryQuery().isPresent());
        robot.clickOn("#legend-SDF");
        waitFor(() -> pane.layer().drawnCountProperty().get() == 3);
        IncidentIndex ix = window.session().indexProperty().get();
        assertThat(pane.layer().frameProperty().get().hits().drawn(ix.rowOf(4))).isFalse();
        waitFor(() -> text(robot, "#status-count").startsWith("3 of 4"));
    }
}
