package org.sitmap.ui.session;

import java.util.Optional;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentStore;

/**
 * {@link IncidentSource} over an open {@link IncidentStore}.
 *
 * <p>Threading: as the store, worker only.
 */
public final class StoreSource implements IncidentSource {
    private final IncidentStore store;

    public StoreSource(IncidentStore store) { this.store = store; }

    @Override public IncidentIndex loadIndex() { return store.loadIndex(); }

    @Override public long[] searchText(String words) { return store.searchText(words); }

    @Override public Optional<Incident> incident(long id) { return store.incident(id); }

    @Override public String name() { return store.file() == null ? "store" : String.valueOf(store.file().getFileName()); }

    @Override public boolean writable() { return store.writable(); }

    @Override public void interrupt() { store.interrupt(); }

    @Override public void close() { store.close(); }
}
