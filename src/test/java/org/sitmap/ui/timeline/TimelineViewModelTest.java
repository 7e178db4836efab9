package org.sitmap.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Bucket;
import org.sitmap.index.Fixtures;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.SessionViewModel;

class TimelineViewModelTest {
    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    /** A ticker driven by the test: {@link #tick} is one frame. */
    static final class ManualTicker implements TimelineViewModel.Ticker {
        DoubleConsumer frame;

        @Override public void start(DoubleConsumer f) { frame = f; }

        @Override public void stop() { frame = null; }

        void tick(double seconds) { if (frame != null) frame.accept(seconds); }
    }

    private final SessionViewModel session = new SessionViewModel(Runnable::run, Runnable::run, w -> new long[0]);
    private final ManualTicker ticker = new ManualTicker();
    private final TimelineViewModel vm = new TimelineViewModel(session, Runnable::run, Runnable::run, ticker);

    TimelineViewModelTest() {
        List<Incident> l = new ArrayList<>();
        // one SAA incident every day of 2019, one SDF incident every week
        LocalDate d = LocalDate.parse("2019-01-01");
        int id = 1;
        for (int k = 0; k < 365; k++) {
            l.add(Fixtures.incident(id++, d.plusDays(k).toString(), "A", 35.5, 36.5, SubEventType.SHELLING, "SAA"));
            if (k % 7 == 0) l.add(Fixtures.incident(id++, d.plusDays(k).toString(), "B", 36.5, 40.5,
                    SubEventType.ARMED_CLASH, "SDF", "ISIS"));
        }
        session.indexProperty().set(IncidentIndex.of(Fixtures.catalog(), l));
    }

    private int shown() { return session.shownProperty().get().count(); }

    @Test
    void loadingShowsAllDatesAndBrushesEverythingWithoutADateFilter() {
        assertThat(vm.dataFrom()).isEqualTo(day("2019-01-01"));
        assertThat(vm.dataTo()).isEqualTo(day("2019-12-31"));
        assertThat(vm.brushFromProperty().get()).isEqualTo(vm.dataFrom());
        assertThat(vm.brushToProperty().get()).isEqualTo(vm.dataTo());
        assertThat(session.filterProperty().get().from()).isNull();
        assertThat(vm.viewFromProperty().get()).isLessThan(vm.dataFrom());
        assertThat(vm.histogramProperty().get()).isNotNull();
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.WEEK); // 1000 px for a year and margins: 2.6 px a day
    }

    @Test
    void movingTheBrushSetsTheFilterDatesAndTheShownCount() {
        vm.setBrush(day("2019-03-01"), day("2019-03-07"));
        assertThat(session.filterProperty().get().from()).isEqualTo(LocalDate.parse("2019-03-01"));
        assertThat(session.filterProperty().get().to()).isEqualTo(LocalDate.parse("2019-03-07"));
        assertThat(shown()).isEqualTo(8); // 7 SAA + 1 weekly SDF
        // the histogram ignores the dates: it still covers the whole year
        float total = 0;
        for (int b = 0; b < vm.histogramProperty().get().buckets(); b++) total += vm.histogramProperty().get().total(b);
        assertThat(total).isEqualTo(365 + 53);
    }

    @Test
    void aDateChangeElsewhereMovesTheBrush() {
        session.filterProperty().set(session.filterProperty().get().withDates(LocalDate.parse("2019-06-01"),
                LocalDate.parse("2019-06-30")));
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-06-01"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-06-30"));
        session.filterProperty().set(session.filterProperty().get().withDates(null, null));
        assertThat(vm.brushToProperty().get()).isEqualTo(vm.dataTo());
    }

    @Test
    void factionFilterChangesTheHistogram() {
        int sdf = Fixtures.catalog().ordinal("SDF");
        int saa = Fixtures.catalog().ordinal("SAA");
        var before = vm.histogramProperty().get();
        session.filterProperty().set(session.filterProperty().get().withFactions(Set.of("SDF")));
        var after = vm.histogramProperty().get();
        assertThat(after).isNotSameAs(before);
        int saaCount = 0, sdfCount = 0;
        for (int b = 0; b < after.buckets(); b++) { saaCount += after.exact(b, saa); sdfCount += after.exact(b, sdf); }
        assertThat(saaCount).isZero();
        assertThat(sdfCount).isEqualTo(53);
        assertThat(shown()).isEqualTo(53);
    }

    @Test
    void playAdvancesTheWindowByWholeStepsAtTheSetSpeed() {
        vm.setBrush(day("2019-01-01"), day("2019-01-07"));
        vm.speedProperty().set(7);   // a week per second
        vm.stepProperty().set(1);
        vm.play();
        assertThat(vm.playingProperty().get()).isTrue();
        ticker.tick(0.5);            // 3.5 days → 3 whole steps
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-01-04"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-01-10"));
        ticker.tick(0.5);            // carried half day + 3.5 → 4
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-01-08"));
        assertThat(session.filterProperty().get().from()).isEqualTo(LocalDate.parse("2019-01-08"));
        vm.pause();
        ticker.tick(10);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-01-08"));
    }

    @Test
    void cumulativeModeGrowsFromTheFirstDayAndPlaybackStopsAtTheEndUnlessLooping() {
        vm.modeProperty().set(TimelineViewModel.Mode.CUMULATIVE);
        vm.setBrush(day("2019-06-01"), day("2019-06-10"));
        vm.stepProperty().set(7);
        vm.speedProperty().set(70);
        vm.play();
        assertThat(vm.brushFromProperty().get()).isEqualTo(vm.dataFrom());
        ticker.tick(0.1);            // 7 days
        assertThat(vm.brushFromProperty().get()).isEqualTo(vm.dataFrom());
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-06-17"));
        ticker.tick(100);            // far past the end: stops at the last day
        assertThat(vm.brushToProperty().get()).isEqualTo(vm.dataTo());
        ticker.tick(0.1);
        assertThat(vm.playingProperty().get()).isFalse();

        vm.loopProperty().set(true);
        vm.play();                   // at the end: rewinds
        assertThat(vm.brushToProperty().get()).isEqualTo(vm.dataFrom() + 6);
        ticker.tick(100);
        ticker.tick(0.1);            // past the end with loop on: back to the start
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(vm.brushToProperty().get()).isEqualTo(vm.dataFrom() + 6);
    }

    @Test
    void zoomKeepsTheAnchorAndPicksTheBucket() {
        vm.widthProperty().set(1200);
        vm.setView(day("2019-01-01"), day("2019-12-31"));
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.DAY);
        vm.zoom(4, day("2019-07-01"));
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.WEEK);
        vm.setBrush(day("2019-03-01"), day("2019-03-31"));
        vm.zoomToBrush();
        assertThat(vm.viewFromProperty().get()).isBetween(day("2019-02-20"), day("2019-03-01"));
        assertThat(vm.viewToProperty().get()).isBetween(day("2019-03-31"), day("2019-04-10"));
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.DAY);
    }

    @Test
    void keyboardStepsAndJumpToDateKeepTheBrushWidth() {
        vm.setBrush(day("2019-03-01"), day("2019-03-07"));
        vm.stepProperty().set(7);
        vm.stepBrush(1);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-03-08"));
        vm.stepBrush(-2);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-02-22"));
        vm.jumpTo(LocalDate.parse("2019-10-10"));
        assertThat(vm.brushToProperty().get() - vm.brushFromProperty().get()).isEqualTo(6);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2019-10-07"));
    }
}
