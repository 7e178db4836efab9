package org.sitmap.ui.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.render.HitTester;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.FrameBuffers;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * The incidents, the map's names (incident places and the local basemap's towns, roads and areas, placed
 * together) and the scale bar over the Gluon map, drawn by the {@code render} package into a pixel
 * buffer and shown through a JavaFX {@link javafx.scene.image.PixelBuffer} ({@code IntArgbPre}) — the same pixels an export writes.
 *
 * <p>Pipeline and threading: {@link #layoutLayer()} runs on the FX thread whenever the map moves; it captures the
 * viewport (centre, zoom, size, derived from Gluon's own projection), the shown selection, the selected row and
 * the mode, and submits a drawing to the window's single worker through a {@link Coalescer} (repeated requests
 * merge, stale frames are dropped). The worker draws into a back buffer that is not on screen ({@link FrameBuffers}:
 * three rotate, allocated on the worker when the size changes);
 * the commit runs on the FX thread: it marks the buffer dirty, shows it and publishes the frame's
 * {@link HitTester}. Until a new frame lands, the shown one is kept glued to the map (moved and scaled with it).
 */
public final class IncidentLayer extends MapLayer {
    private static final double MIN_ZOOM = 0;
    private final MapView map;
    private final SessionViewModel session;
    private final Coalescer<Frame> frames;
    private final ImageView view = new ImageView();
    private final ReadOnlyIntegerWrapper drawnCount = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<IncidentPainter.Mode> mode = new SimpleObjectProperty<>(IncidentPainter.Mode.AUTO);
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty basemapNames = new javafx.beans.property.SimpleBooleanProperty(true);
    private final FrameBuffers buffers = new FrameBuffers();
    private Object requested;
    private int selectedRow = -1;
    // worker-confined
    private final MapFramePainter framePainter = new MapFramePainter();

    /** A drawn picture: which buffer, for which viewport, and what went where. */
    public record Frame(FrameBuffers.Slot buffer, Viewport viewport, HitTester hits) { }

    private record Request(Viewport vp, Selection sel, int selectedRow, IncidentPainter.Mode mode,
                           boolean basemapNames) { }

    public IncidentLayer(MapView map, Workspace workspace) {
        this.map = map;
        this.session = workspace.session();
        this.frames = workspace.latest("Drawing");
        view.setSmooth(false);
        getChildren().add(view);
        setMouseTransparent(true);
        session.shownProperty().addListener((o, a, b) -> markDirty());
        session.selectedIdProperty().addListener((o, a, b) -> findSelectedRow());
        session.indexProperty().addListener((o, a, b) -> findSelectedRow());
        mode.addListener((o, a, b) -> markDirty());
        basemapNames.addListener((o, a, b) -> markDirty());
    }

    /**
     * Whether this layer draws the local basemap's names (towns, roads, areas), placed with the incidents' labels;
     * true while the tiles under it are the local basemap's, which carry no names.
     */
    public javafx.beans.property.BooleanProperty basemapNamesProperty() { return basemapNames; }

    private void findSelectedRow() {
        IncidentIndex ix = session.indexProperty().get();
        long id = session.selectedIdProperty().get();
        selectedRow = ix == null || id < 0 ? -1 : ix.rowOf(id);
        markDirty();
    }

    /** How incidents are drawn (markers / clusters / heat). */
    public ObjectProperty<IncidentPainter.Mode> modeProperty() { return mode; }

    /** Rows in the last committed frame (markers plus rows inside clusters). */
    public ReadOnlyIntegerProperty drawnCountProperty() { return drawnCount.getReadOnlyProperty(); }

    /** The last committed frame, or null. */
    public ObjectProperty<Frame> frameProperty() { return frame; }

    /** The viewport the map shows now, from Gluon's own projection; null before the map has a size. */
    public Viewport currentViewport() {
        double w = map.getWidth();
        double h = map.getHeight();
        if (w < 2 || h < 2) return null;
        MapPoint c = map.getMapPosition(w / 2, h / 2);
        Point2D p0 = getMapPoint(c.getLatitude(), c.getLongitude());
        Point2D p1 = getMapPoint(c.getLatitude(), c.getLongitude() + 1);
        if (p0 == null || p1 == null) return null;
        double worldPx = (p1.getX() - p0.getX()) * 360;
        double zoom = Math.log(worldPx / 256) / Math.log(2);
        if (!(zoom >= MIN_ZOOM) || zoom > 22) return null;
        return new Viewport(c.getLatitude(), c.getLongitude(), zoom, (int) Math.ceil(w), (int) Math.ceil(h));
    }

    /** Map (layer) coordinates → the committed frame's pixel coordinates, or null without a frame. */
    public Point2D toFrame(double x, double y) {
        Frame f = frame.get();
        if (f == null) return null;
        Viewport now = currentViewport();
        if (now == null) return null;
        double scale = Math.pow(2, now.zoom() - f.viewport().zoom());
        Point2D origin = getMapPoint(f.viewport().lat(0), f.viewport().lon(0));
        return new Point2D((x - origin.getX()) / scale, (y - origin.getY()) / scale);
    }

    @Override
    protected void layoutLayer() {
        Viewport vp = currentViewport();
        if (vp == null) return;
        Selection sel = session.shownProperty().get();
        Request req = new Request(vp, sel, selectedRow, mode.get(), basemapNames.get());
        if (!req.equals(requested)) {
            requested = req;
            submit(req);
        }
        place();
    }

    private void submit(Request req) {
        FrameBuffers.Slot target = buffers.back(req.vp().width(), req.vp().height());
        frames.submit(() -> draw(target, req), this::commit);
    }

    /** Worker: draws one frame into a buffer that is not on screen. */
    private Frame draw(FrameBuffers.Slot b, Request req) {
        Raster r = b.raster();
        IncidentPainter.Options o = IncidentPainter.Options.DEFAULT.withMode(req.mode()).withSelectedRow(req.selectedRow());
        HitTester hits = framePainter.paint(r, req.vp(), req.sel(), o, req.basemapNames());
        return new Frame(b, req.vp(), hits);
    }

    /** FX thread: shows a finished frame. */
    private void commit(Frame f) {
        WritableImage image = buffers.show(f.buffer());
        if (image == null) return;   // the window was resized meanwhile
        view.setImage(image);
        frame.set(f);
        drawnCount.set(f.hits().drawnRows());
        place();
    }

    /** Keeps the shown frame on the map while the map moves: offset and scale from its own viewport. */
    private void place() {
        Frame f = frame.get();
        Viewport now = currentViewport();
        if (f == null || now == null) return;
        Viewport fv = f.viewport();
        double scale = Math.pow(2, now.zoom() - fv.zoom());
        Point2D origin = getMapPoint(fv.lat(0), fv.lon(0));
        view.setLayoutX(origin.getX());
        view.setLayoutY(origin.getY());
        view.setFitWidth(fv.width() * scale);
        view.setFitHeight(fv.height() * scale);
    }

    /** Asks Gluon to lay this layer out again (after data changes). */
    @Override
    public void markDirty() {
        super.markDirty();
    }
}
