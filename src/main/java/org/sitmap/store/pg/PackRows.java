package org.sitmap.store.pg;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentValues;

/**
 * A first load's rows as the window's index will hold them, made on the client while they are copied, so the
 * import's packed index ({@link IndexPacks}) needs no second read of ten million rows. Each value is what
 * {@link CopyIndexRows} makes of the stored row: the faction list as {@link IncidentValues#factionCodes} writes it,
 * the first day and the span's end as {@link PgImporter} stores them, no position as NaN, no place as the empty name,
 * unknown fatalities as -1. The rows are numbered in copy order; {@link #sorted} puts them in day order, and
 * {@link #index} gives them the ids the server assigned (consecutive in copy order).
 *
 * <p>Not thread-safe: the importing thread adds (as it copies each row); after the last row one thread calls
 * {@link #sorted} (an import's pack thread, while the server builds the table's indexes), and {@link #index} is
 * called with its result once that has returned.
 */
final class PackRows {
    private final FactionCatalog catalog;
    private final IndexRows rows;
    private final Map<String, long[]> masks = new HashMap<>();
    private final Map<String, Integer> placeRefs = new HashMap<>();
    private final List<String> places = new ArrayList<>();
    private volatile boolean dropped;

    PackRows(FactionCatalog catalog) {
        this.catalog = catalog;
        this.rows = new IndexRows(catalog, 1 << 16);
    }

    /**
     * One copied row (normalised, as it is stored) with its {@code faction_codes} value ({@link
     * IncidentValues#factionCodes}); stops keeping rows when memory runs short (see {@link #dropped}).
     */
    void add(Incident i, String factionCodes) {
        if (dropped) return;
        if ((rows.size() & 0xffff) == 0xffff && !IndexPacks.affordable(rows.size())) {
            dropped = true;   // the pack is then read back (IndexPacks.write), which declines too
            return;
        }
        long[] m = masks.computeIfAbsent(factionCodes, catalog::maskAndPrimary);
        String name = i.place() == null ? "" : i.place();
        Integer place = placeRefs.get(name);
        if (place == null) {
            place = places.size();
            places.add(name);
            placeRefs.put(name, place);
        }
        rows.add(rows.size(), (int) i.date().toEpochDay(), (int) i.spanEnd().toEpochDay(),
                i.located() ? i.latitude() : Double.NaN, i.located() ? i.longitude() : Double.NaN, m[0], (int) m[1],
                i.eventType().ordinal(), i.subEventType() == null ? -1 : i.subEventType().ordinal(),
                i.datePrecision().code(), i.geoPrecision().code(), i.fatalities() == null ? -1 : i.fatalities(), place);
    }

    /** Rows added. */
    int size() { return rows.size(); }

    /** True when the rows stopped being kept for lack of memory. */
    boolean dropped() { return dropped; }

    /**
     * The rows in day order, the row copied k-th having id {@code k}: the sorting half of {@link #index}, which may run
     * on another thread once the last row was added.
     */
    IndexColumns sorted() {
        return rows.build(places.toArray(new String[0])).columns();
    }

    /**
     * Starts {@link #sorted} on a thread of its own ({@code sitmap-import-pack}, a daemon) and returns its result to
     * come; call it after the last row was added.
     */
    FutureTask<IndexColumns> sortApart() {
        FutureTask<IndexColumns> task = new FutureTask<>(this::sorted);
        Thread t = new Thread(task, "sitmap-import-pack");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** What {@link #sortApart} made; its failure (memory) fails the import, as it would on the importing thread. */
    static IndexColumns result(FutureTask<IndexColumns> sorted) throws SQLException {
        try {
            return sorted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the packed index was made", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The index of the rows, the row copied k-th having id {@code firstId + k}. */
    IncidentIndex index(long firstId) {
        return index(sorted(), firstId);
    }

    /** The index of rows {@code c} made by {@link #sorted}, the row copied k-th having id {@code firstId + k}. */
    IncidentIndex index(IndexColumns c, long firstId) {
        long[] id = c.id().clone();
        for (int k = 0; k < id.length; k++) id[k] += firstId;
        return IncidentIndex.of(catalog, new IndexColumns(id, c.day(), c.dayEnd(), c.lon(), c.lat(), c.mercX(),
                c.mercY(), c.factionMask(), c.primaryFaction(), c.eventType(), c.subEventType(), c.datePrecision(),
                c.geoPrecision(), c.fatalities(), c.placeRef(), c.places(), c.maxSpan()));
    }
}
