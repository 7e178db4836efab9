package org.sitmap.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Bucket;
import org.sitmap.index.Fixtures;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

class TimelineViewModelTest {
    /** A clock driven by the test: no sleeps. */
    static final class ManualTicker implements TimelineViewModel.Ticker {
        LongConsumer frame;
        int starts;
        int stops;

        @Override public void start(LongConsumer frameNanos) { frame = frameNanos; starts++; }

        @Override public void stop() { frame = null; stops++; }

        void at(double seconds) { if (frame != null) frame.accept((long) (seconds * 1e9)); }
    }

    private final ManualTicker ticker = new ManualTicker();
    private SessionViewModel session;
    private TimelineViewModel vm;

    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    @BeforeEach
    void setUp() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[0]));
        session = ws.session();
        vm = new TimelineViewModel(ws, ticker);
        List<Incident> l = new ArrayList<>();
        LocalDate d = LocalDate.parse("2016-01-01");
        int id = 1;
        while (!d.isAfter(LocalDate.parse("2019-12-31"))) {   // one incident every ten days, 2016-2019
            l.add(Fixtures.incident(id++, d.toString(), "A", 35, 36, SubEventType.SHELLING, id % 2 == 0 ? "SAA" : "HTS"));
            d = d.plusDays(10);
        }
        l.add(Fixtures.incident(id, "2019-12-31", "A", 35, 36, SubEventType.SHELLING, "SDF"));
        vm.widthProperty().set(1200);
        session.indexProperty().set(IncidentIndex.of(Fixtures.catalog(), l));
    }

    private int shown() { return session.shownProperty().get().count(); }

    @Test
    void startsWithTheWholeSpanBrushedAndNothingHidden() {
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2016-01-01"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-12-31"));
        assertThat(session.filterProperty().get().from()).isNull();
        assertThat(vm.viewFromProperty().get()).isLessThanOrEqualTo(day("2016-01-01"));
        assertThat(vm.viewToProperty().get()).isGreaterThanOrEqualTo(day("2019-12-31"));
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.WEEK);
        assertThat(shown()).isEqualTo(148);
    }

    @Test
    void theBrushIsTheFiltersDateRange() {
        vm.setBrush(day("2017-01-31"), day("2017-01-01"));
        FilterSpec spec = session.filterProperty().get();
        assertThat(spec.from()).isEqualTo(LocalDate.parse("2017-01-01"));
        assertThat(spec.to()).isEqualTo(LocalDate.parse("2017-01-31"));
        assertThat(shown()).isEqualTo(3);
        assertThat(vm.brushTextProperty().get()).isEqualTo("2017-01-01 – 2017-01-31  (31 days)");
        // a range set elsewhere (the filter panel) moves the brush
        session.filterProperty().set(spec.withDates(LocalDate.parse("2018-03-01"), LocalDate.parse("2018-03-10")));
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2018-03-01"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2018-03-10"));
        // the whole span again: no date restriction
        vm.setBrush(day("2010-01-01"), day("2030-01-01"));
        assertThat(session.filterProperty().get().from()).isNull();
        assertThat(session.filterProperty().get().to()).isNull();
    }

    @Test
    void keysStepTheBrushAndJumpToTheEnds() {
        vm.stepProperty().set(7);
        vm.setBrush(day("2017-01-01"), day("2017-01-31"));
        vm.stepBrush(1, false);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-08"));
        vm.stepBrush(-1, true);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2016-12-08"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2017-01-07"));
        vm.brushToEnd();
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-12-31"));
        assertThat(vm.brushToProperty().get() - vm.brushFromProperty().get()).isEqualTo(30);
        vm.brushToStart();
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2016-01-01"));
        assertThat(vm.jumpTo(LocalDate.parse("2018-06-15"))).isTrue();
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2018-06-15") - 15);
        assertThat(vm.jumpTo(LocalDate.parse("2021-01-01"))).isFalse();
    }

    @Test
    void zoomPicksTheBarWidth() {
        vm.setBrush(day("2017-03-01"), day("2017-03-20"));
        vm.zoomToBrush();
        assertThat(vm.viewFromProperty().get()).isLessThanOrEqualTo(day("2017-03-01"));
        assertThat(vm.viewToProperty().get()).isGreaterThanOrEqualTo(day("2017-03-20"));
        assertThat(vm.viewToProperty().get() - vm.viewFromProperty().get()).isLessThan(30);
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.DAY);
        int anchor = day("2017-03-10");
        vm.zoom(100, anchor);
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.MONTH);
        vm.showAll();
        assertThat(vm.bucketProperty().get()).isEqualTo(Bucket.WEEK);
        vm.zoom(0.5, anchor);
        int days = vm.viewToProperty().get() - vm.viewFromProperty().get() + 1;
        assertThat(days).isBetween(740, 760);
    }

    @Test
    void playAdvancesTheWindowByWholeSteps() {
        vm.speedProperty().set(7);
        vm.stepProperty().set(7);
        vm.setBrush(day("2017-01-01"), day("2017-01-30"));
        vm.play();
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(ticker.starts).isEqualTo(1);
        ticker.at(10);
        ticker.at(10.5);   // 3.5 days owed: not a whole step yet
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-01"));
        ticker.at(11);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-08"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2017-02-06"));
        assertThat(session.filterProperty().get().from()).isEqualTo(LocalDate.parse("2017-01-08"));
        ticker.at(14);   // three more steps
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-29"));
        vm.pause();
        assertThat(ticker.stops).isEqualTo(1);
        ticker.at(20);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-29"));
    }

    @Test
    void cumulativeModeMovesOnlyTheEndAndStopsOrLoopsAtTheEnd() {
        vm.modeProperty().set(TimelineViewModel.Mode.CUMULATIVE);
        vm.speedProperty().set(365);
        vm.stepProperty().set(30);
        vm.play();   // the brush covered everything: starts with the first step
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2016-01-01"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2016-01-30"));
        ticker.at(0);
        ticker.at(1);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2016-01-01"));
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2016-01-30") + 360);
        for (int s = 2; s <= 5; s++) ticker.at(s);
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-12-31"));
        ticker.at(6);
        assertThat(vm.playingProperty().get()).isFalse();

        vm.loopProperty().set(true);
        vm.modeProperty().set(TimelineViewModel.Mode.WINDOW);
        vm.setBrush(day("2019-11-01"), day("2019-11-30"));
        vm.play();
        ticker.at(0);
        ticker.at(1);   // reaches the end
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2019-12-31"));
        ticker.at(2);   // starts again
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2016-01-01"));
        assertThat(vm.playingProperty().get()).isTrue();
    }

    @Test
    void aLiveImportKeepsTheZoomAndThePlaybackButAnotherStoreResetsThem() {
        vm.speedProperty().set(7);
        vm.stepProperty().set(7);
        vm.setBrush(day("2017-01-01"), day("2017-01-30"));
        vm.zoomToBrush();
        vm.play();
        ticker.at(10);
        ticker.at(11);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-08"));
        int from = vm.viewFromProperty().get();
        int to = vm.viewToProperty().get();
        assertThat(to - from).isLessThan(60);   // zoomed in

        // another analyst's import arrives: a few more incidents, two of them in 2020, past the old end
        session.growIndex(index("2020-06-30"));
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(ticker.stops).isZero();
        assertThat(vm.viewFromProperty().get()).isEqualTo(from);
        assertThat(vm.viewToProperty().get()).isEqualTo(to);
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-08"));
        ticker.at(12);   // playback goes on from where it was
        assertThat(vm.brushFromProperty().get()).isEqualTo(day("2017-01-15"));
        vm.brushToEnd();   // and now reaches the new end
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2020-06-30"));

        // opening or reloading a store is not a growth: playback stops, the whole span is shown
        session.indexProperty().set(index("2021-01-31"));
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.viewToProperty().get()).isGreaterThanOrEqualTo(day("2021-01-31"));
        assertThat(vm.viewFromProperty().get()).isLessThanOrEqualTo(day("2016-01-01"));
    }

    @Test
    void aLiveImportWidensAViewOfTheWholeSpan() {
        session.growIndex(index("2020-06-30"));
        assertThat(vm.viewFromProperty().get()).isLessThanOrEqualTo(day("2016-01-01"));
        assertThat(vm.viewToProperty().get()).isGreaterThanOrEqualTo(day("2020-06-30"));
        assertThat(session.filterProperty().get().from()).isNull();   // the brush still covers everything
        assertThat(vm.brushToProperty().get()).isEqualTo(day("2020-06-30"));
    }

    /** The set-up's incidents, plus one on 2019-06-01 and two in 2020 ending on {@code last}. */
    private static IncidentIndex index(String last) {
        List<Incident> l = new ArrayList<>();
        LocalDate d = LocalDate.parse("2016-01-01");
        int id = 1;
        while (!d.isAfter(LocalDate.parse("2019-12-31"))) {
            l.add(Fixtures.incident(id++, d.toString(), "A", 35, 36, SubEventType.SHELLING, id % 2 == 0 ? "SAA" : "HTS"));
            d = d.plusDays(10);
        }
        l.add(Fixtures.incident(id++, "2019-12-31", "A", 35, 36, SubEventType.SHELLING, "SDF"));
        l.add(Fixtures.incident(id++, "2019-06-01", "B", 35, 36, SubEventType.SHELLING, "SDF"));
        l.add(Fixtures.incident(id++, "2020-01-10", "B", 35, 36, SubEventType.SHELLING, "SDF"));
        l.add(Fixtures.incident(id, last, "B", 35, 36, SubEventType.SHELLING, "SDF"));
        return IncidentIndex.of(Fixtures.catalog(), l);
    }

    @Test
    void theBrushsDayCountIsGroupedAsTheFormatterGroupsIt() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 999_999, 1_000_000, Integer.MAX_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE + 1, -1000, -999_999};
        for (long n : edges) {
            assertThat(TimelineViewModel.grouped(n)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
        }
        for (int k = 0; k < 10_000; k++) {
            long n = rnd.nextLong() >> rnd.nextInt(64);
            assertThat(TimelineViewModel.grouped(n)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
        }
    }
}
