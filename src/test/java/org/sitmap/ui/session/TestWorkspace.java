package org.sitmap.ui.session;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.ui.map.tiles.MapTiles;

/** Workspaces for view-model tests: no toolkit, executors given (direct ones run everything at once, in order). */
public final class TestWorkspace {
    private TestWorkspace() { }

    /** A source with this index (may be null) whose text search is {@code search}. */
    public static IncidentSource source(IncidentIndex index, Function<String, long[]> search) {
        return new IncidentSource() {
            @Override public IncidentIndex loadIndex() { return index; }

            @Override public long[] searchText(String words) { return search.apply(words); }

            @Override public Optional<Incident> incident(long id) { return Optional.empty(); }

            @Override public String name() { return "test"; }

            @Override public void close() { }
        };
    }

    /** A workspace on direct executors over {@code src}, already loaded. */
    public static Workspace loaded(IncidentSource src) {
        return loaded(src, null);
    }

    /** As {@link #loaded(IncidentSource)} with tiles (exports need them). */
    public static Workspace loaded(IncidentSource src, MapTiles tiles) {
        Workspace ws = new Workspace(Runnable::run, Runnable::run, db -> src, null, tiles);
        ws.load();
        return ws;
    }

    /** A workspace over given executors, not loaded yet (call {@link Workspace#load()}). */
    public static Workspace over(Executor worker, Executor ui, IncidentSource src) {
        return new Workspace(worker, ui, db -> src, null, null);
    }

    /** Counts the store (re)loads the workspace starts from now on (an import ends with one). */
    public static java.util.concurrent.atomic.AtomicInteger countLoads(Workspace ws) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ws.loadingProperty().addListener((o, was, now) -> { if (now) n.incrementAndGet(); });
        return n;
    }

    /**
     * A workspace on direct executors over the store at {@code db} (made when missing), opened for reading as the
     * window opens it, and loaded.
     */
    public static Workspace onStore(java.nio.file.Path db, MapTiles tiles) {
        if (!java.nio.file.Files.exists(db)) org.sitmap.store.gpkg.IncidentStore.open(db).close();
        Workspace ws = new Workspace(Runnable::run, Runnable::run,
                f -> new StoreSource(org.sitmap.store.gpkg.IncidentStore.openReadOnly(f)), db, tiles);
        ws.load();
        return ws;
    }
}
