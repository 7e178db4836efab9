package org.sitmap.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sitmap.export.DataExport;
import org.sitmap.export.Element;
import org.sitmap.export.ExportRequest;
import org.sitmap.export.MapExport;
import org.sitmap.export.Paper;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.Viewport;
import org.sitmap.store.IncidentStore;
import org.sitmap.tiles.TileChain;

/**
 * State of File → Export map… and File → Export data…: texts, size preset, format and element toggles; builds the
 * {@link SnapshotSpec} of the view on screen (its visible area, the session's filter, the drawing mode) — the same
 * spec {@code sitmap export} builds from the command line it shows — and runs the export on the worker.
 * Knows no {@code Node}; tested without a toolkit.
 *
 * <p>Threading: properties on the FX thread ({@code ui}); exports run on the one {@code worker} and report back
 * through {@code ui}.
 */
public final class ExportViewModel {
    private static final Logger LOG = Logger.getLogger(ExportViewModel.class.getName());

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
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Executor worker;
    private final Executor ui;
    private volatile boolean cancelRequested;
    /** The worker thread while it runs an export job; guarded by {@code this}. */
    private Thread runner;
    private final Function<Path, IncidentStore> opener;
    private final Path db;
    private final boolean offline;

    /**
     * @param opener  opens the store at {@code db} (null: the default store) on the worker
     * @param offline no network for basemap tiles
     */
    public ExportViewModel(Executor worker, Executor ui, Function<Path, IncidentStore> opener, Path db,
                           boolean offline) {
        this.worker = worker;
        this.ui = ui;
        this.opener = opener;
        this.db = db;
        this.offline = offline;
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
    public StringProperty messageProperty() { return message; }

    public BooleanProperty busyProperty() { return busy; }

    /** The spec of the view on screen: its visible area fitted into the chosen size, the filter, the mode. */
    public SnapshotSpec spec(Viewport screen, FilterSpec filter, IncidentPainter.Mode mode) {
        org.sitmap.model.BBox b = screen.bounds();
        // to a tenth of a metre, so the command line shown stays short and still gives the same picture
        org.sitmap.model.BBox area = new org.sitmap.model.BBox(round6(b.minLon()), round6(b.minLat()),
                round6(b.maxLon()), round6(b.maxLat()));
        // the window shows an incident when its primary faction is on: the export keeps what is on screen
        SnapshotSpec s = SnapshotSpec.defaults().withBbox(area).withFilter(filter).withMode(mode)
                .withFactionRule(org.sitmap.index.IndexFilter.FactionRule.PRIMARY)
                .withOffline(offline).withTexts(title.get(), subtitle.get(), marking.get());
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

    /** The {@code sitmap export} line that makes the same file. */
    public String commandLine(SnapshotSpec spec, Path out) {
        return ExportRequest.shellLine(ExportRequest.arguments(spec, db, out, Period.ofWeeks(1)));
    }

    /** Writes the map (or animation, one frame a week) of {@code spec} to {@code out} on the worker. */
    public void exportMap(SnapshotSpec spec, Path out) {
        run("Exporting the map to " + out.getFileName() + "…", () -> {
            try (IncidentStore store = opener.apply(db)) {
                TileChain chain = TileChain.forExport(spec.offline(), null);
                try {
                    MapExport export = new MapExport(store, chain);
                    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
                    if (MapExport.extension(out).equals("gif")) {
                        int n = export.writeAnimation(spec, out, Period.ofWeeks(1), 500, now, k -> {
                            if (cancelRequested) throw new java.util.concurrent.CancellationException();
                            ui.execute(() -> message.set("Exporting the animation: frame " + k + "…"));
                        });
                        return out.getFileName() + ": " + n + " frames written";
                    }
                    Viewport vp = export.write(spec, out, now);
                    return out.getFileName() + ": " + vp.width() + " × " + vp.height() + " written";
                } finally {
                    chain.close();
                }
            }
        });
    }

    /** Writes the filtered incidents to {@code out} (.geojson .csv .kml .gpkg) on the worker. */
    public void exportData(FilterSpec filter, Path out) {
        run("Exporting data to " + out.getFileName() + "…", () -> {
            try (IncidentStore store = opener.apply(db)) {
                long n = DataExport.write(store, filter, org.sitmap.index.IndexFilter.FactionRule.PRIMARY, out);
                return n + " incidents written to " + out.getFileName();
            }
        });
    }

    private interface Job {
        String run() throws IOException;
    }

    /**
     * Asks the running export to stop (UI thread): a GIF stops before its next frame; a data export stops at its
     * next write (the worker thread is interrupted, which closes the file it writes). Does nothing when idle.
     */
    public void cancel() {
        if (!busy.get() || cancelRequested) return;
        cancelRequested = true;
        message.set("Cancelling the export…");
        synchronized (this) {
            if (runner != null) runner.interrupt();
        }
    }

    private void run(String start, Job job) {
        busy.set(true);
        cancelRequested = false;
        message.set(start);
        worker.execute(() -> {
            String result;
            synchronized (this) {
                runner = Thread.currentThread();
            }
            try {
                result = cancelRequested ? "Export cancelled: nothing was written" : job.run();
            } catch (IOException | RuntimeException e) {
                if (cancelRequested) {
                    LOG.log(Level.FINE, "export cancelled", e);
                    result = "Export cancelled: the file may be incomplete; export again to make it";
                } else {
                    LOG.log(Level.WARNING, "export failed", e);
                    result = "Export failed: " + e.getMessage();
                }
            } finally {
                synchronized (this) {
                    runner = null;
                    Thread.interrupted();   // the shared worker goes on with its next task uninterrupted
                }
            }
            String r = result;
            ui.execute(() -> {
                busy.set(false);
                message.set(r);
            });
        });
    }
}
