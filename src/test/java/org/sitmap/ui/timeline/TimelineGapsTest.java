package org.sitmap.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.render.TimelineRenderer;
import org.sitmap.render.TimelineScale;
import org.sitmap.testutil.SeedIndex;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

/** The seed data (2020 and 2024, nothing between): the empty years collapse into a break; brush and playback. */
class TimelineGapsTest {
    private final TimelineViewModelTest.ManualTicker ticker = new TimelineViewModelTest.ManualTicker();
    private SessionViewModel session;
    private TimelineViewModel vm;
    private IncidentIndex ix;

    private static int day(String iso) { return (int) LocalDate.parse(iso).toEpochDay(); }

    @BeforeEach
    void setUp() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[0]));
        session = ws.session();
        vm = new TimelineViewModel(ws, ticker);
        vm.widthProperty().set(1350);
        ix = SeedIndex.load();
        session.indexProperty().set(ix);
    }

    @Test
    void theEmptyYearsBecomeOneBreakAndEveryIncidentGetsAWideBar() {
        List<TimelineScale.Gap> gaps = vm.activeGaps();
        assertThat(gaps).hasSize(1);
        TimelineScale.Gap g = gaps.get(0);
        assertThat(g.from()).isBetween(day("2020-09-01"), day("2020-10-31"));
        assertThat(g.to()).isBetween(day("2024-10-01"), day("2024-11-26"));
        TimelineScale s = vm.scale(140);
        assertThat(s.gaps()).hasSize(1);
        // each incident's day is at least 5 pixels wide, inside the picture, and its bar lands on its own day
        org.sitmap.index.Bucket b = TimelineRenderer.bucketFor(s);
        int d = day("2024-11-29");
        assertThat(s.x(b.next(b.floor(d))) - s.x(b.floor(d))).isGreaterThanOrEqualTo(5);
        for (int r = 0; r < ix.size(); r++) {
            double x = s.x(ix.day(r));
            assertThat(x).isBetween((double) TimelineScale.MARGIN, (double) s.width() - TimelineScale.MARGIN);
            assertThat(s.day(x + s.pxPerDay() / 2)).isEqualTo(ix.day(r));
            assertThat(s.hidden(ix.day(r))).isFalse();
        }
        // the 2024 days (three of them) together take more than a tenth of the shown width, not a sliver
        assertThat(s.x(day("2024-11-30")) - s.x(day("2024-11-27"))).isGreaterThan(15);
    }

    @Test
    void theScaleIsContinuousAcrossTheBreakAndDraggingSnapsToItsSides() {
        TimelineScale s = vm.scale(140);
        TimelineScale.Gap g = s.gaps().get(0);
        double left = s.x(g.from());
        double right = s.x(g.to() + 1);
        assertThat(right - left).isEqualTo(TimelineScale.BREAK_PX, org.assertj.core.data.Offset.offset(1e-6));
        for (double x = TimelineScale.MARGIN; x < s.width() - TimelineScale.MARGIN; x += 0.5) {
            assertThat(s.x(s.dayAt(x))).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(s.dayEdge(left + 2)).isEqualTo(g.from());
        assertThat(s.dayEdge(right - 2)).isEqualTo(g.to() + 1);
    }

    @Test
    void playbackJumpsOverTheBreakAndTheFilterFollows() {
        vm.stepProperty().set(7);
        vm.speedProperty().set(7);
        vm.setBrush(day("2020-08-20"), day("2020-08-26"));
        vm.play();
        int before = vm.brushToProperty().get();
        TimelineScale.Gap g = vm.activeGaps().get(0);
        double t = 0;
        ticker.at(t);
        for (int k = 0; k < 12 && vm.brushToProperty().get() < day("2024-11-27"); k++) {
            ticker.at(t += 1);
            int end = vm.brushToProperty().get();
            assertThat(end >= g.from() && end <= g.to()).as("brush end %s inside the break", LocalDate.ofEpochDay(end)).isFalse();
        }
        assertThat(vm.brushToProperty().get()).isGreaterThan(before);
        assertThat(vm.brushToProperty().get()).isGreaterThanOrEqualTo(day("2024-11-27"));
        assertThat(session.filterProperty().get().to()).isEqualTo(LocalDate.ofEpochDay(vm.brushToProperty().get()));
    }

    @Test
    void breaksCanBeSwitchedOffForALinearAxis() {
        vm.collapseGapsProperty().set(false);
        assertThat(vm.scale(140).gaps()).isEmpty();
        assertThat(vm.activeGaps()).isEmpty();
        vm.collapseGapsProperty().set(true);
        assertThat(vm.scale(140).gaps()).hasSize(1);
    }

    @Test
    void dataWithoutLongEmptyStretchesHasNoBreak() {
        assertThat(TimelineGaps.find(ix, ix.minDay(), day("2020-09-30"))).isEmpty();
    }
}
