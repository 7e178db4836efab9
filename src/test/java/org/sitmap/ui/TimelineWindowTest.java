package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.event.ActionEvent;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import org.sitmap.ui.timeline.TimelinePane;
import org.sitmap.ui.timeline.TimelineViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline and the filter panel in the real main window on the in-memory sample (four incidents, 6-9 May
 * 2019). Input is delivered as scene events / {@code fire()} (see {@link MainWindowTest} for why not the robot).
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new MainWindow.Options(null, true), db -> MemorySource.sample());
        stage.setScene(new Scene(window.root(), 1300, 900));
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

    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    private int drawn() { return window.mapPane().layer().drawnCountProperty().get(); }

    private String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    private void mouse(Node target, EventType<MouseEvent> type, double x, double y, int clicks) {
        Point2D scene = target.localToScene(x, y);
        Point2D screen = target.localToScreen(x, y);
        boolean down = type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED;
        Event.fireEvent(target, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, clicks, false, false, false, false, down, false, false, false, false,
                type != MouseEvent.MOUSE_DRAGGED, null));
    }

    private void ready() throws TimeoutException {
        waitFor(() -> drawn() == 4);
        waitFor(() -> window.timelinePane().viewModel().histogramProperty().get() != null
                && window.timelinePane().strip().getWidth() > 100);
    }

    @Test
    void draggingTheBrushEndChangesTheCountAndTheMap(FxRobot robot) throws Exception {
        ready();
        TimelinePane tl = window.timelinePane();
        TimelineViewModel vm = tl.viewModel();
        double[] xs = WaitForAsyncUtils.asyncFx(() -> new double[] {
                tl.xOf(vm.brushToProperty().get() + 1), tl.xOf(day("2019-05-08")), tl.strip().getHeight() / 2}).get();
        robot.interact(() -> {
            mouse(tl.strip(), MouseEvent.MOUSE_PRESSED, xs[0], xs[2], 1);
            mouse(tl.strip(), MouseEvent.MOUSE_DRAGGED, (xs[0] + xs[1]) / 2, xs[2], 1);
            mouse(tl.strip(), MouseEvent.MOUSE_DRAGGED, xs[1] + 1, xs[2], 1);
            mouse(tl.strip(), MouseEvent.MOUSE_RELEASED, xs[1] + 1, xs[2], 1);
        });
        // brush now 6-7 May: Kafar Sijnah and the SAA Nayrab incident
        waitFor(() -> vm.brushToProperty().get() == day("2019-05-07"));
        waitFor(() -> text(robot, "#status-count").startsWith("2 of 4"));
        waitFor(() -> drawn() == 2);
        assertThat(text(robot, "#timeline-range")).contains("2019-05-06 – 2019-05-07", "2 incidents");
        assertThat(window.session().filterProperty().get().to()).isEqualTo(LocalDate.parse("2019-05-07"));
        assertThat(robot.lookup("#chip-dates").tryQuery()).isPresent();

        // dragging the window itself one day later: 7-8 May
        double[] mid = WaitForAsyncUtils.asyncFx(() -> new double[] {
                tl.xOf(day("2019-05-07")) + 20, tl.xOf(day("2019-05-08")) + 20}).get();
        robot.interact(() -> {
            mouse(tl.strip(), MouseEvent.MOUSE_PRESSED, mid[0], xs[2], 1);
            mouse(tl.strip(), MouseEvent.MOUSE_DRAGGED, mid[1], xs[2], 1);
            mouse(tl.strip(), MouseEvent.MOUSE_RELEASED, mid[1], xs[2], 1);
        });
        waitFor(() -> vm.brushFromProperty().get() == day("2019-05-07"));
        waitFor(() -> text(robot, "#timeline-range").contains("2019-05-07 – 2019-05-08"));

        // keyboard: → steps one day
        robot.interact(() -> Event.fireEvent(tl.strip(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false)));
        waitFor(() -> vm.brushFromProperty().get() == day("2019-05-08"));
        waitFor(() -> drawn() == 2);   // 8 and 9 May: Nayrab HTS and Busayrah
    }

    @Test
    void playAdvancesTheWindow(FxRobot robot) throws Exception {
        ready();
        TimelineViewModel vm = window.timelinePane().viewModel();
        robot.interact(() -> {
            vm.setBrush(day("2019-05-06"), day("2019-05-06"));
            vm.speedProperty().set(4);
        });
        waitFor(() -> drawn() == 1);
        robot.interact(() -> robot.lookup("#timeline-play").queryAs(Button.class).fire());
        waitFor(() -> vm.brushFromProperty().get() > day("2019-05-06"));
        waitFor(() -> vm.brushToProperty().get() == vm.dataTo());
        waitFor(() -> !vm.playingProperty().get());     // stops at the last day (loop off)
        waitFor(() -> "2019-05-09 – 2019-05-09 · 1 incident".equals(text(robot, "#timeline-range")));
        waitFor(() -> drawn() == 1);
        assertThat(robot.lookup("#timeline-play").queryAs(Button.class).getText()).contains("Play");
    }

    @Test
    void factionFilterChangesHistogramAndMap(FxRobot robot) throws Exception {
        ready();
        TimelineViewModel vm = window.timelinePane().viewModel();
        int sdf = window.session().indexProperty().get().catalog().ordinal("SDF");
        assertThat(total(vm.histogramProperty().get())).isEqualTo(4f);
        waitFor(() -> robot.lookup("#filter-only-SDF").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#filter-only-SDF").queryAs(Button.class).fire());
        waitFor(() -> drawn() == 1);
        waitFor(() -> total(vm.histogramProperty().get()) == 1f);
        Histogram h = vm.histogramProperty().get();
        int b = h.bucketOf(day("2019-05-09"));
        assertThat(h.exact(b, sdf)).isEqualTo(1);
        String tip = WaitForAsyncUtils.asyncFx(() -> window.timelinePane().describeBar(day("2019-05-09"))).get();
        assertThat(tip).contains("2019-05-09", "1 incident", "Syrian Democratic Forces 1");
        assertThat(robot.lookup("#chip-factions").tryQuery()).isPresent();
        robot.interact(() -> robot.lookup("#chip-factions").queryAs(Button.class).fire());
        waitFor(() -> drawn() == 4);
        waitFor(() -> total(vm.histogramProperty().get()) == 4f);
    }

    @Test
    void textSearchLeavesOnlyMatchingIncidents(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> {
            TextField f = robot.lookup("#filter-text").queryAs(TextField.class);
            f.setText("Busayrah");
            f.fireEvent(new ActionEvent());
        });
        waitFor(() -> text(robot, "#status-count").startsWith("1 of 4"));
        waitFor(() -> drawn() == 1);
        var sel = window.session().shownProperty().get();
        assertThat(sel.index().place(sel.row(0))).isEqualTo("Busayrah");
        waitFor(() -> total(window.timelinePane().viewModel().histogramProperty().get()) == 1f);
        robot.interact(() -> robot.lookup("#chip-text").queryAs(Button.class).fire());
        waitFor(() -> drawn() == 4);
    }

    @Test
    void tableIsLinkedBothWaysWithTheMapSelection(FxRobot robot) throws Exception {
        ready();
        javafx.scene.control.TableView<?> table = robot.lookup("#incident-table").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> ((javafx.scene.control.TitledPane) table.getParent().getParent()).setExpanded(true));
        waitFor(() -> table.getItems().size() == 4);
        robot.interact(() -> table.getSelectionModel().select(3));   // date order: the last is Busayrah (9 May)
        waitFor(() -> window.session().selectedIdProperty().get() == 4);
        robot.interact(() -> window.session().selectedIdProperty().set(1));
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 0);
    }

    private static float total(Histogram h) {
        if (h == null) return -1;
        float t = 0;
        for (int b = 0; b < h.buckets(); b++) t += h.total(b);
        return t;
    }
}
