package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitmap.index.Histogram;
import org.sitmap.ui.timeline.TimelinePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The filter panel and the incident table in the real main window on the in-memory sample (four incidents,
 * 6-9 May 2019), with the timeline and the map following them. Input through {@code fire()} and properties (see
 * {@link MainWindowTest} for why not the robot).
 */
@ExtendWith(ApplicationExtension.class)
class FilterWindowTest {
    private MainWindow window;
    private MemorySource source;

    @Start
    void start(Stage stage) {
        source = MemorySource.sample();
        window = WindowFixture.open(stage, source, 1300, 900);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WindowFixture.waitFor(condition);
    }

    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    private int drawn() { return window.mapPane().layer().drawnCountProperty().get(); }

    private String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    private TimelinePane timeline(FxRobot robot) { return robot.lookup("#timeline").queryAs(TimelinePane.class); }

    private static int total(Histogram h) {
        if (h == null) return -1;
        int t = 0;
        for (int b = 0; b < h.size(); b++) {
            for (int f = 0; f < h.factions(); f++) t += h.count(b, f);
        }
        return t;
    }

    private void ready(FxRobot robot) throws TimeoutException {
        waitFor(() -> drawn() == 4 && timeline(robot).histogramProperty().get() != null);
    }

    @Test
    void onlyOneFactionChangesHistogramAndMapAndItsChipRestoresThem(FxRobot robot) throws Exception {
        ready(robot);
        TimelinePane tl = timeline(robot);
        assertThat(total(tl.histogramProperty().get())).isEqualTo(4);
        waitFor(() -> robot.lookup("#filter-only-SDF").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#filter-only-SDF").queryAs(Button.class).fire());
        waitFor(() -> drawn() == 1);
        waitFor(() -> total(tl.histogramProperty().get()) == 1);
        int sdf = window.session().indexProperty().get().catalog().ordinal("SDF");
        Histogram h = tl.histogramProperty().get();
        assertThat(h.count(h.bucketOf(day("2019-05-09")), sdf)).isEqualTo(1);
        waitFor(() -> robot.lookup("#chip-factions").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#chip-factions").queryAs(Button.class).fire());
        waitFor(() -> drawn() == 4);
        waitFor(() -> total(tl.histogramProperty().get()) == 4);
    }

    /** The timeline's text matches are the workspace's: an import under a text filter is counted (no stale ids). */
    @Test
    void afterAnImportUnderATextFilterTheTimelineCountsTheNewMatch(FxRobot robot) throws Exception {
        ready(robot);
        robot.interact(() -> window.session().filterProperty().set(
                window.session().filterProperty().get().withText("Nayrab")));
        waitFor(() -> drawn() == 2);
        waitFor(() -> total(timeline(robot).histogramProperty().get()) == 2);
        // an import adds a third incident at Nayrab, then the workspace reloads (as File → Import data… does)
        source.add(org.sitmap.index.Fixtures.incident(5, "2019-05-08", "Nayrab", 35.80, 36.83,
                org.sitmap.model.SubEventType.SHELLING, "SAA"));
        robot.interact(() -> window.workspace().reload());
        waitFor(() -> drawn() == 3);
        waitFor(() -> total(timeline(robot).histogramProperty().get()) == 3);
    }

    @Test
    void textSearchBusayrahLeavesOnlyMatchingIncidents(FxRobot robot) throws Exception {
        ready(robot);
        robot.interact(() -> {
            TextField f = robot.lookup("#filter-text").queryAs(TextField.class);
            f.setText("Busayrah");
            f.fireEvent(new ActionEvent());
        });
        waitFor(() -> text(robot, "#status-count").startsWith("1 of 4"));
        waitFor(() -> drawn() == 1);
        var sel = window.session().shownProperty().get();
        assertThat(sel.index().place(sel.row(0))).isEqualTo("Busayrah");
        waitFor(() -> total(timeline(robot).histogramProperty().get()) == 1);
        waitFor(() -> robot.lookup("#chip-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#chip-text").queryAs(Button.class).fire());
        waitFor(() -> drawn() == 4);
    }

    @Test
    void typingSearchesWithoutEnter(FxRobot robot) throws Exception {
        ready(robot);
        robot.interact(() -> robot.lookup("#filter-text").queryAs(TextField.class).setText("Busay"));
        waitFor(() -> text(robot, "#status-count").startsWith("1 of 4"));
        assertThat(window.session().filterProperty().get().text()).isEqualTo("Busay");
    }

    @Test
    void tableIsLinkedBothWaysWithTheMapSelection(FxRobot robot) throws Exception {
        ready(robot);
        TableView<?> table = robot.lookup("#incident-table").queryAs(TableView.class);
        robot.interact(() -> ((TitledPane) table.getParent().getParent()).setExpanded(true));
        waitFor(() -> table.getItems().size() == 4);
        robot.interact(() -> table.getSelectionModel().select(3));   // date order: the last is Busayrah (9 May)
        waitFor(() -> window.session().selectedIdProperty().get() == 4);
        robot.interact(() -> window.session().selectedIdProperty().set(1));
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == 0);
    }
}
