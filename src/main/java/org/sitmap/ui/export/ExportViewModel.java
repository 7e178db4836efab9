package org.sitmap.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sitmap.export.DataExport;
import org.sitmap.export.Element;
import org.sitmap.export.ExportRequest;
import org.sitmap.export.MapExport;
import org.sitmap.index.IncidentIndex;
import org.sitmap.export.Paper;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.Viewport;
import org.sitmap.tiles.TileChain;
import org.sitmap.ui.session.Tasks;
import org.sitmap.ui.session.Workspace;

/**
 * State of File → Export map… and File → Export data…: texts, size preset, format and element toggles; builds the
 * {@link SnapshotSpec} of the view on screen (its visible area, the session's filter, the drawing mode) — the same
 * spec {@code sitmap export} builds from the command line it shows — and runs the export on the worker.
 * Knows no {@code Node}; tested without a toolkit.
 *
 * <p>A window export draws what is on screen from the {@link Workspace}: its index (not loaded again), its text
 * matches, its open store (for the data and the attribution) and the map's tile chain, so the "Online tiles" switch
 * and the chosen MBTiles pack hold for exports too.
 *
 * <p>Threading: properties on the FX thread; exports are {@link Tasks} on the workspace's worker.
 */
public final class ExportViewModel {
    /** Output sizes offered. */
    public enum Size {
        HD("1920 × 1080 px (slide)"), A4_300("A4 landscape, 300 dpi"), A4_150("A4 landscape, 150 dpi"),
        SCREEN("as on screen");

        private final String label;

        Size(String label) { this.label = label; }

        @Override public String toString() { return label; }
    }

    /** Map formats offered. */
    public enum Format { PNG, PDF, GIF }

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subtitle = new SimpleStringProperty("");
    private final StringProperty marking = new SimpleStringProperty("");
    private final ObjectProperty<Size> size = new SimpleObjectProperty<>(Size.HD);
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.PNG);
    private final Map<Element, BooleanProperty> shown = new EnumMap<>(Element.class);
    private final Map<Element, ObjectProperty<Corner>> corners = new EnumMap<>(Element.class);
    private final Workspace workspace;
    private final Tasks tasks;

    /** Exports draw and stream from {@code workspace}: its index, text matches, store and tile chain. */
    public ExportViewModel(Workspace workspace) {
        this.workspace = workspace;
        this.tasks = workspace.tasks();
        for (Element e : Element.values()) {
            if (e != Element.MARKING) shown.put(e, new SimpleBooleanProperty(true));
            if (e.defaultCorner() != null) corners.put(e, new SimpleObjectProperty<>(e.defaultCorner()));
        }
    }

    public StringProperty titleProperty() { return title; }

    public StringProperty subtitleProperty() { return subtitle; }

    public StringProperty markingProperty() { return marking; }

    public ObjectProperty<Size> sizeProperty() { return size; }

    public ObjectProperty<Format> formatProperty() { return format; }

    /** Whether an element is drawn (every element but the marking, which shows when its text is set). */
    public BooleanProperty shownProperty(Element e) { return shown.get(e); }

    /** Where an element with a corner goes (null for elements without one). */
    public ObjectProperty<Corner> cornerProperty(Element e) { return corners.get(e); }

    /** Progress and result text. */
    public ReadOnlyStringProperty messageProperty() { return tasks.messageProperty(); }

    /** True while an export runs. */
    public ReadOnlyBooleanProperty busyProperty() { return tasks.busyProperty(); }

    /** The spec of the view on screen: its visible area fitted into the chosen size, the filter, the mode. */
    public SnapshotSpec spec(Viewport screen, FilterSpec filter, IncidentPainter.Mode mode) {
        org.sitmap.model.BBox b = screen.bounds();
        // to a tenth of a metre, so the command line shown stays short and still gives the same picture
        org.sitmap.model.BBox area = new org.sitmap.model.BBox(round6(b.minLon()), round6(b.minLat()),
                round6(b.maxLon()), round6(b.maxLat()));
        // the filter is the window's (primary-faction rule); the tiles are the map's: offline unless the switch is on
        SnapshotSpec s = SnapshotSpec.defaults().withBbox(area).withFilter(filter).withMode(mode)
                .withOffline(!workspace.tiles().policy().allowsNetwork())
                .withTexts(title.get(), subtitle.get(), marking.get());
        s = switch (size.get()) {
            case HD -> s.withPixels(1920, 1080);
            case A4_300 -> s.withPaper(Paper.A4, true, 300);
            case A4_150 -> s.withPaper(Paper.A4, true, 150);
            case SCREEN -> s.withPixels(Math.max(16, screen.width()), Math.max(16, screen.height()));
        };
        Map<Element, Corner> els = s.elementsCopy();
        for (Map.Entry<Element, ObjectProperty<Corner>> e : corners.entrySet()) els.put(e.getKey(), e.getValue().get());
        for (Map.Entry<Element, BooleanProperty> e : shown.entrySet()) if (!e.getValue().get()) els.remove(e.getKey());
        return s.withElements(els);
    }

    private static double round6(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    /** The file ending of the chosen format. */
    public String extension() { return format.get().name().toLowerCase(java.util.Locale.ROOT); }

    /** The {@code sitmap export} line that makes the same file (with the map's MBTiles pack, when one is open). */
    public String commandLine(SnapshotSpec spec, Path out) {
        if (spec.filter().noFaction()) return NOTHING;
        java.util.List<String> args = new java.util.ArrayList<>(
                ExportRequest.arguments(spec, workspace.db(), out, Period.ofWeeks(1)));
        workspace.tiles().pack().ifPresent(p -> {
            args.add("--mbtiles");
            args.add(p.toString());
        });
        return ExportRequest.shellLine(args);
    }

    private static final String CANCELLED = "Export cancelled: nothing was written";

    /** What an export says when every faction is off. */
    static final String NOTHING = "Every faction is off, so nothing would be exported: switch a faction on first.";

    /**
     * Writes the map (or animation, one frame a week) of {@code spec} to {@code out} on the worker: the incidents
     * of the window's index (nothing is loaded again) over the map's tiles (its "Online tiles" switch, its pack).
     */
    public void exportMap(SnapshotSpec spec, Path out) {
        if (refused(spec.filter())) return;
        IncidentIndex index = workspace.session().indexProperty().get();
        TileChain chain = workspace.tiles().chain();
        tasks.run("Exporting the map to " + out.getFileName() + "…", progress -> progress.cancelled() ? CANCELLED
                : workspace.read(store -> {
            try {
                MapExport export = new MapExport(store, chain, index, workspace::textMatches);
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
                if (MapExport.extension(out).equals("gif")) {
                    int n = export.writeAnimation(spec, out, Period.ofWeeks(1), 500, now, k -> {
                        if (progress.cancelled()) throw new java.util.concurrent.CancellationException();
                        progress.message("Exporting the animation: frame " + k + "…");
                    });
                    return out.getFileName() + ": " + n + " frames written";
                }
                Viewport vp = export.write(spec, out, now);
                return out.getFileName() + ": " + vp.width() + " × " + vp.height() + " written";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), done -> done, this::failed);
    }

    /** Writes the filtered incidents to {@code out} (.geojson .csv .kml .gpkg) on the worker, from the open store. */
    public void exportData(FilterSpec filter, Path out) {
        if (refused(filter)) return;
        tasks.run("Exporting data to " + out.getFileName() + "…", progress -> progress.cancelled() ? CANCELLED
                : workspace.read(store -> {
            try {
                return DataExport.write(store, filter, out) + " incidents written to " + out.getFileName();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), done -> done, this::failed);
    }

    private boolean refused(FilterSpec filter) {
        if (!filter.noFaction()) return false;
        tasks.say(NOTHING);
        return true;
    }

    private String failed(Exception e) {
        if (tasks.cancelled()) return "Export cancelled: the file may be incomplete; export again to make it";
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return "Export failed: " + t.getMessage();
    }

    /**
     * Asks the running export to stop (UI thread): a GIF stops before its next frame; a data export stops at its
     * next write (the worker thread is interrupted, which closes the file it writes). Does nothing when idle.
     */
    public void cancel() {
        tasks.cancel("Cancelling the export…", true);
    }
}
