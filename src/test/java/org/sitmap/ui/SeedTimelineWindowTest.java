package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.render.TimelineScale;
import org.sitmap.testutil.SeedIndex;
import org.sitmap.ui.timeline.TimelinePane;
import org.sitmap.ui.timeline.TimelineViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window on the shipped seed incidents (2020 and 2024, nothing between; headless Monocle): at start the
 * timeline gives the 2024 incidents bars wide enough to click, and a click on one brushes its day.
 */
@ExtendWith(ApplicationExtension.class)
class SeedTimelineWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = WindowFixture.open(stage, new MemorySource(SeedIndex.incidents()), 1600, 1000);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WindowFixture.waitFor(condition);
    }

    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    private static void click(Node node, double x, double y) {
        Point2D scene = node.localToScene(x, y);
        Point2D screen = node.localToScreen(x, y);
        for (EventType<MouseEvent> type : java.util.List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
                MouseEvent.MOUSE_CLICKED)) {
            Event.fireEvent(node, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                    MouseButton.PRIMARY, 1, false, false, false, false, type == MouseEvent.MOUSE_PRESSED, false,
                    false, false, false, true, null));
        }
    }

    @Test
    void theMapOpensOnTheDataWithEveryLocatedIncidentAsItsOwnMarker() throws Exception {
        waitFor(() -> window.mapPane().layer().frameProperty().get() != null
                && window.mapPane().layer().drawnCountProperty().get() == 23);   // 26 less 3 without a place
        assertThat(window.mapPane().layer().frameProperty().get().hits().clusters()).isZero();
        assertThat(window.mapPane().layer().frameProperty().get().viewport().zoom()).isGreaterThan(6.8);
    }

    @Test
    void the2024IncidentsHaveClickableBarsAtStart(FxRobot robot) throws Exception {
        TimelinePane tl = robot.lookup("#timeline").queryAs(TimelinePane.class);
        TimelineViewModel vm = tl.viewModel();
        waitFor(() -> tl.histogramProperty().get() != null && vm.hasData());
        TimelineScale s = vm.scale(TimelinePane.HEIGHT);
        Histogram h = tl.histogramProperty().get();
        int d = day("2024-11-29");
        int b = h.bucketOf(d);
        assertThat(h.total(b) + h.uncertainTotal(b)).isGreaterThan(0);
        double x0 = s.x(h.start(b));
        double x1 = s.x(h.start(b + 1));
        assertThat(x1 - x0).as("width of the bar of %s", LocalDate.ofEpochDay(h.start(b))).isGreaterThanOrEqualTo(5);
        assertThat(x1).isLessThanOrEqualTo(s.width() - TimelineScale.MARGIN + 1e-9);
        assertThat(h.bucket()).isNotEqualTo(Bucket.MONTH);
        robot.interact(() -> click(tl.canvas(), (x0 + x1) / 2, s.plotBottom() - 2));
        waitFor(() -> vm.brushFromProperty().get() == h.start(b) && vm.brushToProperty().get() == h.start(b + 1) - 1);
        int expected = 0;
        org.sitmap.index.IncidentIndex ix = window.session().indexProperty().get();
        for (int r = 0; r < ix.size(); r++) {
            if (ix.day(r) < h.start(b + 1) && Math.max(ix.day(r), ix.dayEnd(r)) >= h.start(b)) expected++;   // overlaps
        }
        String count = expected + " of 26";
        try {
            waitFor(() -> robot.lookup("#status-count").queryAs(Label.class).getText().startsWith(count));
        } finally {
            assertThat(robot.lookup("#status-count").queryAs(Label.class).getText()).startsWith(count);
        }
    }
}
