package org.sitmap.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.IncidentSource;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * Follows the session's selected incident: fetches every field of it and the other incidents at the same place
 * (at most {@value #MAX_OTHERS}, newest first) from the store, and publishes them as {@link Details}; null when
 * nothing is selected.
 *
 * <p>Threading: listens and publishes on the FX thread ({@code ui}); the store is read on {@code worker}
 * through a {@link Coalescer}, so quick re-selections only fetch the last one. Knows no {@code Node}.
 */
public final class DetailsViewModel {
    /** At most this many other incidents at the place are listed. */
    public static final int MAX_OTHERS = 50;

    /** The selected incident and the others at its place. */
    public record Details(Incident incident, List<Incident> others, int othersTotal) { }

    private final SessionViewModel session;
    private final Workspace workspace;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>();
    private final Coalescer<Details> fetch;

    public DetailsViewModel(Workspace workspace) {
        this.workspace = workspace;
        this.session = workspace.session();
        this.fetch = workspace.latest("Reading the incident");
        session.selectedIdProperty().addListener((o, a, b) -> load(b.longValue()));
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() { return details.getReadOnlyProperty(); }

    private void load(long id) {
        if (id < 0) {
            fetch.submit(() -> null, details::set);
            return;
        }
        IncidentIndex ix = session.indexProperty().get();
        fetch.submit(() -> {
            IncidentSource src = workspace.source();
            if (src == null) return null;
            Optional<Incident> inc = src.incident(id);
            if (inc.isEmpty()) return null;
            List<Long> otherIds = new ArrayList<>();
            if (ix != null) {
                int row = ix.rowOf(id);
                if (row >= 0 && !ix.place(row).isBlank()) {
                    int ref = ix.placeRef(row);
                    for (int r = ix.size() - 1; r >= 0; r--) {
                        if (r != row && ix.placeRef(r) == ref) otherIds.add(ix.id(r));
                    }
                }
            }
            List<Incident> others = new ArrayList<>();
            for (int k = 0; k < Math.min(MAX_OTHERS, otherIds.size()); k++) src.incident(otherIds.get(k)).ifPresent(others::add);
            return new Details(inc.get(), List.copyOf(others), otherIds.size());
        }, details::set);
    }
}
