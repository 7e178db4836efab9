package org.sitmap.ui.session;

import java.util.Optional;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.store.pg.PgBrowser;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.store.pg.PgStore;
import org.sitmap.store.pg.ServerInit;
import org.sitmap.store.pg.TeamIndex;

/**
 * {@link IncidentSource} over a team server: the store contract's {@link PgStore} for details, text search, exports
 * and an editor's imports; the index from the workstation's local snapshot plus the imports committed after it, or
 * streamed whole from the server, and live growth as other clients import ({@link TeamIndex}, {@link LiveSource}).
 *
 * <p>Threading: as {@link IncidentSource} (worker only), except {@link #awaitChange} (the live thread) and
 * {@link #stopFollowing}/{@link #interrupt} (any thread).
 */
public final class ServerSource implements LiveSource {
    private final PgStore store;
    private final PgBrowser browser;
    private final TeamIndex index;

    /**
     * @param store     the open team store (owned from now on)
     * @param browser   the window's index connection to the same store (owned from now on)
     * @param snapshots where the local snapshot of the index is kept (null: none)
     */
    public ServerSource(PgStore store, PgBrowser browser, PgSnapshot snapshots) {
        this.store = store;
        this.browser = browser;
        this.index = new TeamIndex(browser, snapshots);
    }

    @Override public IncidentIndex loadIndex() { return index.load(); }

    /** How the last index was made (local snapshot or streamed), for the log and the tests. */
    public String howLoaded() { return index.howLoaded(); }

    @Override public long[] searchText(String words) { return store.searchText(words); }

    @Override public Optional<Incident> incident(long id) { return store.incident(id); }

    /** Exports read the team store through the contract. */
    @Override public <T> T read(java.util.function.Function<IncidentStorage, T> read) { return read.apply(store); }

    /** An editor's import from the window goes into the team store; the workspace then reloads (snapshot + new). */
    @Override public <T> T write(java.util.function.Function<IncidentStorage, T> write) { return write.apply(store); }

    /** The server as {@code postgresql://user@host:port/db}, never a password. */
    @Override public String name() { return browser.location().display(); }

    /** True for a user holding {@value ServerInit#EDITOR}. */
    @Override public boolean writable() { return store.writable(); }

    @Override
    public String readOnlyReason() {
        return "read-only: importing needs the role " + ServerInit.EDITOR + "; ask the store's owner to GRANT it";
    }

    @Override
    public void interrupt() {
        browser.interrupt();
        store.interrupt();
    }

    @Override
    public Change awaitChange(int millis) {
        boolean committed = index.awaitCommit(millis);
        return new Change(index.connected(), committed);
    }

    @Override
    public Growth grow(IncidentIndex current) {
        TeamIndex.Growth g = index.grow(current);
        return g == null ? null : new Growth(g.index(), Arrivals.describe(g.batches(), g.rows(), g.edited()));
    }

    @Override public void stopFollowing() { index.stopFollowing(); }

    @Override
    public void close() {
        index.close();
        store.close();
    }
}
