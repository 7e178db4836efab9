package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Fixtures;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.MemorySource;

/** The workspace without a toolkit: one text-search cache forgotten on reload, one way of running tasks. */
class WorkspaceTest {
    @Test
    void oneTextSearchPerChangeOfWordsAndNoStaleIdsAfterAReload() {
        MemorySource store = MemorySource.sample();
        AtomicInteger searches = new AtomicInteger();
        IncidentSource counting = new IncidentSource() {
            @Override public org.sitmap.index.IncidentIndex loadIndex() { return store.loadIndex(); }

            @Override public long[] searchText(String words) {
                searches.incrementAndGet();
                return store.searchText(words);
            }

            @Override public java.util.Optional<org.sitmap.model.Incident> incident(long id) { return store.incident(id); }

            @Override public String name() { return "counting"; }

            @Override public void close() { }
        };
        Workspace ws = TestWorkspace.loaded(counting);
        ws.session().filterProperty().set(ws.session().filterProperty().get().withText("Nayrab"));
        assertThat(ws.session().shownProperty().get().count()).isEqualTo(2);
        assertThat(ws.textMatches("Nayrab")).containsExactlyInAnyOrder(2, 3);
        assertThat(searches).as("the filter and a second reader share one search").hasValue(1);

        store.add(Fixtures.incident(5, "2019-05-10", "Nayrab", 35.80, 36.83, SubEventType.SHELLING, "SAA"));
        ws.reload();   // after an import
        assertThat(ws.textMatches("Nayrab")).containsExactlyInAnyOrder(2, 3, 5);
        assertThat(ws.session().shownProperty().get().count()).isEqualTo(3);
    }

    @Test
    void tasksReportBusyProgressResultAndFailureOneWay() {
        List<Runnable> worker = new ArrayList<>();
        Workspace ws = TestWorkspace.over(worker::add, Runnable::run, TestWorkspace.source(null, w -> new long[0]));
        Tasks tasks = ws.tasks();
        assertThat(tasks.run("Working…", p -> {
            p.message("half way");
            return 42;
        }, n -> "done: " + n)).isTrue();
        assertThat(tasks.busyProperty().get()).isTrue();
        assertThat(tasks.messageProperty().get()).isEqualTo("Working…");
        assertThat(tasks.run("again", p -> 1, n -> "x")).as("one job at a time").isFalse();
        worker.remove(0).run();
        assertThat(tasks.busyProperty().get()).isFalse();
        assertThat(tasks.messageProperty().get()).isEqualTo("done: 42");

        tasks.run("Failing…", p -> {
            throw new java.io.IOException("disk full");
        }, n -> "never");
        worker.remove(0).run();
        assertThat(tasks.messageProperty().get()).isEqualTo("disk full");
        assertThat(tasks.busyProperty().get()).isFalse();

        tasks.run("Long…", p -> p.cancelled() ? "stopped" : "ran", r -> r);
        tasks.cancel("Cancelling…", true);
        assertThat(tasks.messageProperty().get()).isEqualTo("Cancelling…");
        worker.remove(0).run();
        assertThat(tasks.messageProperty().get()).isEqualTo("stopped");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aLatestOnlyLaneReportsItsFailureInTheStatusLine() {
        Workspace ws = TestWorkspace.loaded(TestWorkspace.source(null, w -> new long[0]));
        ws.<Integer>latest("Counting").submit(() -> {
            throw new IllegalStateException("broken index");
        }, n -> { });
        assertThat(ws.session().messageProperty().get()).isEqualTo("Counting failed: broken index");
    }

    /** Closing the window's workspace stops its worker and the tile threads it owns. */
    @Test
    void closingStopsTheWorkerAndTheTileThreads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.sitmap.ui.map.tiles.MapTiles tiles = org.sitmap.ui.map.tiles.MapTiles.offline(dir);
        Workspace ws = Workspace.open(db -> MemorySource.sample(), null, tiles, Runnable::run);
        java.util.concurrent.CompletableFuture<Thread> worker = new java.util.concurrent.CompletableFuture<>();
        ws.execute(() -> worker.complete(Thread.currentThread()));
        java.util.concurrent.CompletableFuture<Thread> tile = new java.util.concurrent.CompletableFuture<>();
        tiles.pool().execute(() -> tile.complete(Thread.currentThread()));
        Thread w = worker.get(10, java.util.concurrent.TimeUnit.SECONDS);
        Thread t = tile.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(w.getName()).isEqualTo("sitmap-worker");
        assertThat(t.getName()).startsWith("sitmap-tiles-");
        ws.close();
        w.join(10_000);
        t.join(10_000);
        assertThat(w.isAlive()).isFalse();
        assertThat(t.isAlive()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiles.pool().execute(() -> { }))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }
}
