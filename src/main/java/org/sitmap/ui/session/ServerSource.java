package org.sitmap.ui.session;

import java.util.Optional;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.store.pg.PgBrowser;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.store.pg.ServerInit;
import org.sitmap.store.pg.TeamIndex;

/**
 * {@link IncidentSource} over a team server: the index from the workstation's local snapshot plus the imports
 * committed after it, or streamed whole from the server ({@link TeamIndex}); details and text search from the
 * server; live growth as other clients import ({@link LiveSource}).
 *
 * <p>Threading: as {@link IncidentSource} (worker only), except {@link #awaitChange} (the live thread) and
 * {@link #stopFollowing}/{@link #interrupt} (any thread).
 */
public final class ServerSource implements LiveSource {
    private final PgBrowser browser;
    private final TeamIndex index;

    /**
     * @param browser   the open server
     * @param snapshots where the local snapshot of the index is kept (null: none)
     */
    public ServerSource(PgBrowser browser, PgSnapshot snapshots) {
        this.browser = browser;
        this.index = new TeamIndex(browser, snapshots);
    }

    @Override public IncidentIndex loadIndex() { return index.load(); }

    /** How the last index was made (local snapshot or streamed), for the log and the tests. */
    public String howLoaded() { return index.howLoaded(); }

    @Override public long[] searchText(String words) { return browser.searchText(words); }

    @Override public Optional<Incident> incident(long id) { return browser.incident(id); }

    /** The server as {@code postgresql://user@host:port/db}, never a password. */
    @Override public String name() { return browser.location().display(); }

    /** Imports from the window go to a store file; into a server they go through {@code sitmap import --db}. */
    @Override public boolean writable() { return false; }

    @Override
    public String readOnlyReason() {
        if (!browser.mayImport()) {
            return "read-only: importing needs the role " + ServerInit.EDITOR + "; ask the store's owner to GRANT it";
        }
        return "import with sitmap import --db " + browser.location().display() + " FILE";
    }

    @Override public void interrupt() { browser.interrupt(); }

    @Override
    public Change awaitChange(int millis) {
        boolean committed = index.awaitCommit(millis);
        return new Change(index.connected(), committed);
    }

    @Override
    public Growth grow(IncidentIndex current) {
        TeamIndex.Growth g = index.grow(current);
        return g == null ? null : new Growth(g.index(), Arrivals.describe(g.batches(), g.rows()));
    }

    @Override public void stopFollowing() { index.stopFollowing(); }

    @Override public void close() { index.close(); }
}
