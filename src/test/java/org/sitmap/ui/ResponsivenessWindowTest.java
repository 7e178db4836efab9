package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sitmap.bench.SyntheticData;
import org.sitmap.index.IncidentIndex;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.BBox;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.Place;
import org.sitmap.ui.session.IncidentSource;
import org.sitmap.ui.timeline.TimelinePane;
import org.sitmap.ui.timeline.TimelineViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window stays responsive on a large store: while it loads {@value #DEFAULT_ROWS} synthetic incidents (the
 * benchmark's, built in memory), filters them (a faction, an area, back to all) and plays the timeline back, a
 * {@link Probe} records how long the project's code held the FX thread in one call; it must stay under
 * {@link #BUDGET_MS}. Another test blocks the FX thread on purpose and checks that the probe sees it, so the check
 * can fail.
 *
 * <p>Size: {@code -Dsitmap.responsiveness.rows=10000000} runs the ten-million case (about a minute; heap 2 GB is
 * enough); CI runs the default size. The budget is generous for a shared 2-core CI machine under load (a missed
 * pulse or two, a young GC); a frame's work done on the FX thread at 10M rows (a pass over the rows) takes
 * hundreds of milliseconds and fails it.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessWindowTest {
    static final int DEFAULT_ROWS = 300_000;
    /** The longest pause between two pulses allowed, in ms. */
    static final long BUDGET_MS = Long.getLong("sitmap.responsiveness.budget", 100);

    private MainWindow window;
    private final Probe probe = new Probe();

    /**
     * Watches the FX thread: the longest gap between two pulses (an {@link AnimationTimer}: rendering, layout,
     * the machine's load and our code all count) and, sampled every few milliseconds by a watchdog thread, the
     * longest stretch the FX thread spent inside one call of the project's code (same outermost {@code org.sitmap}
     * frame in consecutive samples), as the FX thread's CPU time over that stretch (so the time it waited for a
     * core on a loaded machine is not counted), with where. Our code holding the FX thread is what this test
     * bounds; the pulse gaps are reported (on a loaded software-rendering CI machine they include the toolkit's
     * own frames and the wait for a core).
     */
    static final class Probe extends AnimationTimer {
        private static final long SAMPLE_MS = 4;
        private volatile long last;
        private volatile long longestNanos;
        private volatile Thread fx;
        private volatile long busyNanos;
        private volatile String busyWhere = "";

        @Override
        public void handle(long now) {
            fx = Thread.currentThread();
            long prev = last;
            if (prev != 0) longestNanos = Math.max(longestNanos, now - prev);
            last = now;
        }

        @Override
        public void start() {
            super.start();
            Thread dog = new Thread(this::watch, "fx-watchdog");
            dog.setDaemon(true);
            dog.start();
        }

        private void watch() {
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            String entry = null;
            long since = 0;
            while (true) {
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
                Thread t = fx;
                if (t == null) continue;
                String outer = null;
                String deepest = null;
                for (StackTraceElement e : t.getStackTrace()) {
                    if (!e.getClassName().startsWith("org.sitmap") || e.getClassName().contains("$Probe")) continue;
                    outer = e.getClassName().replace("org.sitmap.", "") + "." + e.getMethodName() + ":"
                            + e.getLineNumber();
                    if (deepest == null) deepest = outer;
                }
                long cpu = threads.getThreadCpuTime(t.getId());
                if (outer == null || !outer.equals(entry)) {
                    entry = outer;
                    since = cpu;
                    seen.clear();
                    if (deepest != null) seen.merge(deepest, 1, Integer::sum);
                    continue;
                }
                seen.merge(deepest, 1, Integer::sum);
                if (cpu - since > busyNanos) {
                    busyNanos = cpu - since;
                    StringBuilder where = new StringBuilder(outer).append(", samples in:");
                    seen.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(4)
                            .forEach(e -> where.append(' ').append(e.getKey()).append(" ×").append(e.getValue()));
                    busyWhere = where.toString();
                }
            }
        }

        void restart() {
            last = 0;
            longestNanos = 0;
            busyNanos = 0;
            busyWhere = "";
        }

        long longestMs() {
            return longestNanos / 1_000_000;
        }

        long busyMs() {
            return busyNanos / 1_000_000;
        }

        String busyWhere() {
            return busyWhere;
        }
    }

    /** An in-memory store of the benchmark's synthetic incidents. */
    static final class BigSource implements IncidentSource {
        private final int rows;

        BigSource(int rows) {
            this.rows = rows;
        }

        @Override
        public IncidentIndex loadIndex() {
            List<Place> towns = Gazetteer.readShipped().stream().filter(p -> "SY".equals(p.countryCode())
                    && p.featureCode() != null && p.featureCode().startsWith("PPL") && p.source() != null
                    && p.source().startsWith("GeoNames")).toList();
            return new SyntheticData(towns).index(org.sitmap.model.FactionCatalog.shipped(), rows, 42);
        }

        @Override public long[] searchText(String words) { return new long[0]; }

        @Override public Optional<Incident> incident(long id) { return Optional.empty(); }

        @Override public String name() { return "synthetic"; }

        @Override public void close() { }
    }

    @Start
    void start(Stage stage) {
        int rows = Integer.getInteger("sitmap.responsiveness.rows", DEFAULT_ROWS);
        window = new MainWindow(new MainWindow.Options(null, true), db -> new BigSource(rows));
        stage.setScene(new Scene(window.root(), 1300, 850));
        stage.show();
        probe.start();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(probe::stop).get();
        window.close();
    }

    private static void waitFor(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    @Test
    void loadingFilteringAndPlaybackNeverBlockTheFxThread(FxRobot robot) throws Exception {
        int rows = Integer.getInteger("sitmap.responsiveness.rows", DEFAULT_ROWS);
        robot.interact(() -> {
            probe.restart();
            window.loadAsync();
        });
        var layer = window.mapPane().layer();
        TimelinePane tl = robot.lookup("#timeline").queryAs(TimelinePane.class);
        waitFor(300, () -> window.session().shownProperty().get() != null
                && window.session().shownProperty().get().count() == rows
                && layer.drawnCountProperty().get() > 0 && tl.histogramProperty().get() != null);

        long[] loading = {probe.longestMs(), probe.busyMs()};
        String loadingWhere = probe.busyWhere();

        // filtering: one faction, then an area, then everything again; each waits for its map and histogram
        FilterSpec base = window.session().filterProperty().get();
        List<FilterSpec> specs = List.of(base.withFactions(Set.of("SAA")),
                base.withFactions(Set.of("SAA")).withBbox(new BBox(35.8, 35.0, 38.5, 37.0)), base);
        robot.interact(probe::restart);
        for (FilterSpec spec : specs) {
            var before = tl.histogramProperty().get();
            robot.interact(() -> window.session().filterProperty().set(spec));
            waitFor(120, () -> tl.histogramProperty().get() != before
                    && window.session().shownProperty().get() != null
                    && window.session().filterProperty().get().equals(spec));
        }
        long[] filtering = {probe.longestMs(), probe.busyMs()};
        String filteringWhere = probe.busyWhere();

        // playback: a 30-day window moving a week per step, ten steps
        TimelineViewModel vm = tl.viewModel();
        robot.interact(() -> {
            probe.restart();
            vm.stepProperty().set(7);
            vm.speedProperty().set(91);
            vm.setBrush(vm.dataFrom(), vm.dataFrom() + 29);
            vm.play();
        });
        int start = vm.brushFromProperty().get();
        waitFor(120, () -> vm.brushFromProperty().get() >= start + 10 * 7);
        robot.interact(vm::pause);
        long[] playback = {probe.longestMs(), probe.busyMs()};
        String playbackWhere = probe.busyWhere();

        System.out.printf("responsiveness at %,d rows (budget %d ms): longest pulse gap / longest project call on "
                + "the FX thread: loading %d / %d ms, filtering %d / %d ms, playback %d / %d ms%n", rows, BUDGET_MS,
                loading[0], loading[1], filtering[0], filtering[1], playback[0], playback[1]);
        System.out.println("  loading: " + loadingWhere);
        System.out.println("  filtering: " + filteringWhere);
        System.out.println("  playback: " + playbackWhere);
        assertThat(loading[1]).as("FX thread held while loading, in %s", loadingWhere).isLessThanOrEqualTo(BUDGET_MS);
        assertThat(filtering[1]).as("FX thread held while filtering, in %s", filteringWhere)
                .isLessThanOrEqualTo(BUDGET_MS);
        assertThat(playback[1]).as("FX thread held during playback, in %s", playbackWhere)
                .isLessThanOrEqualTo(BUDGET_MS);
    }

    @Test
    void theProbeSeesABlockedFxThread(FxRobot robot) throws Exception {
        robot.interact(probe::restart);
        waitFor(10, () -> probe.longestNanos > 0);   // pulses and the watchdog are running
        robot.interact(() -> {
            // busy for three budgets of the FX thread's own CPU time (a loaded machine lends it only part of a core)
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(3 * BUDGET_MS);
            while (threads.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();   // the FX thread busy, as a frame computed on it would keep it
            }
        });
        waitFor(10, () -> probe.busyMs() > BUDGET_MS);
        assertThat(probe.busyWhere()).contains("ResponsivenessWindowTest");
    }
}
