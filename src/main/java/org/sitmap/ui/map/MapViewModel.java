package org.sitmap.ui.map;

import java.util.List;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.BBox;
import org.sitmap.render.HitTester;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * What the map's gestures mean for the workspace: the area tool and the lasso narrow the filter, "Clear area"
 * widens it again, a click selects an incident (or asks to zoom into a cluster), Escape clears the selection, and
 * the opening view fits the loaded incidents. Knows no {@code Node}; tested without a toolkit.
 *
 * <p>Threading: FX thread only.
 */
public final class MapViewModel {
    /** Syria with a little margin. */
    public static final BBox SYRIA = new BBox(35.6, 32.25, 42.45, 37.4);

    private final Workspace workspace;
    private final SessionViewModel session;
    private final BooleanBinding areaSet;

    public MapViewModel(Workspace workspace) {
        this.workspace = workspace;
        this.session = workspace.session();
        this.areaSet = Bindings.createBooleanBinding(() -> session.filterProperty().get().bbox() != null
                || !session.filterProperty().get().area().isEmpty(), session.filterProperty());
    }

    /** The workspace the map draws from (its layer's drawing lane). */
    public Workspace workspace() { return workspace; }

    /** The loaded index, or null. */
    public IncidentIndex index() { return session.indexProperty().get(); }

    /** True while the filter keeps only an area (rectangle or lasso). */
    public BooleanBinding areaSetProperty() { return areaSet; }

    /** Keeps only the incidents inside {@code box} (the area tool's result). */
    public void setArea(BBox box) {
        session.filterProperty().set(session.filterProperty().get().withBbox(box));
    }

    /** Keeps only the incidents inside the drawn shape (lon,lat pairs); fewer than three points change nothing. */
    public boolean setLasso(List<double[]> points) {
        if (points.size() < 3) return false;
        session.filterProperty().set(session.filterProperty().get().withArea(List.copyOf(points)));
        return true;
    }

    /** Removes the area restriction. */
    public void clearArea() {
        session.filterProperty().set(session.filterProperty().get().withBbox(null).withArea(List.of()));
    }

    /** Clears the selection (Escape). */
    public void clearSelection() { session.selectedIdProperty().set(-1); }

    /**
     * A click on {@code hit}: selects its incident and returns its id; for a cluster at one place (which zooming
     * never separates) the latest of them; for a cluster spread over places nothing is selected and the result is
     * empty (the map zooms in instead).
     */
    public OptionalLong click(HitTester.Hit hit) {
        IncidentIndex ix = index();
        if (hit == null || ix == null) return OptionalLong.empty();
        long id;
        if (hit.isCluster()) {
            int[] rows = hit.clusterRows();
            for (int r : rows) if (ix.placeRef(r) != ix.placeRef(rows[0])) return OptionalLong.empty();
            id = ix.id(rows[rows.length - 1]);
        } else {
            id = ix.id(hit.row());
        }
        session.selectedIdProperty().set(id);
        return OptionalLong.of(id);
    }

    /** The tooltip of a hit, or null when nothing is under the pointer. */
    public String tooltip(HitTester.Hit hit) {
        IncidentIndex ix = index();
        if (hit == null || ix == null) return null;
        return hit.isCluster() ? IncidentText.clusterTooltip(ix, hit.clusterRows()) : IncidentText.tooltip(ix, hit.row());
    }

    /**
     * The opening view: the extent of the loaded incidents (located ones, with a margin), so a small data set such as
     * the seed incidents opens on its own towns; null while nothing is loaded or nothing is located (then all Syria).
     */
    public BBox openingExtent() {
        IncidentIndex ix = index();
        return ix == null ? null : dataExtent(ix);
    }

    /** The box around the located incidents, with a tenth of its size as margin on each side; null when none. */
    public static BBox dataExtent(IncidentIndex ix) {
        float[] e = ix.locatedExtent();   // kept by the index (computed on the loader's worker)
        double x0 = e == null ? 180 : e[0], y0 = e == null ? 90 : e[1];
        double x1 = e == null ? -180 : e[2], y1 = e == null ? -90 : e[3];
        if (x0 > x1) return null;
        double mx = Math.max(0.05, (x1 - x0) / 10), my = Math.max(0.05, (y1 - y0) / 10);
        return new BBox(Math.max(-180, x0 - mx), Math.max(-85, y0 - my), Math.min(180, x1 + mx), Math.min(85, y1 + my));
    }
}
