package org.sitmap.ui.session;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sitmap.index.IncidentIndex;
import org.sitmap.store.StoreFault;
import org.sitmap.ui.map.tiles.MapTiles;

/**
 * Everything behind one window: the open store ({@link IncidentSource}), the in-memory index with the filter and
 * the selection ({@link #session()}), the one full-text search cache, the map's tile chain with its network policy
 * ({@link MapTiles}), and the one worker thread with its task API. View models get the workspace and nothing else;
 * they never open the store or hold executors of their own.
 *
 * <p>Data flow: a click changes a property of {@link #session()} on the FX thread → the session captures the index
 * and filter and hands the filtering to the worker through a {@link Coalescer} ({@link #latest}) → the result
 * ({@code Selection}) is committed on the FX thread → the map layer, timeline, table and legend redraw from it,
 * each again through its own latest-only lane on the worker. Imports and exports are one-off {@link Tasks} on the
 * same worker; an import ends with {@link #reload()}, which forgets the text matches and loads the index again.
 *
 * <p>Threading: construct and call on the FX thread, except where a method says "worker only". Every job runs on
 * the one worker ({@code sitmap-worker}), so store access is serial; results come back through the {@code ui} executor
 * (the FX thread in the window, a direct executor in tests). {@link #close()} shuts the worker and the tile threads.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Workspace.class.getName());

    private final ExecutorService ownedWorker;
    private final Executor worker;
    private final Executor ui;
    private final Function<Path, IncidentSource> opener;
    private final Path db;
    private final MapTiles tiles;
    private final SessionViewModel session;
    private final BooleanProperty writable = new SimpleBooleanProperty(true);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<Failure> trouble = new SimpleObjectProperty<>();
    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final javafx.beans.property.StringProperty arrived = new javafx.beans.property.SimpleStringProperty("");
    private volatile LiveUpdates live;
    // the index last handed to the FX thread; worker only (a live growth starts from it)
    private IncidentIndex shownIndex;
    private volatile IncidentSource source;
    private volatile boolean loadCancelled;
    // the one text-search cache; worker only (every search runs there)
    private String lastText;
    private long[] lastIds;

    /** A failed store opening: its one-line message and the exception (for the quick check). */
    public record Failure(String message, RuntimeException cause) { }

    /**
     * A workspace with its own worker thread ({@code sitmap-worker}).
     *
     * @param opener opens the store at a path (null: the default store); runs on the worker
     * @param db     the store asked for, or null for the default store
     * @param tiles  the map's tiles (owned from now on: closed with the workspace)
     * @param ui     runs commits on the FX thread ({@code Platform::runLater})
     */
    public static Workspace open(Function<Path, IncidentSource> opener, Path db, MapTiles tiles, Executor ui) {
        ExecutorService w = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sitmap-worker");
            t.setDaemon(true);
            return t;
        });
        return new Workspace(w, w, ui, opener, db, tiles);
    }

    /**
     * A workspace over given executors (tests: {@code Runnable::run} for both runs everything at once, in order).
     * The executors stay the caller's.
     */
    public Workspace(Executor worker, Executor ui, Function<Path, IncidentSource> opener, Path db, MapTiles tiles) {
        this(null, worker, ui, opener, db, tiles);
    }

    private Workspace(ExecutorService owned, Executor worker, Executor ui, Function<Path, IncidentSource> opener,
                      Path db, MapTiles tiles) {
        this.ownedWorker = owned;
        this.worker = worker;
        this.ui = ui;
        this.opener = opener;
        this.db = db;
        this.tiles = tiles;
        this.session = new SessionViewModel(latest("Filtering"), this::textMatches);
    }

    // ---- state --------------------------------------------------------------------------------------------------

    /** The index, the filter, what passes it, the selection, the status line. */
    public SessionViewModel session() { return session; }

    /** The map's tile chain and network policy; exports from the window draw with the same chain. */
    public MapTiles tiles() { return tiles; }

    /** The store asked for (null: the default store), for the command lines shown to the user. */
    public Path db() { return db; }

    /** The open store; null while none is open. Worker only: its calls block. */
    public IncidentSource source() { return source; }

    /** False when the open store may not be written (read-only file or folder): imports are off. */
    public ReadOnlyBooleanProperty writableProperty() { return writable; }

    /** True while the store is opened and its index loaded. */
    public ReadOnlyBooleanProperty loadingProperty() { return loading; }

    /**
     * False while the connection to a team server is lost (the workspace reconnects on its own and then catches
     * up); always true for a store file.
     */
    public ReadOnlyBooleanProperty onlineProperty() { return online; }

    /** The last line saying what another client's import brought ("412 incidents from alice's import of …"). */
    public javafx.beans.property.ReadOnlyStringProperty arrivedProperty() { return arrived; }

    /** The last failure to open the store (the window shows the quick check's verdict); null when none. */
    public ReadOnlyObjectProperty<Failure> troubleProperty() { return trouble; }

    // ---- the task API ---------------------------------------------------------------------------------------------

    /**
     * A latest-only lane on the worker: repeated requests merge, stale results are dropped, and a failure is
     * reported as "{@code what} failed: …" in the status line (and the log).
     */
    public <T> Coalescer<T> latest(String what) {
        return new Coalescer<>(worker, ui, e -> report(what, e));
    }

    /** One-off jobs (imports, exports, file reads) with their own busy flag, progress line and cancel. */
    public Tasks tasks() {
        return new Tasks(worker, ui);
    }

    /** The one way a failure of a background job reaches the user: logged, and one line in the status bar. */
    public void report(String what, Throwable e) {
        LOG.log(Level.WARNING, what + " failed", e);
        session.messageProperty().set(what + " failed: " + e.getMessage());
    }

    /** Runs {@code job} on the worker after what is queued (for work that reports nothing). */
    public void execute(Runnable job) {
        worker.execute(job);
    }

    // ---- text search --------------------------------------------------------------------------------------------

    /**
     * Ids matching the full-text words, or null for blank words (no restriction). The last answer is kept, so the
     * map's filter, the filter panel's counts and the timeline share one SQLite query per change of words; it is
     * forgotten whenever the store is (re)loaded. Worker only.
     */
    public synchronized long[] textMatches(String words) {
        if (words == null || words.isBlank()) return null;
        IncidentSource s = source;
        if (s == null) return new long[0];
        if (!words.equals(lastText)) {
            lastIds = s.searchText(words);
            lastText = words;
        }
        return lastIds;
    }

    // ---- the store ------------------------------------------------------------------------------------------------

    /**
     * Opens the store (for reading only) and loads its index on the worker; the views fill in as the index arrives.
     * A store that may not be written turns {@link #writableProperty()} off; a store that cannot be read sets
     * {@link #troubleProperty()}.
     */
    public void load() {
        session.busyProperty().set(true);
        session.messageProperty().set("Opening the store…");
        loading.set(true);
        loadCancelled = false;
        worker.execute(() -> {
            try {
                stopLive();
                IncidentSource old = source;
                source = null;
                shownIndex = null;
                forgetTextMatches();
                if (old != null) old.close();
                IncidentSource src = opener.apply(db);
                source = src;
                boolean canWrite = src.writable();
                ui.execute(() -> {
                    if (!loadCancelled) session.messageProperty().set("Loading the incidents of " + src.name() + "…");
                });
                if (loadCancelled) throw new StoreFault(StoreFault.Kind.CANCELLED, "loading was cancelled", null);
                IncidentIndex ix = src.loadIndex().summarise();   // the window's whole-index figures, here
                shownIndex = ix;
                String reason = canWrite ? null : src.readOnlyReason();
                ui.execute(() -> {
                    loading.set(false);
                    writable.set(canWrite);
                    online.set(true);
                    session.indexProperty().set(ix);
                    session.messageProperty().set(canWrite ? src.name() : src.name() + " (" + reason + ")");
                });
                if (src instanceof LiveSource ls) follow(ls);
            } catch (RuntimeException e) {
                failed(e);
            }
        });
    }

    /** The store changed (an import): forgets the text matches and loads the index again. */
    public void reload() {
        load();
    }

    private void failed(RuntimeException e) {
        if (loadCancelled) {
            LOG.log(Level.FINE, "loading cancelled", e);
            ui.execute(() -> {
                loading.set(false);
                session.busyProperty().set(false);
                session.messageProperty().set("Loading was cancelled: no incidents are shown (File → Reload"
                        + " the store to load them)");
            });
            return;
        }
        LOG.log(Level.WARNING, "cannot open the store", e);
        ui.execute(() -> {
            loading.set(false);
            session.busyProperty().set(false);
            session.messageProperty().set("Cannot open the store: " + e.getMessage());
            trouble.set(new Failure(e.getMessage(), e));
        });
    }

    // ---- live updates (a team server) ------------------------------------------------------------------------------

    /** Starts following {@code src} (worker): each commit grows the index on the worker and commits it on the FX thread. */
    private void follow(LiveSource src) {
        LiveUpdates l = new LiveUpdates(src, () -> {
            try {
                worker.execute(() -> grow(src));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the workspace closed while the live thread saw a commit: nothing left to grow
            }
        }, up -> ui.execute(() -> {
            if (source != src) return;
            online.set(up);
            session.messageProperty().set(up ? "Connected to " + src.name() + " again; catching up"
                    : "Lost the connection to " + src.name() + "; reconnecting…");
        }));
        live = l;
        l.start();
    }

    /** Worker: the index grown by what other clients committed, committed on the FX thread (filter and selection kept). */
    private void grow(LiveSource src) {
        if (source != src || shownIndex == null) return;
        LiveSource.Growth g;
        try {
            g = src.grow(shownIndex);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "live update from " + src.name() + " failed", e);   // the next commit or reconnect retries
            return;
        }
        if (g == null) return;
        IncidentIndex ix = g.index().summarise();
        shownIndex = ix;
        forgetTextMatches();   // new rows may match the words
        ui.execute(() -> {
            if (source != src) return;
            online.set(true);
            session.growIndex(ix);
            arrived.set(g.message());
            session.messageProperty().set(g.message());
        });
    }

    private void stopLive() {
        LiveUpdates l = live;
        live = null;
        if (l != null) l.close();
    }

    private synchronized void forgetTextMatches() {
        lastText = null;
        lastIds = null;
    }

    /** Stops the index load (File → Cancel loading); the window then shows no incidents. FX thread. */
    public void cancelLoad() {
        if (!loading.get()) return;
        loadCancelled = true;
        session.messageProperty().set("Cancelling…");
        IncidentSource s = source;
        try {
            if (s != null) s.interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "nothing to interrupt", e);   // the store was not open yet, or closed meanwhile
        }
    }

    /**
     * Writes through the open store (an import) on the worker; the caller reloads when it is done. Worker only.
     *
     * @throws StoreFault of kind READ_ONLY when no store is open or it may not be written
     */
    public <T> T write(Function<org.sitmap.store.IncidentStorage, T> write) {
        IncidentSource s = source;
        if (s == null) throw new StoreFault(StoreFault.Kind.READ_ONLY, "no store is open", null);
        return s.write(write);
    }

    /** Reads the open store on the worker (exports, gazetteer). Worker only. */
    public <T> T read(Function<org.sitmap.store.IncidentStorage, T> read) {
        IncidentSource s = source;
        if (s == null) throw new IllegalStateException("no store is open");
        return s.read(read);
    }

    /** Runs {@code action} on the FX thread (the ui executor). */
    public void onUi(Runnable action) { ui.execute(action); }

    /**
     * Closes the store (on the worker, after what is queued), stops the worker when it is the workspace's own, and
     * closes the tiles (their threads and the MBTiles pack).
     */
    @Override
    public void close() {
        stopLive();
        try {
            worker.execute(() -> {
                IncidentSource s = source;
                source = null;
                if (s != null) s.close();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.FINE, "the worker was already stopped", e);
        }
        if (ownedWorker != null) ownedWorker.shutdown();
        if (tiles != null) tiles.close();
    }
}
