package org.sitmap.store.pg;

import java.util.List;
import org.sitmap.index.IncidentIndex;

/**
 * The in-memory index of a team store as a window (or the bench) keeps it: loaded from the workstation's local
 * snapshot plus the imports committed after it, or streamed whole when there is no usable snapshot; then grown by
 * each import another client commits, which a {@link PgChangeFeed} reports. After a streamed load the snapshot is
 * written whole; a growth (live, or the imports fetched at a reopen) is appended to it (see {@link PgSnapshot}), so
 * the next opening fetches only what is newer.
 *
 * <p>Threading: {@link #load} and {@link #grow} on one thread (the window's worker); {@link #awaitCommit} on
 * another (the live thread; a bounded wait); {@link #stopFollowing} and {@link #close} from any thread.
 */
public final class TeamIndex implements AutoCloseable {
    private final PgBrowser browser;
    private final PgSnapshot snapshots;
    private volatile long commit = -1;
    private volatile PgChangeFeed feed;
    private volatile boolean stopped;
    private volatile boolean connected = true;
    private String how = "";

    /**
     * The index grown by the imports {@code batches}, which brought {@code rows} new or changed incidents, and by
     * other tools' edits of {@code edited} incidents (-1: another tool may have changed anything, so the index was
     * read again whole).
     */
    public record Growth(IncidentIndex index, List<PgBrowser.Batch> batches, int rows, int edited) { }

    /**
     * @param browser   the open server
     * @param snapshots where the local snapshot is kept (null: none; every opening streams the index)
     */
    public TeamIndex(PgBrowser browser, PgSnapshot snapshots) {
        this.browser = browser;
        this.snapshots = snapshots;
    }

    /** The server this index follows. */
    public PgBrowser browser() { return browser; }

    /**
     * The store's index: the local snapshot when it is one of this store and not newer than the server, plus the
     * rows of the imports committed after it; otherwise (none, damaged, of another store, newer) streamed whole.
     */
    public IncidentIndex load() {
        PgBrowser.Loaded snap = snapshots == null ? null : snapshots.read(browser);
        PgBrowser.Loaded loaded;
        IncidentIndex more = null;
        PgBrowser.Changes after = snap != null && snap.commit() <= browser.lastCommit()
                ? browser.committedAfter(snap.commit()) : null;
        if (after != null && !after.whole()) {
            more = after.rows();
            loaded = new PgBrowser.Loaded(after.applyTo(snap.index()), after.commit());
            how = describe(after);
            // the journal holds rows, not removals: a deletion by another tool rewrites the snapshot whole
            if (after.removed().length > 0) snap = null;
        } else {
            snap = null;
            loaded = browser.loadIndex(n -> { });
            how = "streamed from the server";
        }
        commit = loaded.commit();
        if (snapshots != null) {
            if (snap == null) snapshots.writeLater(browser, loaded);
            else snapshots.grewLater(browser, snap.commit(), loaded, more);
        }
        return loaded.index();
    }

    private static String describe(PgBrowser.Changes c) {
        if (c.imported() == 0 && c.edited() == 0) return "local snapshot, current";
        String imported = c.imported() + " new from the server";
        String edited = c.edited() + " edited by another program";
        return "local snapshot + " + (c.edited() == 0 ? imported : c.imported() == 0 ? edited
                : imported + " and " + edited);
    }

    /** How the last {@link #load} made the index: "streamed from the server", "local snapshot + N new …", …. */
    public String howLoaded() { return how; }

    /** The commit number the index is complete up to (-1 before {@link #load}). */
    public long commit() { return commit; }

    /**
     * Waits at most {@code millis} for another client's commit after the index's; true when there is one. On a
     * lost connection it returns false at once and {@link #connected()} turns false; the next call reconnects.
     */
    public boolean awaitCommit(int millis) {
        PgChangeFeed f = feed;
        if (f == null) {
            if (stopped || commit < 0) return false;
            feed = f = new PgChangeFeed(browser.location(), commit);
        }
        List<Long> batches = f.await(millis);
        connected = f.connected();
        return !batches.isEmpty() || f.edited();
    }

    /** False after a wait that could not reach the server. */
    public boolean connected() { return connected; }

    /**
     * {@code current} grown by the imports and other programs' edits committed after the index's commit number (read
     * again whole after a note that anything may have changed); null when there are none.
     */
    public Growth grow(IncidentIndex current) {
        long from = commit;
        PgBrowser.Changes more = browser.committedAfter(from);
        if (more.commit() == from) return null;
        List<PgBrowser.Batch> batches = browser.batches(from, more.commit());
        if (more.whole()) {
            PgBrowser.Loaded all = browser.loadIndex(n -> { });
            commit = all.commit();
            if (snapshots != null) snapshots.writeLater(browser, all);
            return new Growth(all.index(), batches, more.imported(), -1);
        }
        IncidentIndex grown = more.applyTo(current);
        commit = more.commit();
        if (snapshots != null) {
            PgBrowser.Loaded now = new PgBrowser.Loaded(grown, commit);
            if (more.removed().length > 0) snapshots.writeLater(browser, now);
            else snapshots.grewLater(browser, from, now, more.rows());
        }
        return new Growth(grown, batches, more.imported(), more.edited());
    }

    /** Ends {@link #awaitCommit}'s connection; the index stays usable. */
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
