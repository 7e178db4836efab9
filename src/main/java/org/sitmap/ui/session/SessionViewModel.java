package org.sitmap.ui.session;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FactionRule;
import org.sitmap.model.FilterSpec;

/**
 * The state the map, timeline, table and filters share, held by the {@link Workspace}: the loaded index, the
 * filter, the incidents that pass it, and the selected incident. Knows no {@code Node}; tested without a toolkit.
 *
 * <p>The window's filter always matches factions by their {@link FactionRule#PRIMARY primary} faction (the colour
 * an incident is drawn in): whatever filter is set, it is stored with that rule, so saved filters and exports carry
 * it too.
 *
 * <p>Threading: properties are read and written on the FX thread. A filter change is captured there, the filtering
 * runs on the workspace's worker, and the result is committed back on the FX thread; repeated changes are merged and
 * stale results dropped ({@link Workspace#latest}).
 */
public final class SessionViewModel {
    /** The window's "no restriction": every incident, factions matched by primary faction. */
    public static final FilterSpec ALL = FilterSpec.ALL.withFactionRule(FactionRule.PRIMARY);

    private final ObjectProperty<IncidentIndex> index = new SimpleObjectProperty<>();
    private boolean growing;
    private final ObjectProperty<FilterSpec> filter = new SimpleObjectProperty<>(ALL) {
        @Override public void set(FilterSpec f) {
            super.set(f == null ? ALL : f.withFactionRule(FactionRule.PRIMARY));
        }
    };
    private final ReadOnlyObjectWrapper<Selection> shown = new ReadOnlyObjectWrapper<>();
    private final LongProperty selectedId = new SimpleLongProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Coalescer<Selection> filtering;
    private final java.util.function.Function<String, long[]> textMatches;

    /**
     * @param filtering   the latest-only lane the filtering runs in (the workspace's worker)
     * @param textMatches the workspace's cached full-text look-up (worker only)
     */
    SessionViewModel(Coalescer<Selection> filtering, java.util.function.Function<String, long[]> textMatches) {
        this.filtering = filtering;
        this.textMatches = textMatches;
        index.addListener((o, a, b) -> refilter());
        filter.addListener((o, a, b) -> refilter());
    }

    /** Re-runs the filter on the worker; the result lands in {@link #shownProperty()}. */
    public void refilter() {
        IncidentIndex ix = index.get();
        FilterSpec spec = filter.get();
        if (ix == null) return;
        busy.set(true);
        filtering.submit(() -> new IndexFilter(ix, spec, textMatches.apply(spec.text())).apply(), sel -> {
            busy.set(false);
            shown.set(sel);
        });
    }

    // ---- the one faction toggle (filter panel and legend) ---------------------------------------------------------

    /** True when incidents of faction {@code code} pass the filter's faction choice. */
    public boolean factionOn(String code) {
        FilterSpec f = filter.get();
        return !f.noFaction() && (f.factions().isEmpty() || f.factions().contains(code));
    }

    /**
     * Switches one faction on or off: every faction on again clears the restriction, the last one off leaves
     * {@link FilterSpec#noFaction() no faction} (nothing shown). Does nothing before the index is loaded.
     */
    public void setFactionOn(String code, boolean on) {
        IncidentIndex ix = index.get();
        if (ix == null || factionOn(code) == on) return;
        FilterSpec spec = filter.get();
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (org.sitmap.model.Faction f : ix.catalog().factions()) all.add(f.code());
        java.util.Set<String> cur = new java.util.LinkedHashSet<>(spec.noFaction() ? java.util.Set.of()
                : spec.factions().isEmpty() ? all : spec.factions());
        if (on) cur.add(code); else cur.remove(code);
        if (cur.containsAll(all)) filter.set(spec.withFactions(java.util.Set.of()));
        else if (cur.isEmpty()) filter.set(spec.withNoFaction());
        else filter.set(spec.withFactions(cur));
    }

    public ObjectProperty<IncidentIndex> indexProperty() { return index; }

    /**
     * Sets {@code grown}, the shown store's index with the rows of a live import added (the same store, not another
     * one): while {@link #indexProperty()}'s listeners run, {@link #isGrowth()} is true, so a view keeps its zoom
     * and its playback. FX thread.
     */
    public void growIndex(IncidentIndex grown) {
        growing = true;
        try {
            index.set(grown);
        } finally {
            growing = false;
        }
    }

    /** True while the index being set is a live growth of the shown one ({@link #growIndex}). FX thread. */
    public boolean isGrowth() { return growing; }

    /** The filter (set any spec: it is kept with the window's {@link FactionRule#PRIMARY} rule). */
    public ObjectProperty<FilterSpec> filterProperty() { return filter; }

    /** The incidents that pass the current filter; null until the first result. */
    public ReadOnlyObjectProperty<Selection> shownProperty() { return shown.getReadOnlyProperty(); }

    /** The selected incident's id, -1 for none. */
    public LongProperty selectedIdProperty() { return selectedId; }

    /** A short message for the status bar (errors, progress). */
    public StringProperty messageProperty() { return message; }

    /** True while a filter runs. */
    public BooleanProperty busyProperty() { return busy; }
}
