package org.sitmap.ui.session;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.sitmap.model.InputException;
import org.sitmap.store.pg.PgBrowser;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.PgPasswordRequired;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.store.pg.PgStore;

/**
 * Opens a team server for the window (the workspace's opener). When the server asks a password that
 * {@code PGPASSWORD}, the password file and the address do not give, or refuses the one typed, it asks the user
 * through {@link Prompt} and tries again. A typed password lives only in this opener's location, in memory, for the
 * window's reconnects and reloads: it is never written to settings, logs or messages.
 *
 * <p>Threading: {@link #apply} runs on the worker and blocks there while the prompt is shown on the FX thread.
 */
public final class ServerOpener implements Function<Path, IncidentSource> {
    /** Asks the password of {@code user} at {@code server}; null when the user cancels. Blocks the caller. */
    @FunctionalInterface
    public interface Prompt {
        char[] ask(String server, String user, boolean refused);
    }

    private volatile PgLocation where;
    private final Prompt prompt;
    private final PgSnapshot snapshots;

    /**
     * @param where     the server
     * @param prompt    asks for a missing password (null: fail with the one-line message instead)
     * @param snapshots the local snapshots of the server's index (null: none)
     */
    public ServerOpener(PgLocation where, Prompt prompt, PgSnapshot snapshots) {
        this.where = where;
        this.prompt = prompt;
        this.snapshots = snapshots;
    }

    @Override
    public IncidentSource apply(Path ignored) {
        while (true) {
            PgLocation w = where;
            try {
                // a window browses a standby when the address names one; its imports still reach the primary
                PgStore store = PgStore.open(w.forBrowsing());
                try {
                    return new ServerSource(store, PgBrowser.open(w.forBrowsing(), store.factions()), snapshots);
                } catch (RuntimeException e) {
                    store.close();
                    throw e;
                }
            } catch (PgPasswordRequired e) {
                if (prompt == null) throw e;
                char[] pw = prompt.ask(w.display(), w.user(), e.refused());
                if (pw == null) {
                    throw new InputException(null, 0, "No password was given for " + w.display()
                            + "; File → Reload the store to be asked again.");
                }
                try {
                    where = w.withPassword(pw);
                } finally {
                    Arrays.fill(pw, '\0');
                }
            }
        }
    }

    /** The server, as {@code postgresql://user@host:port/db} (never a password). */
    public String display() { return where.display(); }
}
