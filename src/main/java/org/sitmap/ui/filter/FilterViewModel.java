package org.sitmap.ui.filter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * The filter panel's state over {@link SessionViewModel#filterProperty()}: factions with counts (all / none /
 * only one), event types and sub-types, fatalities at least N, date precisions, text search, and the active
 * filters as removable {@link Chip}s. Every change is saved through {@link FilterMemory} on the worker.
 *
 * <p><b>Faction semantics</b> (the window's; see {@code FactionRule.PRIMARY}): an incident is shown
 * when its <em>primary</em> faction — the first actor's, the colour it is drawn and stacked in — is on. Switching a
 * faction off removes every incident drawn in its colour, even when the other side's faction is still on. The
 * counts are incidents by primary faction among those passing every other filter (dates included).
 *
 * <p>Threading: FX thread for the properties and lists; counts are computed on the worker through a
 * {@link Coalescer}; saving runs on the worker. Knows no {@code Node}.
 */
public final class FilterViewModel {
    /** One faction line. */
    public record FactionEntry(Faction faction, int count, boolean on) { }

    /** One active filter, shown as a removable chip. */
    public record Chip(String id, String label, Runnable remove) { }

    private final Workspace workspace;
    private final SessionViewModel session;
    private final FilterMemory memory;
    private final Coalescer<int[]> counting;
    private final ObservableList<FactionEntry> factions = FXCollections.observableArrayList();
    private final ObservableList<Chip> chips = FXCollections.observableArrayList();
    private final java.util.Map<EventType, BooleanProperty> typeOn = new java.util.EnumMap<>(EventType.class);
    private final java.util.Map<SubEventType, BooleanProperty> subTypeOn = new java.util.EnumMap<>(SubEventType.class);
    private final java.util.Map<DatePrecision, BooleanProperty> precisionOn = new java.util.EnumMap<>(DatePrecision.class);
    private final ObjectProperty<Integer> minFatalities = new SimpleObjectProperty<>(0);
    private int[] counts = new int[0];
    private Object requested;

    /** @param memory where the filter is kept between sessions (saved on the worker after every change) */
    public FilterViewModel(Workspace workspace, FilterMemory memory) {
        this.workspace = workspace;
        this.session = workspace.session();
        this.memory = memory;
        this.counting = workspace.latest("Counting");
        // the panel's controls bind to these; they follow the filter, and a change of theirs changes the filter
        for (EventType t : EventType.values()) typeOn.put(t, toggle(on -> setType(t, on)));
        for (SubEventType t : SubEventType.values()) subTypeOn.put(t, toggle(on -> setSubType(t, on)));
        for (DatePrecision p : DatePrecision.values()) precisionOn.put(p, toggle(on -> setPrecision(p, on)));
        minFatalities.addListener((o, a, n) -> { if (n != null) setMinFatalities(n); });
        follow(spec());
        session.indexProperty().addListener((o, a, b) -> recount());
        session.filterProperty().addListener((o, a, f) -> {
            follow(f);
            rebuildChips();
            rebuildFactions();
            recount();
            workspace.execute(() -> memory.save(f));
        });
        rebuildChips();
        recount();
    }

    /** Applies the filter kept from the last session (call once, before the index loads). Blocking file read. */
    public void restore() {
        session.filterProperty().set(memory.load());
    }

    private static BooleanProperty toggle(java.util.function.Consumer<Boolean> onChange) {
        BooleanProperty p = new SimpleBooleanProperty();
        p.addListener((o, a, on) -> onChange.accept(on));
        return p;
    }

    /** Sets the controls' properties to {@code f}; each change then finds the filter already so and does nothing. */
    private void follow(FilterSpec f) {
        typeOn.forEach((t, p) -> p.set(f.eventTypes().contains(t)));
        subTypeOn.forEach((t, p) -> p.set(f.subEventTypes().contains(t)));
        precisionOn.forEach((d, p) -> p.set(f.datePrecisions().contains(d)));
        minFatalities.set(f.minFatalities());
    }

    /** Whether an event type is ticked (bind a check box to it both ways). */
    public BooleanProperty typeProperty(EventType t) { return typeOn.get(t); }

    /** Whether a sub-type is ticked. */
    public BooleanProperty subTypeProperty(SubEventType t) { return subTypeOn.get(t); }

    /** Whether a date precision is ticked. */
    public BooleanProperty precisionProperty(DatePrecision p) { return precisionOn.get(p); }

    /** The least number of fatalities kept (0: all). */
    public ObjectProperty<Integer> minFatalitiesProperty() { return minFatalities; }

    public ObservableList<FactionEntry> factions() { return factions; }

    public ObservableList<Chip> chips() { return chips; }

    private FilterSpec spec() { return session.filterProperty().get(); }

    private void set(FilterSpec s) { session.filterProperty().set(s); }

    // ---- factions

    public boolean isOn(String code) { return session.factionOn(code); }

    /** Every faction on (no faction restriction). */
    public void all() { set(spec().withFactions(Set.of())); }

    /** Every faction off: nothing is shown until one is switched on. */
    public void none() { set(spec().withNoFaction()); }

    /** Only this faction on. */
    public void only(String code) { set(spec().withFactions(Set.of(code))); }

    /** Switches one faction on or off (the session's one faction toggle, shared with the legend). */
    public void setOn(String code, boolean on) { session.setFactionOn(code, on); }

    private void recount() {
        IncidentIndex ix = session.indexProperty().get();
        if (ix == null) return;
        FilterSpec spec = spec().withFactions(Set.of());   // counts per faction whatever the faction choice
        Object req = List.of(ix, spec);
        if (req.equals(requested)) return;
        requested = req;
        counting.submit(() -> {
            Selection sel = new IndexFilter(ix, spec, workspace.textMatches(spec.text())).apply();
            int[] c = new int[ix.catalog().size()];
            for (int k = 0; k < sel.count(); k++) {
                int pf = ix.primaryFaction(sel.row(k));
                if (pf < c.length) c[pf]++;
            }
            return c;
        }, c -> {
            counts = c;
            rebuildFactions();
        });
    }

    private void rebuildFactions() {
        IncidentIndex ix = session.indexProperty().get();
        if (ix == null) return;
        List<FactionEntry> out = new ArrayList<>();
        List<Faction> all = ix.catalog().factions();
        for (int k = 0; k < all.size(); k++) {
            out.add(new FactionEntry(all.get(k), k < counts.length ? counts[k] : 0, isOn(all.get(k).code())));
        }
        if (!out.equals(factions)) factions.setAll(out);
    }

    // ---- other criteria

    public boolean typeOn(EventType t) { return spec().eventTypes().contains(t); }

    /** Adds or removes an event type from the kept set (an empty set keeps every type). */
    public void setType(EventType t, boolean on) {
        if (typeOn(t) == on) return;
        Set<EventType> s = spec().eventTypes().isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(spec().eventTypes());
        if (on) s.add(t); else s.remove(t);
        set(spec().withEventTypes(s));
    }

    public boolean subTypeOn(SubEventType t) { return spec().subEventTypes().contains(t); }

    public void setSubType(SubEventType t, boolean on) {
        if (subTypeOn(t) == on) return;
        Set<SubEventType> s = spec().subEventTypes().isEmpty() ? EnumSet.noneOf(SubEventType.class)
                : EnumSet.copyOf(spec().subEventTypes());
        if (on) s.add(t); else s.remove(t);
        set(spec().withSubEventTypes(s));
    }

    public void setMinFatalities(int n) { set(spec().withMinFatalities(Math.max(0, n))); }

    public boolean precisionOn(DatePrecision p) { return spec().datePrecisions().contains(p); }

    public void setPrecision(DatePrecision p, boolean on) {
        if (precisionOn(p) == on) return;
        Set<DatePrecision> s = spec().datePrecisions().isEmpty() ? EnumSet.noneOf(DatePrecision.class)
                : EnumSet.copyOf(spec().datePrecisions());
        if (on) s.add(p); else s.remove(p);
        set(spec().withDatePrecisions(s));
    }

    /** The filter's search words ("" for none). */
    public String text() { return spec().text(); }

    /** Full-text search over place, summary and evidence (SQLite FTS5 on the worker); blank clears it. */
    public void setText(String words) {
        if (!spec().text().equals(words == null ? "" : words.strip())) set(spec().withText(words));
    }

    /** Clears every filter. */
    public void clearAll() { set(SessionViewModel.ALL); }

    private void rebuildChips() {
        FilterSpec s = spec();
        List<Chip> out = new ArrayList<>();
        if (s.from() != null || s.to() != null) {
            out.add(new Chip("dates", (s.from() == null ? "…" : s.from().toString()) + " – "
                    + (s.to() == null ? "…" : s.to().toString()), () -> set(spec().withDates(null, null))));
        }
        if (s.restrictsFactions()) {
            String label = s.noFaction() ? "no faction"
                    : s.factions().size() <= 3 ? String.join(", ", new java.util.TreeSet<>(s.factions()))
                    : s.factions().size() + " factions";
            out.add(new Chip("factions", "Factions: " + label, () -> set(spec().withFactions(Set.of()))));
        }
        for (EventType t : EnumSet.copyOf(s.eventTypes().isEmpty() ? EnumSet.noneOf(EventType.class) : s.eventTypes())) {
            out.add(new Chip("type-" + t.name(), t.label(), () -> setType(t, false)));
        }
        for (SubEventType t : s.subEventTypes().isEmpty() ? EnumSet.noneOf(SubEventType.class) : EnumSet.copyOf(s.subEventTypes())) {
            out.add(new Chip("subtype-" + t.name(), t.label(), () -> setSubType(t, false)));
        }
        if (s.minFatalities() > 0) {
            out.add(new Chip("fatalities", "≥ " + s.minFatalities() + " killed", () -> setMinFatalities(0)));
        }
        if (!s.datePrecisions().isEmpty()) {
            String p = s.datePrecisions().stream().sorted().map(d -> d.name().toLowerCase(Locale.ROOT))
                    .reduce((a, b) -> a + "/" + b).orElse("");
            out.add(new Chip("precision", "Dated to: " + p, () -> set(spec().withDatePrecisions(Set.of()))));
        }
        if (!s.text().isBlank()) out.add(new Chip("text", "“" + s.text() + "”", () -> setText("")));
        if (s.bbox() != null) out.add(new Chip("bbox", "Area (rectangle)", () -> set(spec().withBbox(null))));
        if (!s.area().isEmpty()) out.add(new Chip("area", "Area (lasso)", () -> set(spec().withArea(List.of()))));
        chips.setAll(out);
    }
}
