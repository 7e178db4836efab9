package org.sitmap.ui.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.BBox;
import org.sitmap.render.HitTester;
import org.sitmap.render.IncidentPainter;

/**
 * The map: a Gluon {@link MapView} centred on Syria with the {@link IncidentLayer} on it, a tool bar (area tool,
 * lasso tool, drawing mode, whole-country view) and an overlay for the hover tooltip and the area rectangle.
 *
 * <p>Mouse: hover shows a tooltip; click on a marker selects it (details panel), click on a cluster zooms in on
 * it; drag pans, wheel zooms (Gluon). Area tool on: drag a rectangle → the filter keeps incidents inside it
 * ({@code withBbox}); lasso tool on: draw a free shape → {@code withArea}; "Clear area" removes both.
 * Keyboard (map focused): arrows pan, + / - zoom, Escape clears the selection (and cancels an area drag),
 * 0 shows all of Syria.
 *
 * <p>What the gestures mean (filter, selection, opening view) is {@link MapViewModel}'s; this class turns mouse and
 * keys into its calls.
 *
 * <p>Threading: FX thread only; drawing happens on the worker inside {@link IncidentLayer}.
 */
public final class MapPane extends BorderPane {
    /** Syria with a little margin. */
    public static final BBox SYRIA = MapViewModel.SYRIA;
    private static final double HIT_RADIUS = 8;
    private final MapView map = new MapView();
    private final IncidentLayer layer;
    private final MapViewModel vm;
    private final Label tooltip = new Label();
    private final Rectangle areaRect = new Rectangle();
    private final ToggleButton areaTool = new ToggleButton("Area");
    private final ToggleButton lassoTool = new ToggleButton("Lasso");
    private final Polyline lasso = new Polyline();
    private final java.util.List<double[]> lassoPoints = new java.util.ArrayList<>();
    private double dragX;
    private double dragY;
    private boolean fitted;

    public MapPane(MapViewModel vm) {
        this.vm = vm;
        setId("map-pane");
        map.setId("map");
        map.setZoom(6.5);
        map.setCenter(34.8, 39.0);
        layer = new IncidentLayer(map, vm.workspace());
        map.addLayer(layer);

        tooltip.setId("map-tooltip");
        tooltip.setStyle("-fx-background-color: rgba(255,255,255,0.94); -fx-border-color: #888; -fx-padding: 4 6 4 6;");
        tooltip.setVisible(false);
        tooltip.setManaged(false);
        areaRect.setFill(Color.rgb(0, 90, 255, 0.12));
        areaRect.setStroke(Color.rgb(0, 90, 255));
        areaRect.getStrokeDashArray().setAll(6.0, 4.0);
        areaRect.setVisible(false);
        areaRect.setManaged(false);
        lasso.setStroke(Color.rgb(0, 90, 255));
        lasso.getStrokeDashArray().setAll(6.0, 4.0);
        lasso.setFill(Color.rgb(0, 90, 255, 0.12));
        lasso.setManaged(false);
        Pane overlay = new Pane(areaRect, lasso, tooltip);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane stack = new StackPane(map, overlay);
        stack.setMinSize(0, 0);
        setCenter(stack);
        setTop(toolBar());

        map.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tooltip.setVisible(false));
        map.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress() && !areaTool.isSelected() && !lassoTool.isSelected()) click(e.getX(), e.getY());
        });
        map.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            map.requestFocus();
            fitted = true;   // the user has taken over: the data's arrival no longer moves the map
        });
        map.addEventFilter(MouseEvent.ANY, this::areaDrag);
        map.addEventFilter(MouseEvent.ANY, this::lassoDrag);
        areaTool.selectedProperty().addListener((o, a, on) -> { if (on) lassoTool.setSelected(false); });
        lassoTool.selectedProperty().addListener((o, a, on) -> { if (on) areaTool.setSelected(false); });
        map.setFocusTraversable(true);
        map.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        map.widthProperty().addListener((o, a, b) -> fitOnce());
        map.heightProperty().addListener((o, a, b) -> fitOnce());
        vm.workspace().session().indexProperty().addListener((o, a, b) -> fitOnce());
    }

    private ToolBar toolBar() {
        areaTool.setId("area-tool");
        lassoTool.setId("lasso-tool");
        Button clearArea = new Button("Clear area");
        clearArea.setId("area-clear");
        clearArea.setOnAction(e -> clearArea());
        clearArea.disableProperty().bind(vm.areaSetProperty().not());
        ChoiceBox<IncidentPainter.Mode> mode = new ChoiceBox<>();
        mode.setId("map-mode");
        mode.getItems().setAll(IncidentPainter.Mode.values());
        mode.valueProperty().bindBidirectional(layer.modeProperty());
        Button syria = new Button("All Syria");
        syria.setOnAction(e -> fit());
        return new ToolBar(syria, new Label("Draw:"), mode, areaTool, lassoTool, clearArea);
    }

    public MapView mapView() { return map; }

    /** Items for the window's View menu: the drawing modes and "All Syria". */
    public java.util.List<javafx.scene.control.MenuItem> viewMenuItems() {
        java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (IncidentPainter.Mode m : IncidentPainter.Mode.values()) {
            String name = m.name().charAt(0) + m.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem("Draw: " + name);
            item.setToggleGroup(group);
            item.setSelected(layer.modeProperty().get() == m);
            item.setOnAction(e -> layer.modeProperty().set(m));
            layer.modeProperty().addListener((o, a, b) -> item.setSelected(b == m));
            items.add(item);
        }
        javafx.scene.control.MenuItem all = new javafx.scene.control.MenuItem("All Syria");
        all.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+0"));
        all.setOnAction(e -> fit());
        items.add(new javafx.scene.control.SeparatorMenuItem());
        items.add(all);
        return items;
    }

    public IncidentLayer layer() { return layer; }

    /** Keeps the view as it is when the data arrives (instead of fitting the map to the data). */
    public void keepView() {
        fitted = true;
    }

    /** Shows all of Syria. */
    public void fit() {
        double w = map.getWidth();
        double h = map.getHeight();
        if (w < 2 || h < 2) return;
        org.sitmap.render.Viewport vp = org.sitmap.render.Viewport.fit(SYRIA, (int) w, (int) h);
        map.setZoom(vp.zoom());
        map.setCenter(vp.centerLat(), vp.centerLon());
    }

    /**
     * The opening view: the extent of the loaded incidents (located ones, with a margin), so a small data set such
     * as the seed incidents opens on its own towns; all of Syria while nothing is loaded or nothing is located.
     */
    private void fitOnce() {
        if (fitted || map.getWidth() <= 2 || map.getHeight() <= 2) return;
        BBox data = vm.openingExtent();
        if (data == null) {
            fit();
            return;
        }
        fitted = true;
        org.sitmap.render.Viewport vp = org.sitmap.render.Viewport.fit(data, (int) map.getWidth(),
                (int) map.getHeight());
        map.setZoom(Math.min(12, vp.zoom()));
        map.setCenter(vp.centerLat(), vp.centerLon());
    }

    /** As {@link MapViewModel#dataExtent}. */
    public static BBox dataExtent(IncidentIndex ix) { return MapViewModel.dataExtent(ix); }

    /** The incident under a map point, for hover and click (respects clusters); null when none. */
    public HitTester.Hit hitAt(double x, double y) {
        IncidentLayer.Frame f = layer.frameProperty().get();
        Point2D p = layer.toFrame(x, y);
        if (f == null || p == null) return null;
        return f.hits().hit(p.getX(), p.getY(), HIT_RADIUS);
    }

    private void hover(double x, double y) {
        String text = vm.tooltip(hitAt(x, y));
        if (text == null) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.setText(text);
        tooltip.autosize();
        Point2D p = map.localToScene(x, y);
        Point2D local = ((Pane) tooltip.getParent()).sceneToLocal(p);
        double tx = Math.min(local.getX() + 14, map.getWidth() - tooltip.getWidth() - 4);
        tooltip.relocate(Math.max(0, tx), Math.max(0, local.getY() + 14));
        tooltip.setVisible(true);
    }

    private void click(double x, double y) {
        HitTester.Hit h = hitAt(x, y);
        if (h == null || vm.index() == null) return;
        if (vm.click(h).isEmpty()) {   // a cluster over several places: zoom in on it
            MapPoint p = map.getMapPosition(x, y);
            map.setZoom(Math.min(18, map.getZoom() + 2));
            map.setCenter(p.getLatitude(), p.getLongitude());
        }
    }

    private void key(KeyEvent e) {
        double w = map.getWidth();
        double h = map.getHeight();
        double step = Math.min(w, h) / 4;
        KeyCode k = e.getCode();
        switch (k) {
            case LEFT -> pan(w / 2 - step, h / 2);
            case RIGHT -> pan(w / 2 + step, h / 2);
            case UP -> pan(w / 2, h / 2 - step);
            case DOWN -> pan(w / 2, h / 2 + step);
            case PLUS, EQUALS, ADD -> map.setZoom(Math.min(18, map.getZoom() + 1));
            case MINUS, SUBTRACT -> map.setZoom(Math.max(2, map.getZoom() - 1));
            case DIGIT0, NUMPAD0 -> fit();
            case ESCAPE -> {
                vm.clearSelection();
                areaRect.setVisible(false);
                lasso.getPoints().clear();
                lassoPoints.clear();
            }
            default -> { return; }
        }
        e.consume();
    }

    private void pan(double x, double y) {
        MapPoint p = map.getMapPosition(x, y);
        map.setCenter(p.getLatitude(), p.getLongitude());
    }

    private void areaDrag(MouseEvent e) {
        if (!areaTool.isSelected()) return;
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            dragX = e.getX();
            dragY = e.getY();
            areaRect.setVisible(true);
            updateRect(e.getX(), e.getY());
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_DRAGGED) {
            updateRect(e.getX(), e.getY());
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED && areaRect.isVisible()) {
            e.consume();
            areaRect.setVisible(false);
            if (Math.abs(e.getX() - dragX) < 4 || Math.abs(e.getY() - dragY) < 4) return;
            MapPoint a = map.getMapPosition(Math.min(dragX, e.getX()), Math.max(dragY, e.getY()));
            MapPoint b = map.getMapPosition(Math.max(dragX, e.getX()), Math.min(dragY, e.getY()));
            setArea(new BBox(a.getLongitude(), a.getLatitude(), b.getLongitude(), b.getLatitude()));
            areaTool.setSelected(false);
        }
    }

    private void lassoDrag(MouseEvent e) {
        if (!lassoTool.isSelected()) return;
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            lassoPoints.clear();
            lasso.getPoints().clear();
        }
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED || e.getEventType() == MouseEvent.MOUSE_DRAGGED) {
            MapPoint p = map.getMapPosition(e.getX(), e.getY());
            lassoPoints.add(new double[] {p.getLongitude(), p.getLatitude()});
            Point2D local = ((Pane) lasso.getParent()).sceneToLocal(map.localToScene(e.getX(), e.getY()));
            lasso.getPoints().addAll(local.getX(), local.getY());
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED) {
            e.consume();
            lasso.getPoints().clear();
            if (vm.setLasso(lassoPoints)) lassoTool.setSelected(false);
            lassoPoints.clear();
        }
    }

    private void updateRect(double x, double y) {
        Point2D a = map.localToScene(Math.min(dragX, x), Math.min(dragY, y));
        Point2D local = ((Pane) areaRect.getParent()).sceneToLocal(a);
        areaRect.setX(local.getX());
        areaRect.setY(local.getY());
        areaRect.setWidth(Math.abs(x - dragX));
        areaRect.setHeight(Math.abs(y - dragY));
    }

    /** Keeps only the incidents inside {@code box} (the area tool's result). */
    public void setArea(BBox box) { vm.setArea(box); }

    /** Removes the area restriction. */
    public void clearArea() { vm.clearArea(); }
}
