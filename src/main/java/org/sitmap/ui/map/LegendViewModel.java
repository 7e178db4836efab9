package org.sitmap.ui.map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Faction;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * The window's faction legend: one entry per faction present in the loaded index (with its count of incidents
 * by marker colour), each switchable. Switching a faction off narrows {@link SessionViewModel#filterProperty()}'s
 * faction set so its incidents leave the map; switching every faction on again clears the restriction.
 *
 * <p>Threading: FX thread only (reads and writes session properties). Knows no {@code Node}.
 */
public final class LegendViewModel {
    /** One legend line. */
    public record Entry(Faction faction, int count, boolean on) { }

    private final SessionViewModel session;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private int[] counts;

    public LegendViewModel(Workspace workspace) {
        this.session = workspace.session();
        session.indexProperty().addListener((o, a, b) -> {
            counts = null;
            rebuild();
        });
        session.filterProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** The entries, in catalog order. */
    public ObservableList<Entry> entries() { return entries; }

    /** True when incidents of {@code code} pass the faction filter. */
    public boolean isOn(String code) { return session.factionOn(code); }

    /** Switches a faction on or off (the session's one faction toggle, shared with the filter panel). */
    public void setOn(String code, boolean on) { session.setFactionOn(code, on); }

    private void rebuild() {
        IncidentIndex ix = session.indexProperty().get();
        if (ix == null) {
            entries.clear();
            return;
        }
        if (counts == null) {
            counts = ix.primaryCounts();
        }
        java.util.List<Entry> list = new java.util.ArrayList<>();
        for (int f = 0; f < counts.length; f++) {
            if (counts[f] == 0) continue;
            Faction fac = ix.catalog().get(f);
            list.add(new Entry(fac, counts[f], isOn(fac.code())));
        }
        if (!list.equals(entries)) entries.setAll(list);
    }
}
