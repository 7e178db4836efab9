package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    /** An executor that queues tasks until the test runs them: deterministic, no threads. */
    static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) { tasks.add(r); }

        void runAll() { while (!tasks.isEmpty()) tasks.poll().run(); }
    }

    @Test
    void requestsMadeWhileBusyAreMergedIntoTheNewest() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        List<Integer> computed = new ArrayList<>();
        List<Integer> committed = new ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(worker, ui, e -> { throw new AssertionError(e); });
        for (int k = 1; k <= 5; k++) {
            int v = k;
            c.submit(() -> { computed.add(v); return v; }, committed::add);
        }
        worker.runAll();
        ui.runAll();
        assertThat(computed).containsExactly(5);
        assertThat(committed).containsExactly(5);
    }

    @Test
    void staleResultsAreNotCommitted() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        List<Integer> committed = new ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(worker, ui, e -> { throw new AssertionError(e); });
        c.submit(() -> 1, committed::add);
        worker.runAll();
        c.submit(() -> 2, committed::add);
        ui.runAll();
        assertThat(committed).isEmpty();
        worker.runAll();
        ui.runAll();
        assertThat(committed).containsExactly(2);
    }

    @Test
    void failuresReachTheErrorHandlerOnTheUiExecutor() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        List<Throwable> errors = new ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(worker, ui, errors::add);
        c.submit(() -> { throw new IllegalStateException("boom"); }, v -> { });
        worker.runAll();
        assertThat(errors).isEmpty();
        ui.runAll();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }

    @Test
    void requestsAfterTheWorkerWasShutDownAreDroppedWithoutAnError() {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        worker.shutdown();
        ManualExecutor ui = new ManualExecutor();
        List<Integer> committed = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(worker, ui, errors::add);
        // a layout pass of a closed window asks for a frame twice: neither call throws, nothing runs
        c.submit(() -> 1, committed::add);
        c.submit(() -> 2, committed::add);
        ui.runAll();
        assertThat(committed).isEmpty();
        assertThat(errors).isEmpty();
    }
}
