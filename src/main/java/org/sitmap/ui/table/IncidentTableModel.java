package org.sitmap.ui.table;

import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * The incident table's state: the shown selection's rows in the chosen order. Sorting runs on the worker over
 * primitive keys (one {@code long} per row: key in the high bits, row in the low bits), so a million rows sort
 * without boxing; place names sort by a rank computed once per index.
 *
 * <p>Threading: FX thread for properties; sorting on the worker through a {@link Coalescer}. Knows no {@code Node}.
 */
public final class IncidentTableModel {
    /** Sortable columns. */
    public enum Column { DATE, PLACE, FACTION, TYPE, FATALITIES }

    private final SessionViewModel session;
    private final Coalescer<int[]> sorting;
    private final ObjectProperty<Column> sortBy = new SimpleObjectProperty<>(Column.DATE);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<int[]> rows = new ReadOnlyObjectWrapper<>(new int[0]);
    // worker-confined
    private IncidentIndex rankedIndex;
    private int[] placeRank;

    public IncidentTableModel(Workspace workspace) {
        this.session = workspace.session();
        this.sorting = workspace.latest("Sorting");
        session.shownProperty().addListener((o, a, b) -> resort());
        sortBy.addListener((o, a, b) -> resort());
        ascending.addListener((o, a, b) -> resort());
    }

    private void resort() {
        Selection sel = session.shownProperty().get();
        if (sel == null) return;
        Column col = sortBy.get();
        boolean asc = ascending.get();
        sorting.submit(() -> sort(sel, col, asc), rows::set);
    }

    /** Worker: the selection's rows ordered by {@code col} (ties by date order, i.e. row). */
    int[] sort(Selection sel, Column col, boolean asc) {
        IncidentIndex ix = sel.index();
        int n = sel.count();
        int[] out = new int[n];
        if (col == Column.DATE) {
            for (int k = 0; k < n; k++) out[k] = sel.row(asc ? k : n - 1 - k);
            return out;
        }
        if (col == Column.PLACE && rankedIndex != ix) {
            placeRank = placeRanks(ix);
            rankedIndex = ix;
        }
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            int r = sel.row(k);
            long key = switch (col) {
                case PLACE -> placeRank[ix.placeRef(r)];
                case FACTION -> ix.primaryFaction(r);
                case TYPE -> ix.eventType(r) * 64L + ix.subEventType(r) + 1;
                case FATALITIES -> ix.fatalities(r) + 1L;
                default -> 0;
            };
            if (!asc) key = (1L << 30) - key;
            if (col == Column.FATALITIES && ix.fatalities(r) < 0) key = (1L << 30) + 1;   // unknown: last either way (keys stay below 2^31)
            keys[k] = (key << 32) | r;
        }
        Arrays.sort(keys);
        for (int k = 0; k < n; k++) out[k] = (int) keys[k];
        return out;
    }

    private static int[] placeRanks(IncidentIndex ix) {
        int max = -1;
        for (int r = 0; r < ix.size(); r++) max = Math.max(max, ix.placeRef(r));
        String[] names = new String[max + 1];
        for (int r = 0; r < ix.size(); r++) names[ix.placeRef(r)] = ix.place(r);
        Integer[] order = new Integer[names.length];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> String.CASE_INSENSITIVE_ORDER.compare(names[a], names[b]));
        int[] rank = new int[names.length];
        for (int k = 0; k < order.length; k++) rank[order[k]] = k;
        return rank;
    }

    public ObjectProperty<Column> sortByProperty() { return sortBy; }

    public BooleanProperty ascendingProperty() { return ascending; }

    /** Index rows in table order. Do not modify. */
    public ReadOnlyObjectProperty<int[]> rowsProperty() { return rows.getReadOnlyProperty(); }

    /** The table position of the selected incident, or -1. */
    public int positionOfSelected() {
        IncidentIndex ix = session.indexProperty().get();
        long id = session.selectedIdProperty().get();
        if (ix == null || id < 0) return -1;
        int[] r = rows.get();
        for (int k = 0; k < r.length; k++) if (ix.id(r[k]) == id) return k;
        return -1;
    }

    /** Selects the incident at table position {@code k} (the map shows it). */
    public void select(int k) {
        IncidentIndex ix = session.indexProperty().get();
        int[] r = rows.get();
        if (ix != null && k >= 0 && k < r.length) session.selectedIdProperty().set(ix.id(r[k]));
    }
}
