package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
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
        window = WindowFixture.open(stage, MemorySource.sample(), 1300, 850);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WindowFixture.waitFor(condition);
    }

    /**
     * Delivers a mouse event to the map through the scene graph (the map pane's handlers and Gluon's see it as a
     * real one). Used instead of the robot: once another test class has started the toolkit with
     * {@code Platform.startup}, Monocle's robot input no longer reaches the window.
     */
    private void mouse(EventType<MouseEvent> type, Point2D local, boolean still) {
        Node map = window.mapPane().mapView();
        Point2D scene = map.localToScene(local);
        Point2D screen = map.localToScreen(local);
        boolean down = type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED;
        Event.fireEvent(map, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                type == MouseEvent.MOUSE_MOVED ? MouseButton.NONE : MouseButton.PRIMARY, 1, false, false, false, false,
                down, false, false, false, false, still, null));
    }

    private void click(FxRobot robot, Point2D local) {
        robot.interact(() -> {
            mouse(MouseEvent.MOUSE_PRESSED, local, true);
            mouse(MouseEvent.MOUSE_RELEASED, local, true);
            mouse(MouseEvent.MOUSE_CLICKED, local, true);
        });
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
            return new Point2D(p[0], p[1]);
        }).get();
        click(robot, screen);
        waitFor(() -> "Kafar Sijnah".equals(text(robot, "#details-place")));
        assertThat(text(robot, "#details-evidence")).contains("Warplanes struck the village");
        assertThat(window.session().selectedIdProperty().get()).isEqualTo(1);

        robot.interact(() -> Event.fireEvent(pane.mapView(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        waitFor(() -> window.session().selectedIdProperty().get() == -1);
        waitFor(() -> text(robot, "#details-place").startsWith("Click an incident"));
    }

    @Test
    void hoveringAnIncidentShowsATooltip(FxRobot robot) throws Exception {
        MapPane pane = window.mapPane();
        robot.interact(() -> {
            pane.mapView().setZoom(11);
            pane.mapView().setCenter(35.80, 36.83);
        });
        waitFor(() -> {
            IncidentLayer.Frame f = pane.layer().frameProperty().get();
            return f != null && Math.abs(f.viewport().zoom() - 11) < 0.01 && f.hits().drawnRows() >= 2;
        });
        Point2D screen = WaitForAsyncUtils.asyncFx(() -> {
            IncidentIndex ix = window.session().indexProperty().get();
            double[] p = pane.layer().frameProperty().get().hits().positionOf(ix.rowOf(3));
            return new Point2D(p[0], p[1]);
        }).get();
        robot.interact(() -> mouse(MouseEvent.MOUSE_MOVED, screen, true));
        waitFor(() -> robot.lookup("#map-tooltip").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#map-tooltip")).contains("Nayrab", "2019-05-0", "Battles");
    }

    @Test
    void draggingAnAreaKeepsOnlyTheIncidentsInside(FxRobot robot) throws Exception {
        MapPane pane = window.mapPane();
        waitFor(() -> pane.layer().drawnCountProperty().get() == 4);
        robot.interact(() -> robot.lookup("#area-tool").queryAs(ToggleButton.class).fire());
        Point2D[] corners = WaitForAsyncUtils.asyncFx(() -> {
            var vp = pane.layer().currentViewport();
            // around Idlib: west of Busayrah (lon 40.43)
            return new Point2D[] {
                    new Point2D(vp.x(36.3), vp.y(36.2)), new Point2D(vp.x(37.5), vp.y(35.2))};
        }).get();
        robot.interact(() -> {
            mouse(MouseEvent.MOUSE_PRESSED, corners[0], true);
            mouse(MouseEvent.MOUSE_DRAGGED, corners[0].midpoint(corners[1]), false);
            mouse(MouseEvent.MOUSE_DRAGGED, corners[1], false);
            mouse(MouseEvent.MOUSE_RELEASED, corners[1], false);
        });
        waitFor(() -> window.session().filterProperty().get().bbox() != null);
        waitFor(() -> pane.layer().drawnCountProperty().get() == 3);
        robot.interact(() -> robot.lookup("#area-clear").queryAs(Button.class).fire());
        waitFor(() -> pane.layer().drawnCountProperty().get() == 4);
    }

    @Test
    void switchingAFactionOffInTheLegendRemovesItsIncidentsFromTheMap(FxRobot robot) throws Exception {
        MapPane pane = window.mapPane();
        waitFor(() -> pane.layer().drawnCountProperty().get() == 4);
        waitFor(() -> robot.lookup("#legend-SDF").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#legend-SDF").queryAs(CheckBox.class).fire());
        waitFor(() -> pane.layer().drawnCountProperty().get() == 3);
        IncidentIndex ix = window.session().indexProperty().get();
        assertThat(pane.layer().frameProperty().get().hits().drawn(ix.rowOf(4))).isFalse();
        waitFor(() -> text(robot, "#status-count").startsWith("3 of 4"));
    }

    @Test
    void aLassoKeepsOnlyTheIncidentsInside(FxRobot robot) throws Exception {
        MapPane pane = window.mapPane();
        waitFor(() -> pane.layer().drawnCountProperty().get() == 4);
        robot.interact(() -> robot.lookup("#lasso-tool").queryAs(ToggleButton.class).fire());
        Point2D[] ring = WaitForAsyncUtils.asyncFx(() -> {
            var vp = pane.layer().currentViewport();
            return new Point2D[] {new Point2D(vp.x(36.3), vp.y(36.2)), new Point2D(vp.x(37.5), vp.y(36.1)),
                    new Point2D(vp.x(37.4), vp.y(35.2)), new Point2D(vp.x(36.4), vp.y(35.3))};
        }).get();
        robot.interact(() -> {
            mouse(MouseEvent.MOUSE_PRESSED, ring[0], true);
            for (int k = 1; k < ring.length; k++) mouse(MouseEvent.MOUSE_DRAGGED, ring[k], false);
            mouse(MouseEvent.MOUSE_RELEASED, ring[ring.length - 1], false);
        });
        waitFor(() -> window.session().filterProperty().get().area().size() == 4);
        waitFor(() -> pane.layer().drawnCountProperty().get() == 3);
    }
}
