package org.sitmap.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;

/**
 * The data sets and sources of the incidents an export shows, for its attribution. With the shown rows at hand
 * they are counted from the incidents' {@link SourceCodes} (kept from the index's load, else read beside the
 * column snapshot, else made by one scan and written there for the next time); without them, or for a store with
 * no change counter, by one aggregate in SQL whose last answer is kept while the store is unchanged.
 *
 * <p>Threading: not thread-safe; its store calls it under the store's own lock.
 */
final class SourceAttribution {
    private SourceCodes codes;
    private FilterSpec lastSpec;
    private long[] lastState;
    private List<String[]> lastFound;
    /** The last counted answer, and what it was counted for (the same filter on the same index, store unchanged). */
    private List<String[]> lastCounted;
    private List<Object> lastCountedFor;
    private java.lang.ref.WeakReference<org.sitmap.index.IncidentIndex> lastIndex = new java.lang.ref.WeakReference<>(null);

    /** Keeps the sources that came with a load of the index (null: none came). */
    void loaded(SourceCodes found) {
        if (found != null) codes = found;
    }

    /** The pairs of the incidents that pass {@code spec} (the drawn area excepted), by the SQL aggregate. */
    List<String[]> of(Connection c, FilterSpec spec) throws SQLException {
        // one aggregate over the incidents (seconds at ten million): the last answer is kept for the same filter
        // while the store's change counter says nothing changed (a second export of the same view)
        long[] state = ChangeCounter.key(c);
        if (state != null && spec.equals(lastSpec) && Arrays.equals(state, lastState)) return lastFound;
        List<String[]> found = Collections.unmodifiableList(QuerySql.sources(c, spec));
        lastSpec = spec;
        lastState = state;
        lastFound = found;
        return found;
    }

    /**
     * The pairs of the {@code shown} incidents of store {@code file}, counted from their codes; by
     * {@link #of(Connection, FilterSpec)} when the store keeps no change counter or a shown incident is not in it.
     */
    List<String[]> of(Connection c, Path file, FactionCatalog catalog, FilterSpec spec, Selection shown)
            throws SQLException {
        ColumnSnapshot.Key key = file == null ? null : ColumnSnapshot.key(c, catalog);
        if (key == null) return of(c, spec);
        if (codes == null || !codes.key().equals(key)) {
            codes = SourceCodes.read(file, key);
            if (codes == null) {
                codes = SourceCodes.scan(c, key);
                if (codes != null) codes.writeFor(file);
            }
        }
        // a second export of the same view (same filter, same index, store unchanged) counts nothing again
        List<Object> asked = Arrays.asList(spec, key, shown.count());
        if (asked.equals(lastCountedFor) && lastIndex.get() == shown.index()) return lastCounted;
        List<String[]> found = codes == null ? null : codes.count(shown);
        if (found == null) return of(c, spec);
        lastCounted = Collections.unmodifiableList(found);
        lastCountedFor = asked;
        lastIndex = new java.lang.ref.WeakReference<>(shown.index());
        return lastCounted;
    }
}
