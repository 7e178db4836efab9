package org.sitmap.ui.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.TimelinePainter;
import org.sitmap.render.TimelineRenderer;
import org.sitmap.render.TimelineScale;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.FrameBuffers;

/**
 * The timeline under the map: the histogram picture ({@code #timeline-canvas}) with the brush, and a tool bar
 * (play/pause {@code #timeline-play}, speed, step, window/cumulative, loop, "All", jump-to-date
 * {@code #timeline-jump}, the brushed range {@code #timeline-brush}).
 *
 * <p>Mouse on the picture: drag a brush end to resize it, drag inside it to move it, drag elsewhere to draw a new
 * one, double-click to zoom the view to the brush, scroll to zoom around the pointer. Keys (picture focused):
 * left/right step the brush (shift: by its own width), Home/End, space play/pause, +/- zoom.
 *
 * <p>Pipeline and threading: any change of the view model, the filter or the width is captured on the FX thread
 * into an immutable request and drawn by {@link TimelineRenderer} on the window's worker through a
 * {@link Coalescer} (repeated requests merge, stale frames are dropped); the text matches are the workspace's one
 * cache, forgotten when the store is reloaded; three raster/{@link javafx.scene.image.PixelBuffer} pairs
 * rotate ({@link FrameBuffers}) so the worker never draws into the one on screen; the commit (FX thread) shows the picture and publishes
 * its histogram.
 */
public final class TimelinePane extends BorderPane {
    /** Height of the picture in pixels. */
    public static final int HEIGHT = 160;
    private static final double GRAB_PX = 6;

    private final TimelineViewModel vm;
    private final Coalescer<Frame> frames;
    private final Pane canvas = new Pane();
    private final ImageView view = new ImageView();
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final Label hoverText = new Label();
    private final FrameBuffers buffers = new FrameBuffers();
    private Object requested;
    private Drag drag;
    // worker-confined
    private final TimelineRenderer renderer = new TimelineRenderer();

    private record Request(IncidentIndex index, FilterSpec spec, TimelineScale scale, TimelinePainter.Marks marks) { }

    private record Frame(FrameBuffers.Slot buffer, Histogram histogram) { }

    private enum Grip { FROM, TO, WINDOW, NEW }

    private record Drag(Grip grip, int anchorDay, int from, int to) { }

    public TimelinePane(TimelineViewModel vm) {
        this.vm = vm;
        this.frames = vm.workspace().latest("Timeline");
        setId("timeline");
        setTop(toolBar());
        canvas.setId("timeline-canvas");
        canvas.setMinHeight(HEIGHT);
        canvas.setPrefHeight(HEIGHT);
        canvas.setMaxHeight(HEIGHT);
        canvas.setMinWidth(0);
        canvas.setFocusTraversable(true);
        view.setManaged(false);
        view.setSmooth(false);
        canvas.getChildren().add(view);
        setCenter(canvas);
        canvas.widthProperty().addListener((o, a, w) -> vm.widthProperty().set(w.doubleValue()));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drag = null);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            if (e.getClickCount() == 2) vm.zoomToBrush();
            else if (e.isStillSincePress()) brushBarAt(e.getX());
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        vm.viewFromProperty().addListener((o, a, b) -> request());
        vm.viewToProperty().addListener((o, a, b) -> request());
        vm.brushFromProperty().addListener((o, a, b) -> request());
        vm.brushToProperty().addListener((o, a, b) -> request());
        vm.playingProperty().addListener((o, a, b) -> request());
        vm.widthProperty().addListener((o, a, b) -> request());
        vm.session().filterProperty().addListener((o, a, b) -> request());
        vm.session().indexProperty().addListener((o, a, b) -> request());
        request();
    }

    private HBox toolBar() {
        Button play = new Button("▶ Play");
        play.setId("timeline-play");
        play.setMinWidth(80);
        play.setOnAction(e -> vm.togglePlay());
        vm.playingProperty().addListener((o, a, on) -> play.setText(on ? "❚❚ Pause" : "▶ Play"));
        ChoiceBox<Integer> speed = new ChoiceBox<>();
        for (int s : TimelineViewModel.SPEEDS) speed.getItems().add(s);
        speed.setConverter(days("/s"));
        speed.setValue((int) vm.speedProperty().get());
        speed.setId("timeline-speed");
        speed.setTooltip(new Tooltip("Playback speed: days of data per second"));
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(v));
        ChoiceBox<Integer> step = new ChoiceBox<>();
        step.getItems().addAll(1, 7, 30);
        step.setConverter(days(" step"));
        step.setValue(vm.stepProperty().get());
        step.setId("timeline-step");
        step.setTooltip(new Tooltip("How far each playback step and arrow key moves the brush"));
        step.valueProperty().addListener((o, a, v) -> vm.stepProperty().set(v));
        ChoiceBox<TimelineViewModel.Mode> mode = new ChoiceBox<>();
        mode.getItems().addAll(TimelineViewModel.Mode.values());
        mode.setConverter(new StringConverter<>() {
            @Override public String toString(TimelineViewModel.Mode m) {
                return m == TimelineViewModel.Mode.WINDOW ? "Moving window" : "Cumulative";
            }

            @Override public TimelineViewModel.Mode fromString(String s) { return null; }
        });
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setId("timeline-mode");
        CheckBox loop = new CheckBox("Loop");
        loop.setId("timeline-loop");
        loop.selectedProperty().bindBidirectional(vm.loopProperty());
        Button all = new Button("All");
        all.setId("timeline-all");
        all.setTooltip(new Tooltip("Show the whole data span in the timeline"));
        all.setOnAction(e -> vm.showAll());
        TextField jump = new TextField();
        jump.setId("timeline-jump");
        jump.setPromptText("Go to YYYY-MM-DD");
        jump.setPrefColumnCount(10);
        jump.setOnAction(e -> {
            try {
                if (!vm.jumpTo(LocalDate.parse(jump.getText().strip()))) {
                    vm.session().messageProperty().set("No incidents on " + jump.getText().strip()
                            + ": the data runs from " + LocalDate.ofEpochDay(vm.dataFrom()) + " to "
                            + LocalDate.ofEpochDay(vm.dataTo()) + ".");
                }
            } catch (DateTimeParseException ex) {
                vm.session().messageProperty().set("Type a date as YYYY-MM-DD, e.g. 2018-02-24.");
            }
        });
        Label brush = new Label();
        brush.setId("timeline-brush");
        brush.textProperty().bind(vm.brushTextProperty());
        brush.setStyle("-fx-font-weight: bold;");
        Label bucket = new Label();
        bucket.textProperty().bind(vm.bucketProperty().asString("bars: %s").map(String::toLowerCase));
        bucket.setStyle("-fx-text-fill: #666666;");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        hoverText.setId("timeline-hover");
        hoverText.setStyle("-fx-text-fill: #333333;");
        CheckBox breaks = new CheckBox("Breaks");
        breaks.setId("timeline-breaks");
        breaks.setTooltip(new Tooltip("Collapse long stretches without incidents into breaks in the axis"));
        breaks.selectedProperty().bindBidirectional(vm.collapseGapsProperty());
        vm.collapseGapsProperty().addListener((o, a, b) -> request());
        HBox bar = new HBox(6, play, speed, step, mode, loop, breaks, all, jump, hoverText, gap, brush, bucket);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-background-color: #f0f0f0; -fx-border-color: #cccccc transparent transparent transparent;");
        return bar;
    }

    private static StringConverter<Integer> days(String suffix) {
        return new StringConverter<>() {
            @Override public String toString(Integer d) {
                if (d == null) return "";
                String s = switch (d) {
                    case 1 -> "1 day"; case 7 -> "1 week"; case 30 -> "1 month"; case 91 -> "3 months";
                    case 182 -> "6 months"; case 365 -> "1 year"; default -> d + " days";
                };
                return s + suffix;
            }

            @Override public Integer fromString(String s) { return null; }
        };
    }

    // ---- drawing -----------------------------------------------------------------------------------------------

    /** FX thread: captures what to draw and hands it to the worker unless it equals the last request. */
    private void request() {
        IncidentIndex ix = vm.session().indexProperty().get();
        int w = (int) Math.round(canvas.getWidth());
        if (ix == null || !vm.hasData() || w < 2 * TimelineScale.MARGIN + 2) return;
        TimelineScale s = vm.scale(HEIGHT);
        TimelinePainter.Marks marks = new TimelinePainter.Marks(vm.brushFromProperty().get(),
                vm.brushToProperty().get(), vm.playingProperty().get() ? vm.brushToProperty().get() : null);
        Request req = new Request(ix, vm.session().filterProperty().get(), s, marks);
        if (req.equals(requested)) return;
        requested = req;
        FrameBuffers.Slot target = buffers.back(s.width(), HEIGHT);
        frames.submit(() -> new Frame(target, renderer.draw(target.raster(), new TimelineRenderer.Request(req.index(),
                req.spec(), vm.workspace().textMatches(req.spec().text()), req.scale(), req.marks()))),
                this::commit);
    }

    /** FX thread: shows a finished frame. */
    private void commit(Frame f) {
        WritableImage image = buffers.show(f.buffer());
        if (image == null) return;   // resized meanwhile
        view.setImage(image);
        histogram.set(f.histogram());
    }

    /** The histogram of the picture on screen (null before the first). */
    public ReadOnlyObjectProperty<Histogram> histogramProperty() { return histogram.getReadOnlyProperty(); }

    public TimelineViewModel viewModel() { return vm; }

    /** The picture node (mouse and keys go there). */
    public Pane canvas() { return canvas; }

    // ---- input -------------------------------------------------------------------------------------------------

    private Grip gripAt(double x) {
        TimelineScale s = vm.scale(HEIGHT);
        double x0 = s.x(vm.brushFromProperty().get());
        double x1 = s.x(vm.brushToProperty().get() + 1);
        if (Math.abs(x - x0) <= GRAB_PX && Math.abs(x - x0) <= Math.abs(x - x1)) return Grip.FROM;
        if (Math.abs(x - x1) <= GRAB_PX) return Grip.TO;
        if (x > x0 && x < x1) return Grip.WINDOW;
        return Grip.NEW;
    }

    private void hover(MouseEvent e) {
        hoverText.setText(describeBar(e.getX()));
        Grip g = vm.hasData() ? gripAt(e.getX()) : Grip.NEW;
        canvas.setCursor(switch (g) {
            case FROM, TO -> Cursor.H_RESIZE;
            case WINDOW -> Cursor.MOVE;
            case NEW -> Cursor.CROSSHAIR;
        });
    }

    /** The bar under {@code x}: its dates and counts ("" outside the bars). */
    private String describeBar(double x) {
        Histogram h = histogram.get();
        if (h == null || !vm.hasData()) return "";
        int b = h.bucketOf(vm.scale(HEIGHT).day(x));
        if (b < 0) return "";
        LocalDate first = LocalDate.ofEpochDay(h.start(b));
        String when = switch (h.bucket()) {
            case DAY -> first.toString();
            case WEEK -> "week of " + first;
            case MONTH -> first.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    + " " + first.getYear();
        };
        double unc = h.uncertainTotal(b) / (double) Histogram.UNIT;
        return String.format(java.util.Locale.ROOT, "%s: %,d incident%s%s", when, h.total(b), h.total(b) == 1 ? "" : "s",
                unc > 0 ? String.format(java.util.Locale.ROOT, " + %.1f with uncertain dates", unc) : "");
    }

    /** A click on a bar with incidents brushes that bar's days (the map and table show them). */
    private void brushBarAt(double x) {
        Histogram h = histogram.get();
        if (h == null || !vm.hasData()) return;
        int b = h.bucketOf(vm.scale(HEIGHT).day(x));
        if (b < 0 || h.total(b) + h.uncertainTotal(b) == 0) return;
        vm.setBrush(h.start(b), h.start(b + 1) - 1);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || !vm.hasData()) return;
        TimelineScale s = vm.scale(HEIGHT);
        drag = new Drag(gripAt(e.getX()), s.dayEdge(e.getX()), vm.brushFromProperty().get(), vm.brushToProperty().get());
        vm.pause();
    }

    private void dragged(MouseEvent e) {
        if (drag == null) return;
        TimelineScale s = vm.scale(HEIGHT);
        int edge = s.dayEdge(e.getX());
        switch (drag.grip()) {
            case FROM -> vm.setBrush(Math.min(edge, drag.to()), drag.to());
            case TO -> vm.setBrush(drag.from(), Math.max(edge - 1, drag.from()));
            case WINDOW -> vm.moveBrush(drag.from() + edge - drag.anchorDay());
            case NEW -> {
                if (edge != drag.anchorDay()) {
                    vm.setBrush(Math.min(edge, drag.anchorDay()), Math.max(edge, drag.anchorDay()) - 1);
                }
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (!vm.hasData() || e.getDeltaY() == 0) return;
        TimelineScale s = vm.scale(HEIGHT);
        double anchor = s.dayAt(e.getX());
        vm.zoom(Math.pow(0.8, e.getDeltaY() / 40.0), anchor);
        e.consume();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT -> vm.stepBrush(-1, e.isShiftDown());
            case RIGHT -> vm.stepBrush(1, e.isShiftDown());
            case HOME -> vm.brushToStart();
            case END -> vm.brushToEnd();
            case SPACE -> vm.togglePlay();
            case PLUS, ADD, EQUALS -> zoomKey(0.5);
            case MINUS, SUBTRACT -> zoomKey(2);
            default -> { return; }
        }
        e.consume();
    }

    private void zoomKey(double factor) {
        vm.zoom(factor, (vm.brushFromProperty().get() + vm.brushToProperty().get() + 1) / 2.0);
    }
}
