package org.sitmap.ui.session;

import java.util.concurrent.Executor;
import java.util.function.Function;
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
import org.sitmap.model.FilterSpec;

/**
 * The state the map, timeline, table and filters share: the loaded index, the filter, the incidents that pass it,
 * and the selected incident. Knows no {@code Node}; tested without a toolkit.
 *
 * <p>Threading: properties are read and written on the FX thread (the {@code ui} executor). A filter change is
 * captured there, the filtering runs on the single {@code worker} executor, and the result is committed back on
 * the FX thread; repeated changes are merged and stale results dropped ({@link Coalescer}).
 */
public final class SessionViewModel {
    private final ObjectProperty<IncidentIndex> index = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterSpec> filter = new SimpleObjectProperty<>(FilterSpec.ALL);
    private final ReadOnlyObjectWrapper<Selection> shown = new ReadOnlyObjectWrapper<>();
    private final LongProperty selectedId = new SimpleLongProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Coalescer<Selection> filtering;
    private final Function<String, long[]> textSearch;
    private String lastText;
    private long[] lastIds;

    /**
     * @param worker     the one executor that filters (owned by the caller)
     * @param ui         runs commits on the FX thread
     * @param textSearch ids matching full-text words (runs on the worker; may query SQLite)
     */
    public SessionViewModel(Executor worker, Executor ui, Function<String, long[]> textSearch) {
        this.textSearch = textSearch;
        this.filtering = new Coalescer<>(worker, ui, e -> message.set("Filtering failed: " + e.getMessage()));
        index.addListener((o, a, b) -> {
            forgetTextMatches();
            refilter();
        });
        filter.addListener((o, a, b) -> refilter());
    }

    /** Re-runs the filter on the worker; the result lands in {@link #shownProperty()}. */
    public void refilter() {
        IncidentIndex ix = index.get();
        FilterSpec spec = filter.get();
        if (ix == null) return;
        busy.set(true);
        filtering.submit(() -> {
            long[] ids = textMatches(spec.text());
            return new IndexFilter(ix, spec, ids, IndexFilter.FactionRule.PRIMARY).apply();
        }, sel -> {
            busy.set(false);
            shown.set(sel);
        });
    }

    /**
     * Ids matching the full-text words, or null for blank words (no restriction). The last answer is cached, so
     * the map's filter and the timeline's histogram share one SQLite query. Worker thread only (may query SQLite).
     */
    public synchronized long[] textMatches(String words) {
        if (words == null || words.isBlank()) return null;
        if (!words.equals(lastText)) {
            lastIds = textSearch.apply(words);
            lastText = words;
        }
        return lastIds;
    }

    /** Forgets cached text matches (after the store changed). Any thread. */
    public synchronized void forgetTextMatches() {
        lastText = null;
        lastIds = null;
    }

    /** The full-text look-up the filter uses (words → matching ids); call it on the worker only. */
    public Function<String, long[]> textSearch() { return textSearch; }

    public ObjectProperty<IncidentIndex> indexProperty() { return index; }

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
