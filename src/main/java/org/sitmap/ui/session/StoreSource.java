package org.sitmap.ui.session;

import java.util.Optional;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * {@link IncidentSource} over an open {@link IncidentStore}.
 *
 * <p>Threading: as the store, worker only.
 */
public final class StoreSource implements IncidentSource {
    private final IncidentStore store;

    public StoreSource(IncidentStore store) { this.store = store; }

    /** Loads on the calling thread only (the workspace's worker): no thread of the loader's own. */
    @Override public IncidentIndex loadIndex() { return store.loadIndex(Runnable::run); }

    @Override public long[] searchText(String words) { return store.searchText(words); }

    @Override public Optional<Incident> incident(long id) { return store.incident(id); }

    @Override public String name() { return store.file() == null ? "store" : String.valueOf(store.file().getFileName()); }

    @Override public boolean writable() { return store.writable(); }

    @Override public void interrupt() { store.interrupt(); }

    @Override public <T> T read(java.util.function.Function<org.sitmap.store.IncidentStorage, T> read) { return read.apply(store); }

    /**
     * The window reads through a read-only connection (reading never writes, not even a header), which SQLite cannot
     * turn into a writing one; an import gets a writing connection to the same file for its transaction, closed
     * when it ends. The caller then reloads the index ({@link Workspace#reload()}).
     */
    @Override public <T> T write(java.util.function.Function<org.sitmap.store.IncidentStorage, T> write) {
        if (!store.readOnly()) return write.apply(store);
        if (store.file() == null) throw new UnsupportedOperationException("the store has no file to write");
        try (IncidentStore w = IncidentStore.open(store.file())) {
            return write.apply(w);
        }
    }

    @Override public void close() { store.close(); }
}
