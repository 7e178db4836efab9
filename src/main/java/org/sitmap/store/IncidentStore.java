package org.sitmap.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;

/**
 * An open Sitmap store (a GeoPackage file).
 *
 * <p>Threading: one JDBC connection, so every method is synchronized; call it from background threads only,
 * never from the FX thread.
 */
public final class IncidentStore implements AutoCloseable {

    /** Opens the store at {@code file}, creating it or migrating an older schema. */
    public static IncidentStore open(Path file) {
        throw new UnsupportedOperationException("store: not built yet");
    }

    public Path file() { throw new UnsupportedOperationException(); }

    /** The factions stored with this store. */
    public synchronized FactionCatalog factions() { throw new UnsupportedOperationException(); }

    /** Number of incidents. */
    public synchronized int count() { throw new UnsupportedOperationException(); }

    /** Reads every incident's filter columns into a fresh in-memory index. */
    public synchronized IncidentIndex loadIndex() { throw new UnsupportedOperationException(); }

    /** Ids of the incidents whose place, summary or evidence match {@code words} (FTS5), ascending. */
    public synchronized long[] searchText(String words) { throw new UnsupportedOperationException(); }

    /** One incident with every field. */
    public synchronized Optional<Incident> incident(long id) { throw new UnsupportedOperationException(); }

    /** The incidents that pass {@code spec}, through SQL, ordered by date then id. */
    public synchronized List<Incident> query(FilterSpec spec) { throw new UnsupportedOperationException(); }

    /**
     * Imports every row of {@code reader} in one transaction; see {@link ImportOptions}.
     *
     * @param progress receives the number of rows read so far, now and then (on the calling thread)
     */
    public synchronized ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void close() { }
}
