package org.sitmap.ui.timeline;

import java.nio.IntBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executor;
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
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sitmap.index.Histogram;
import org.sitmap.model.FactionCatalog;
import org.sitmap.render.Raster;
import org.sitmap.render.TimelinePainter;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.SessionViewModel;

/**
 * The timeline under the map: controls (play/pause, speed, step, window/cumulative, loop, jump to a date, zoom to
 * the brush, show all) above the histogram strip, which {@link TimelinePainter} draws into a {@link Raster} shown
 * through a {@link PixelBuffer} — the same one-drawing-path rule as the map.
 *
 * <p>Mouse on the strip: drag either end of the brush, drag inside it to move it, drag elsewhere to draw a new
 * one; double-click zooms the timeline to the brush; wheel zooms around the pointer, Shift+wheel (or a
 * horizontal wheel) pans. Keyboard (strip focused): ←/→ step the brush by the step size, Shift+←/→ by its own
 * width, +/- zoom, Home/End go to the first/last incident, Space plays/pauses, Z zooms to the brush, A shows all.
 *
 * <p>Threading: FX thread; painting runs on the window's worker through a {@link Coalescer} into buffers that are
 * not on screen (three rotate, as in {@code IncidentLayer}), committed on the FX thread.
 */
public final class TimelinePane extends VBox {
    /** Height of the histogram strip in pixels. */
    public static final int STRIP_HEIGHT = 120;
    private static final double GRIP = 6;
    private final TimelineViewModel vm;
    private final SessionViewModel session;
    private final Coalescer<Integer> frames;
    private final ImageView image = new ImageView();
    private final Pane strip = new Pane(image);
    private final Label range = new Label();
    private final Tooltip barTip = new Tooltip();
    private Buf[] bufs = new Buf[0];
    private int front = -1;
    private Object requested;
    private Drag drag;
    private double pressX;
    private int pressFrom;
    private int pressTo;
    // worker-confined
    private TimelinePainter painter;
    private FactionCatalog painterCatalog;

    private enum Drag { FROM, TO, WINDOW, NEW }

    private record Buf(Raster raster, PixelBuffer<IntBuffer> pixels, WritableImage image) { }

    private record Req(Histogram h, TimelinePainter.View view, int w, int h2) { }

    public TimelinePane(TimelineViewModel vm, SessionViewModel session, Executor worker, Executor ui) {
        this.vm = vm;
        this.session = session;
        this.frames = new Coalescer<>(worker, ui, e -> session.messageProperty().set("Timeline drawing failed: " + e));
        setId("timeline");
        strip.setId("timeline-strip");
        strip.setMinHeight(STRIP_HEIGHT);
        strip.setPrefHeight(STRIP_HEIGHT);
        strip.setMaxHeight(STRIP_HEIGHT);
        strip.setFocusTraversable(true);
        image.setSmooth(false);
        image.setMouseTransparent(true);
        strip.widthProperty().addListener((o, a, w) -> {
            if (w.doubleValue() > 2) vm.widthProperty().set(w.doubleValue());
            redraw();
        });
        vm.histogramProperty().addListener((o, a, b) -> redraw());
        vm.brushFromProperty().addListener((o, a, b) -> redraw());
        vm.brushToProperty().addListener((o, a, b) -> redraw());
        vm.viewFromProperty().addListener((o, a, b) -> redraw());
        vm.viewToProperty().addListener((o, a, b) -> redraw());
        session.shownProperty().addListener((o, a, b) -> updateRange());
        vm.brushFromProperty().addListener((o, a, b) -> updateRange());
        vm.brushToProperty().addListener((o, a, b) -> updateRange());
        strip.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        strip.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        strip.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drag = null);
        strip.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            strip.setCursor(cursorAt(e.getX()));
            barTip.setText(describeBar(dayAt(e.getX())));
        });
        barTip.setShowDelay(javafx.util.Duration.millis(250));
        Tooltip.install(strip, barTip);
        strip.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) vm.zoomToBrush();
        });
        strip.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        strip.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        getChildren().addAll(controls(), strip);
        setPadding(new Insets(2, 6, 4, 6));
        setSpacing(2);
        setStyle("-fx-background-color: #fafafa; -fx-border-color: #cccccc transparent transparent transparent;");
    }

    private HBox controls() {
        Button play = new Button("▶ Play");
        play.setId("timeline-play");
        play.setOnAction(e -> vm.togglePlay());
        vm.playingProperty().addListener((o, a, on) -> play.setText(on ? "⏸ Pause" : "▶ Play"));
        play.setMinWidth(78);
        ChoiceBox<Integer> speed = new ChoiceBox<>();
        speed.setId("timeline-speed");
        speed.getItems().setAll(1, 7, 30, 91, 365);
        speed.setConverter(days("/s"));
        speed.setValue(30);
        speed.valueProperty().addListener((o, a, v) -> { if (v != null) vm.speedProperty().set(v); });
        vm.speedProperty().set(30);
        speed.setTooltip(new Tooltip("Playback speed: days of time per second"));
        ChoiceBox<Integer> step = new ChoiceBox<>();
        step.setId("timeline-step");
        step.getItems().setAll(1, 7, 30);
        step.setConverter(days(" steps"));
        step.setValue(vm.stepProperty().get());
        step.valueProperty().addListener((o, a, v) -> { if (v != null) vm.stepProperty().set(v); });
        step.setTooltip(new Tooltip("Step size for playback and the arrow keys"));
        ChoiceBox<TimelineViewModel.Mode> mode = new ChoiceBox<>();
        mode.setId("timeline-mode");
        mode.getItems().setAll(TimelineViewModel.Mode.values());
        mode.setConverter(new StringConverter<>() {
            @Override public String toString(TimelineViewModel.Mode m) {
                return m == TimelineViewModel.Mode.WINDOW ? "Moving window" : "Cumulative";
            }
            @Override public TimelineViewModel.Mode fromString(String s) { return null; }
        });
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        CheckBox loop = new CheckBox("Loop");
        loop.setId("timeline-loop");
        loop.selectedProperty().bindBidirectional(vm.loopProperty());
        TextField jump = new TextField();
        jump.setId("timeline-jump");
        jump.setPromptText("Go to YYYY-MM-DD");
        jump.setPrefColumnCount(10);
        jump.setOnAction(e -> {
            try {
                vm.jumpTo(LocalDate.parse(jump.getText().strip()));
                jump.setStyle("");
            } catch (DateTimeParseException ex) {
                jump.setStyle("-fx-border-color: #c0392b;");
                session.messageProperty().set("Go to: write the date as YYYY-MM-DD, e.g. 2018-02-20");
            }
        });
        Button zoom = new Button("Zoom to brush");
        zoom.setId("timeline-zoom");
        zoom.setOnAction(e -> vm.zoomToBrush());
        Button all = new Button("All dates");
        all.setId("timeline-all");
        all.setOnAction(e -> vm.setBrush(vm.dataFrom(), vm.dataTo()));
        Button fit = new Button("Show all");
        fit.setOnAction(e -> vm.showAll());
        range.setId("timeline-range");
        range.setStyle("-fx-font-weight: bold;");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(6, play, speed, step, mode, loop, new Label("Go to"), jump, zoom, fit, all, gap, range);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static StringConverter<Integer> days(String suffix) {
        return new StringConverter<>() {
            @Override public String toString(Integer d) {
                if (d == null) return "";
                String s = switch (d) {
                    case 1 -> "1 day";
                    case 7 -> "1 week";
                    case 30 -> "1 month";
                    case 91 -> "3 months";
                    case 365 -> "1 year";
                    default -> d + " days";
                };
                return s + suffix;
            }
            @Override public Integer fromString(String s) { return null; }
        };
    }

    private void updateRange() {
        var sel = session.shownProperty().get();
        String n = sel == null ? "" : String.format(java.util.Locale.ROOT, " · %,d incident%s", sel.count(),
                sel.count() == 1 ? "" : "s");
        range.setText(LocalDate.ofEpochDay(vm.brushFromProperty().get()) + " – "
                + LocalDate.ofEpochDay(vm.brushToProperty().get()) + n);
    }

    /**
     * The hover text of the bar under {@code day}: its dates, total, the share with uncertain dates, and the
     * three largest factions.
     */
    public String describeBar(int day) {
        Histogram h = vm.histogramProperty().get();
        var ix = session.indexProperty().get();
        if (h == null || ix == null) return "";
        int b = h.bucketOf(day);
        if (b < 0) return LocalDate.ofEpochDay(day).toString();
        LocalDate a = LocalDate.ofEpochDay(h.start(b));
        LocalDate z = LocalDate.ofEpochDay(h.start(b + 1) - 1);
        StringBuilder sb = new StringBuilder(a.equals(z) ? a.toString() : a + " – " + z);
        float unc = 0;
        float[] per = new float[h.factions()];
        for (int f = 0; f < h.factions(); f++) {
            unc += h.uncertain(b, f);
            per[f] = h.exact(b, f) + h.uncertain(b, f);
        }
        sb.append(String.format(java.util.Locale.ROOT, "%n%,.0f incident%s", h.total(b),
                Math.round(h.total(b)) == 1 ? "" : "s"));
        if (unc >= 0.05f) sb.append(String.format(java.util.Locale.ROOT, " (%.1f of them from dates known only to a week or month, or spans)", unc));
        for (int n = 0; n < 3; n++) {
            int best = -1;
            for (int f = 0; f < per.length; f++) if (per[f] > 0.05f && (best < 0 || per[f] > per[best])) best = f;
            if (best < 0) break;
            sb.append(String.format(java.util.Locale.ROOT, "%n  %s %,.0f", ix.catalog().factions().get(best).name(), per[best]));
            per[best] = 0;
        }
        return sb.toString();
    }

    /** The view model (for tests and the window). */
    public TimelineViewModel viewModel() { return vm; }

    /** The histogram strip (mouse and keys go there). */
    public Pane strip() { return strip; }

    private TimelinePainter.View view() {
        return new TimelinePainter.View(vm.viewFromProperty().get(), vm.viewToProperty().get(),
                vm.brushFromProperty().get(), vm.brushToProperty().get());
    }

    /** x of the start of {@code day} on the strip. */
    public double xOf(int day) { return view().x(day, (int) Math.max(1, strip.getWidth())); }

    private int dayAt(double x) { return view().day(x, (int) Math.max(1, strip.getWidth())); }

    private Cursor cursorAt(double x) {
        double x0 = xOf(vm.brushFromProperty().get());
        double x1 = xOf(vm.brushToProperty().get() + 1);
        if (Math.abs(x - x0) <= GRIP || Math.abs(x - x1) <= GRIP) return Cursor.H_RESIZE;
        if (x > x0 && x < x1) return Cursor.MOVE;
        return Cursor.CROSSHAIR;
    }

    private void pressed(MouseEvent e) {
        strip.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) return;
        double x0 = xOf(vm.brushFromProperty().get());
        double x1 = xOf(vm.brushToProperty().get() + 1);
        pressX = e.getX();
        pressFrom = vm.brushFromProperty().get();
        pressTo = vm.brushToProperty().get();
        if (Math.abs(pressX - x1) <= GRIP) drag = Drag.TO;
        else if (Math.abs(pressX - x0) <= GRIP) drag = Drag.FROM;
        else if (pressX > x0 && pressX < x1) drag = Drag.WINDOW;
        else drag = Drag.NEW;
    }

    private void dragged(MouseEvent e) {
        if (drag == null) return;
        int d = dayAt(e.getX());
        switch (drag) {
            case FROM -> vm.setBrush(Math.min(d, pressTo), pressTo);
            case TO -> vm.setBrush(pressFrom, Math.max(pressFrom, d - 1));
            case WINDOW -> {
                int delta = d - dayAt(pressX);
                vm.setBrush(pressFrom + delta, pressTo + delta);
            }
            case NEW -> {
                int a = dayAt(pressX);
                if (Math.abs(e.getX() - pressX) >= 3) vm.setBrush(Math.min(a, d), Math.max(a, d));
            }
        }
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        double dy = e.getDeltaY();
        double dx = e.getDeltaX();
        int days = vm.viewToProperty().get() - vm.viewFromProperty().get() + 1;
        if (e.isShiftDown() || Math.abs(dx) > Math.abs(dy)) {
            double amount = Math.abs(dx) > Math.abs(dy) ? dx : dy;
            vm.pan((int) Math.round(-Math.signum(amount) * Math.max(1, days / 10.0)));
        } else if (dy != 0) {
            double anchor = vm.viewFromProperty().get() + e.getX() / Math.max(1, strip.getWidth()) * days;
            vm.zoom(dy > 0 ? 0.8 : 1.25, anchor);
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        int width = vm.brushToProperty().get() - vm.brushFromProperty().get() + 1;
        switch (e.getCode()) {
            case LEFT -> { if (e.isShiftDown()) vm.moveBrush(-width); else vm.stepBrush(-1); }
            case RIGHT -> { if (e.isShiftDown()) vm.moveBrush(width); else vm.stepBrush(1); }
            case PLUS, EQUALS, ADD -> vm.zoom(0.8, (vm.brushFromProperty().get() + vm.brushToProperty().get()) / 2.0);
            case MINUS, SUBTRACT -> vm.zoom(1.25, (vm.brushFromProperty().get() + vm.brushToProperty().get()) / 2.0);
            case HOME -> vm.moveBrush(vm.dataFrom() - vm.brushFromProperty().get());
            case END -> vm.moveBrush(vm.dataTo() - vm.brushToProperty().get());
            case SPACE -> vm.togglePlay();
            case Z -> vm.zoomToBrush();
            case A -> vm.showAll();
            default -> { return; }
        }
        e.consume();
    }

    /** Asks for a new picture of the strip when what it shows changed. */
    private void redraw() {
        Histogram h = vm.histogramProperty().get();
        int w = (int) Math.floor(strip.getWidth());
        if (h == null || w < 2 || session.indexProperty().get() == null) return;
        FactionCatalog cat = session.indexProperty().get().catalog();
        Req req = new Req(h, view(), w, STRIP_HEIGHT);
        if (req.equals(requested)) return;
        requested = req;
        if (bufs.length == 0 || bufs[0].raster().width() != w) {
            bufs = new Buf[3];
            for (int k = 0; k < 3; k++) {
                Raster r = new Raster(w, STRIP_HEIGHT);
                PixelBuffer<IntBuffer> pb = new PixelBuffer<>(w, STRIP_HEIGHT, IntBuffer.wrap(r.pixels()),
                        PixelFormat.getIntArgbPreInstance());
                bufs[k] = new Buf(r, pb, new WritableImage(pb));
            }
            front = -1;
        }
        int back = (front + 1) % 3;
        Buf target = bufs[back];
        Buf[] generation = bufs;
        frames.submit(() -> {
            if (painter == null || painterCatalog != cat) {
                painter = new TimelinePainter(cat);
                painterCatalog = cat;
            }
            painter.paint(target.raster(), h, req.view());
            return back;
        }, b -> {
            if (generation != bufs) return;
            bufs[b].pixels().updateBuffer(pb -> null);
            front = b;
            image.setImage(bufs[b].image());
        });
    }
}
