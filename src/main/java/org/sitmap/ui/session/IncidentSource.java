package org.sitmap.ui.session;

import java.util.Optional;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;

/**
 * What the window reads from an open store. The app adapts a store of the contract ({@code store.IncidentStorage}) to it; tests give an
 * in-memory one.
 *
 * <p>Threading: blocking calls; call them on the window's worker only, never on the FX thread.
 */
public interface IncidentSource extends AutoCloseable {
    /** Every incident's filter columns, as a fresh index. */
    IncidentIndex loadIndex();

    /** Ids whose place, summary or evidence match {@code words}. */
    long[] searchText(String words);

    /** One incident with every field. */
    Optional<Incident> incident(long id);

    /** A name for the status bar (the store's file name). */
    String name();

    /** Stops a {@link #loadIndex} running on another thread (it then throws); any thread. */
    default void interrupt() { }

    /** Whether the store may be written (false: a read-only file or folder; the window turns imports off). */
    default boolean writable() { return true; }

    /** Why the store is not {@link #writable()}, for the status bar (which role or permission is missing). */
    default String readOnlyReason() { return "read-only: imports are off"; }

    /** Reads the open store itself (exports stream from it); stores in memory have none. */
    default <T> T read(java.util.function.Function<org.sitmap.store.IncidentStorage, T> read) {
        throw new UnsupportedOperationException(name() + " is not a store file");
    }

    /**
     * Writes into the store (an import): {@code write} gets the store opened for writing for as long as it runs.
     * The caller reloads the index afterwards.
     */
    default <T> T write(java.util.function.Function<org.sitmap.store.IncidentStorage, T> write) {
        throw new UnsupportedOperationException(name() + " cannot be written");
    }

    @Override
    void close();
}
