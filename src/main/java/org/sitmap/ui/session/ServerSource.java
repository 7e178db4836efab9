package org.sitmap.ui.session;

import java.util.List;
import java.util.Optional;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexMerge;
import org.sitmap.model.Incident;
import org.sitmap.store.pg.PgBrowser;
import org.sitmap.store.pg.PgChangeFeed;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.store.pg.ServerInit;

/**
 * {@link IncidentSource} over a team server: the index from the workstation's local snapshot plus the imports
 * committed after it, or streamed whole from the server when there is no usable snapshot; details and text search
 * from the server; live growth as other clients import ({@link LiveSource}).
 *
 * <p>Threading: as {@link IncidentSource} (worker only), except {@link #awaitChange} (the live thread) and
 * {@link #stopFollowing}/{@link #interrupt} (any thread).
 */
public final class ServerSource implements LiveSource {
    private final PgBrowser browser;
    private final PgSnapshot snapshots;
    /** The commit number the window's index is complete up to; worker only. */
    private volatile long commit = -1;
    private volatile PgChangeFeed feed;
    private volatile boolean stopped;
    private String how = "";

    /**
     * @param browser   the open server
     * @param snapshots where the local snapshot of the index is kept (null: none)
     */
    public ServerSource(PgBrowser browser, PgSnapshot snapshots) {
        this.browser = browser;
        this.snapshots = snapshots;
    }

    @Override
    public IncidentIndex loadIndex() {
        PgBrowser.Loaded snap = snapshots == null ? null : snapshots.read(browser);
        PgBrowser.Loaded loaded;
        if (snap != null && snap.commit() <= browser.lastCommit()) {
            PgBrowser.Loaded more = browser.committedAfter(snap.commit());
            loaded = new PgBrowser.Loaded(IndexMerge.merge(snap.index(), more.index()), more.commit());
            how = more.index().size() == 0 ? "local snapshot, current"
                    : "local snapshot + " + more.index().size() + " new from the server";
        } else {
            loaded = browser.loadIndex(n -> { });
            how = "streamed from the server";
        }
        commit = loaded.commit();
        if (snapshots != null && (snap == null || snap.commit() != loaded.commit())) snapshots.writeLater(browser, loaded);
        return loaded.index();
    }

    /** How the last index was made (local snapshot or streamed), for the log and the bench. */
    public String howLoaded() { return how; }

    /** The commit number the window's index is complete up to (-1 before the first load). */
    public long commit() { return commit; }

    @Override public long[] searchText(String words) { return browser.searchText(words); }

    @Override public Optional<Incident> incident(long id) { return browser.incident(id); }

    /** The server as {@code postgresql://user@host:port/db}, never a password. */
    @Override public String name() { return browser.location().display(); }

    @Override public boolean writable() { return false; }

    @Override
    public String readOnlyReason() {
        if (!browser.mayImport()) {
            return "read-only: importing needs the role " + ServerInit.EDITOR + "; ask the store's owner to GRANT it";
        }
        return "imports into a team server: sitmap import --db " + browser.location().display() + " FILE";
    }

    @Override public void interrupt() { browser.interrupt(); }

    @Override
    public Change awaitChange(int millis) {
        PgChangeFeed f = feed;
        if (f == null) {
            if (stopped || commit < 0) return new Change(true, false);
            feed = f = new PgChangeFeed(browser.location(), commit);
        }
        List<Long> batches = f.await(millis);
        return new Change(f.connected(), !batches.isEmpty());
    }

    @Override
    public Growth grow(IncidentIndex current) {
        long from = commit;
        PgBrowser.Loaded more = browser.committedAfter(from);
        if (more.commit() == from) return null;
        List<PgBrowser.Batch> batches = browser.batches(from, more.commit());
        IncidentIndex grown = IndexMerge.merge(current, more.index());
        commit = more.commit();
        if (snapshots != null) snapshots.writeLater(browser, new PgBrowser.Loaded(grown, commit));
        return new Growth(grown, Arrivals.describe(batches, more.index().size()));
    }

    @Override
    public void stopFollowing() {
        stopped = true;
        PgChangeFeed f = feed;
        if (f != null) f.close();
    }

    @Override
    public void close() {
        stopFollowing();
        browser.close();
    }
}
