package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitmap.index.Histogram;
import org.sitmap.render.TimelineScale;
import org.sitmap.ui.map.MapPane;
import org.sitmap.ui.timeline.TimelinePane;
import org.sitmap.ui.timeline.TimelineViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline in the real main window on the in-memory sample (4 incidents, 6-9 May 2019; headless Monocle).
 * Mouse input is fired as JavaFX events on the timeline picture, as {@link MainWindowTest} does on the map.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
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

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private TimelinePane timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelinePane.class);
    }

    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    private static void mouse(Node node, EventType<MouseEvent> type, double x, double y) {
        Point2D scene = node.localToScene(x, y);
        Point2D screen = node.localToScreen(x, y);
        boolean down = type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED;
        Event.fireEvent(node, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, false, false, false, false, down, false, false, false, false, false, null));
    }

    private static int histogramTotal(Histogram h) {
        int s = 0;
        for (int b = 0; b < h.size(); b++) s += h.total(b);
        return s;
    }

    @Test
    void draggingTheBrushEndChangesTheCountAndTheMap(FxRobot robot) throws Exception {
        MapPane map = window.mapPane();
        TimelinePane tl = timeline(robot);
        waitFor(() -> map.layer().drawnCountProperty().get() == 4 && tl.histogramProperty().get() != null);
        TimelineViewModel vm = tl.viewModel();
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-05-06"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-05-09"));
        robot.interact(() -> {
            TimelineScale s = vm.scale(TimelinePane.HEIGHT);
            double y = s.plotBottom() / 2.0;
            double end = s.x(day("2019-05-10"));          // the right edge of the brush
            Node c = tl.canvas();
            mouse(c, MouseEvent.MOUSE_PRESSED, end, y);
            mouse(c, MouseEvent.MOUSE_DRAGGED, s.x(day("2019-05-09")), y);
            mouse(c, MouseEvent.MOUSE_DRAGGED, s.x(day("2019-05-08")) + 1, y);
            mouse(c, MouseEvent.MOUSE_RELEASED, s.x(day("2019-05-08")) + 1, y);
        });
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-05-07"));
        assertThat(window.session().filterProperty().get().to()).isEqualTo(LocalDate.parse("2019-05-07"));
        waitFor(() -> text(robot, "#status-count").startsWith("2 of 4"));
        waitFor(() -> map.layer().drawnCountProperty().get() == 2);
        assertThat(text(robot, "#timeline-brush")).startsWith("2019-05-06 – 2019-05-07");

        // drag the whole window two days later
        robot.interact(() -> {
            TimelineScale s = vm.scale(TimelinePane.HEIGHT);
            double y = s.plotBottom() / 2.0;
            Node c = tl.canvas();
            double x = s.x(day("2019-05-06")) + s.pxPerDay();
            mouse(c, MouseEvent.MOUSE_PRESSED, x, y);
            mouse(c, MouseEvent.MOUSE_DRAGGED, x + 2 * s.pxPerDay(), y);
            mouse(c, MouseEvent.MOUSE_RELEASED, x + 2 * s.pxPerDay(), y);
        });
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-05-08"));
        waitFor(() -> map.layer().drawnCountProperty().get() == 2);
        int id = WaitForAsyncUtils.asyncFx(() -> {
            var sel = window.session().shownProperty().get();
            return (int) sel.index().id(sel.row(0));
        }).get();
        assertThat(id).isEqualTo(3);
        // the histogram still shows all four (context outside the brush)
        assertThat(histogramTotal(tl.histogramProperty().get())).isEqualTo(4);
    }

    @Test
    void playAdvancesTheWindow(FxRobot robot) throws Exception {
        TimelinePane tl = timeline(robot);
        waitFor(() -> tl.histogramProperty().get() != null);
        TimelineViewModel vm = tl.viewModel();
        robot.interact(() -> {
            vm.stepProperty().set(1);
            vm.speedProperty().set(7);
            vm.setBrush(day("2019-05-06"), day("2019-05-06"));
        });
        waitFor(() -> text(robot, "#status-count").startsWith("1 of 4"));
        robot.interact(() -> robot.lookup("#timeline-play").queryAs(Button.class).fire());
        assertThat(vm.playingProperty().get()).isTrue();
        waitFor(() -> vm.brushFromProperty().get() > day("2019-05-06"));
        waitFor(() -> window.session().filterProperty().get().from().isAfter(LocalDate.parse("2019-05-06")));
        // at the end of the data (no loop) playback stops
        waitFor(() -> !vm.playingProperty().get());
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-05-09"));
        waitFor(() -> text(robot, "#status-count").startsWith("1 of 4"));
        waitFor(() -> window.mapPane().layer().drawnCountProperty().get() == 1);
    }

    @Test
    void theLegendsFactionFilterChangesHistogramAndMap(FxRobot robot) throws Exception {
        MapPane map = window.mapPane();
        TimelinePane tl = timeline(robot);
        waitFor(() -> map.layer().drawnCountProperty().get() == 4 && tl.histogramProperty().get() != null);
        assertThat(histogramTotal(tl.histogramProperty().get())).isEqualTo(4);
        robot.interact(() -> {
            TimelineScale s = tl.viewModel().scale(TimelinePane.HEIGHT);
            mouse(tl.canvas(), MouseEvent.MOUSE_MOVED, s.x(day("2019-05-09") + 0.5), s.plotBottom() - 5);
        });
        assertThat(text(robot, "#timeline-hover")).isEqualTo("2019-05-09: 1 incident");
        waitFor(() -> robot.lookup("#legend-SDF").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#legend-SDF").queryAs(CheckBox.class).fire());
        waitFor(() -> histogramTotal(tl.histogramProperty().get()) == 3);
        waitFor(() -> map.layer().drawnCountProperty().get() == 3);
        int sdf = window.session().indexProperty().get().catalog().ordinal("SDF");
        Histogram h = tl.histogramProperty().get();
        assertThat(h.count(h.bucketOf(day("2019-05-09")), sdf)).isZero();
    }

    @Test
    void keysAndTheDateFieldMoveTheBrush(FxRobot robot) throws Exception {
        TimelinePane tl = timeline(robot);
        waitFor(() -> tl.histogramProperty().get() != null);
        TimelineViewModel vm = tl.viewModel();
        robot.interact(() -> {
            vm.stepProperty().set(1);
            vm.setBrush(day("2019-05-06"), day("2019-05-07"));
            Event.fireEvent(tl.canvas(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false,
                    false));
        });
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-05-07"));
        waitFor(() -> text(robot, "#status-count").startsWith("2 of 4"));
        robot.interact(() -> Event.fireEvent(tl.canvas(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.END,
                false, false, false, false)));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-05-09"));
        robot.interact(() -> {
            TextField jump = robot.lookup("#timeline-jump").queryAs(TextField.class);
            jump.setText("2019-05-06");
            jump.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-05-06"));
        robot.interact(() -> {
            TextField jump = robot.lookup("#timeline-jump").queryAs(TextField.class);
            jump.setText("6 May");
            jump.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(window.session().messageProperty().get()).contains("YYYY-MM-DD");
    }
}
