package org.sitmap.ui.timeline;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sitmap.index.Bucket;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.TimelineRenderer;
import org.sitmap.render.TimelineScale;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * The timeline's state: the visible day range (its zoom picks the bar width: day, week or month), the brushed
 * window, and playback. The brush is the session filter's date range: moving it writes
 * {@link FilterSpec#withDates} (no dates when it covers all the data), so the map, the count and the table follow;
 * a date range set elsewhere (the filter panel) moves the brush. Knows no {@code Node}; tested without a toolkit.
 *
 * <p>Playback advances the brush by whole steps at {@link #speedProperty()} days per second, driven by an injected
 * {@link Ticker} (a JavaFX {@code AnimationTimer} in the window, a hand-driven clock in tests): in
 * {@link Mode#WINDOW} both ends move, in {@link Mode#CUMULATIVE} only the end; at the end of the data it starts
 * again ({@link #loopProperty()}) or stops. Long empty stretches of the data are collapsed into breaks in the axis
 * ({@link #collapseGapsProperty()}): playback jumps over them (the brush's end never stops inside one), and the
 * whole-data view gives the shown days the width.
 *
 * <p>Threading: FX thread only (reads and writes session properties; the ticker calls back on the FX thread).
 * All days are epoch days ({@link LocalDate#toEpochDay()}), ranges inclusive.
 */
public final class TimelineViewModel {
    /** How playback moves the brush. */
    public enum Mode { WINDOW, CUMULATIVE }

    /** A frame clock: calls back with a time in nanoseconds (FX thread) between start and stop. */
    public interface Ticker {
        void start(LongConsumer frameNanos);

        void stop();
    }

    /** Speeds offered, in days of data per second of playback. */
    public static final int[] SPEEDS = {1, 7, 30, 91, 182, 365};
    /** The narrowest visible range, in days. */
    public static final int MIN_VIEW_DAYS = 14;

    private final Workspace workspace;
    private final SessionViewModel session;
    private final Ticker ticker;
    private final ReadOnlyIntegerWrapper viewFrom = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper viewTo = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper brushFrom = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper brushTo = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final DoubleProperty speed = new SimpleDoubleProperty(30);
    private final IntegerProperty step = new SimpleIntegerProperty(7);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.WINDOW);
    private final BooleanProperty loop = new SimpleBooleanProperty(false);
    private final DoubleProperty width = new SimpleDoubleProperty(1200);
    private final ReadOnlyObjectWrapper<Bucket> bucket = new ReadOnlyObjectWrapper<>(Bucket.WEEK);
    private final ReadOnlyStringWrapper brushText = new ReadOnlyStringWrapper("");
    private final BooleanProperty collapseGaps = new SimpleBooleanProperty(true);
    private java.util.List<TimelineScale.Gap> gaps = java.util.List.of();
    private int dataFrom;
    private int dataTo;
    private boolean hasData;
    private boolean adopting;
    private long lastNanos = -1;
    private double owed;

    public TimelineViewModel(Workspace workspace, Ticker ticker) {
        this.workspace = workspace;
        this.session = workspace.session();
        this.ticker = ticker;
        session.indexProperty().addListener((o, a, ix) -> load(ix, session.isGrowth()));
        session.filterProperty().addListener((o, a, spec) -> adopt(spec));
        viewFrom.addListener((o, a, b) -> updateBucket());
        viewTo.addListener((o, a, b) -> updateBucket());
        width.addListener((o, a, b) -> updateBucket());
        collapseGaps.addListener((o, a, b) -> {
            showAll();
            updateBucket();
        });
        brushFrom.addListener((o, a, b) -> updateText());
        brushTo.addListener((o, a, b) -> updateText());
        load(session.indexProperty().get(), false);
    }

    /**
     * A new index: another store's (or a reload) stops playback and shows the whole span; a live growth of the shown
     * one ({@code growth}) keeps playback and the zoom, and a view of the whole span grows with the data.
     */
    private void load(IncidentIndex ix, boolean growth) {
        boolean keep = growth && hasData && ix != null && ix.size() > 0;
        boolean wholeView = viewFrom.get() <= dataFrom && viewTo.get() >= dataTo;
        if (!keep) pause();
        hasData = ix != null && ix.size() > 0;
        if (!hasData) return;
        dataFrom = ix.minDay();
        dataTo = ix.maxDay();
        gaps = TimelineGaps.find(ix, dataFrom, dataTo);
        if (!keep || wholeView) showAll();
        else updateBucket();
        FilterSpec spec = session.filterProperty().get();
        if (spec.from() == null && spec.to() == null) setBrush(dataFrom, dataTo);
        else adopt(spec);
    }

    /** Follows a date range set elsewhere (the filter panel) without writing it back. */
    private void adopt(FilterSpec spec) {
        if (!hasData) return;
        int f = spec.from() == null ? dataFrom : (int) spec.from().toEpochDay();
        int t = spec.to() == null ? dataTo : (int) spec.to().toEpochDay();
        if (f == brushFrom.get() && t == brushTo.get()) return;
        adopting = true;
        try {
            brushFrom.set(f);
            brushTo.set(t);
        } finally {
            adopting = false;
        }
    }

    // ---- brush -------------------------------------------------------------------------------------------------

    /** Sets the brushed window (ends in any order, clamped to the data) and writes it into the session filter. */
    public void setBrush(int from, int to) {
        if (!hasData) return;
        int f = Math.max(dataFrom, Math.min(from, to));
        int t = Math.min(dataTo, Math.max(from, to));
        if (t < f) { f = Math.min(f, dataTo); t = f; }
        brushFrom.set(f);
        brushTo.set(t);
        writeFilter();
    }

    /** Moves the brush keeping its width so that it starts at {@code from} (clamped to the data). */
    public void moveBrush(int from) {
        int w = brushTo.get() - brushFrom.get();
        int f = Math.max(dataFrom, Math.min(from, dataTo - w));
        setBrush(f, f + w);
    }

    private void writeFilter() {
        if (adopting) return;
        FilterSpec spec = session.filterProperty().get();
        boolean all = brushFrom.get() <= dataFrom && brushTo.get() >= dataTo;
        LocalDate f = all ? null : LocalDate.ofEpochDay(brushFrom.get());
        LocalDate t = all ? null : LocalDate.ofEpochDay(brushTo.get());
        if (java.util.Objects.equals(f, spec.from()) && java.util.Objects.equals(t, spec.to())) return;
        session.filterProperty().set(spec.withDates(f, t));
    }

    /** Keyboard stepping: moves the brush by the step (or, {@code big}, by its own width) back or forward. */
    public void stepBrush(int direction, boolean big) {
        int d = big ? brushTo.get() - brushFrom.get() + 1 : step.get();
        moveBrush(brushFrom.get() + Integer.signum(direction) * d);
        ensureVisible();
    }

    /** Home: the brush (same width) at the start of the data. */
    public void brushToStart() {
        moveBrush(dataFrom);
        ensureVisible();
    }

    /** End: the brush (same width) at the end of the data. */
    public void brushToEnd() {
        moveBrush(dataTo);
        ensureVisible();
    }

    /** Centres the brush (same width) on a date and brings it into view; false when the date is not in the data. */
    public boolean jumpTo(LocalDate date) {
        if (!hasData) return false;
        int d = (int) date.toEpochDay();
        if (d < dataFrom || d > dataTo) return false;
        int w = brushTo.get() - brushFrom.get();
        if (w >= dataTo - dataFrom) w = Math.min(w, 29);   // the whole span: a month around the date
        moveBrush(d - w / 2);
        ensureVisible();
        return true;
    }

    // ---- view --------------------------------------------------------------------------------------------------

    /** The whole data span (with a little room on each side). */
    public void showAll() {
        if (!hasData) return;
        int span = dataTo - dataFrom + 1;
        for (TimelineScale.Gap g : activeGaps()) span -= g.days();
        int pad = Math.max(1, span / 50);
        setView(dataFrom - pad, dataTo + pad);
    }

    /** Zooms the view to the brush (double-click). */
    public void zoomToBrush() {
        int w = brushTo.get() - brushFrom.get() + 1;
        int pad = Math.max(1, w / 20);
        setView(brushFrom.get() - pad, brushTo.get() + pad);
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code anchorDay} under the same pixel. */
    public void zoom(double factor, double anchorDay) {
        int days = viewTo.get() - viewFrom.get() + 1;
        int nd = (int) Math.round(Math.max(MIN_VIEW_DAYS, Math.min(maxViewDays(), days * factor)));
        double rel = (anchorDay - viewFrom.get()) / days;
        int f = (int) Math.round(anchorDay - rel * nd);
        setView(f, f + nd - 1);
    }

    /** Pans the view by whole days. */
    public void pan(int days) {
        setView(viewFrom.get() + days, viewTo.get() + days);
    }

    private int maxViewDays() {
        return Math.max(MIN_VIEW_DAYS, (int) ((dataTo - dataFrom + 1) * 1.5) + 14);
    }

    private void setView(int from, int to) {
        int days = Math.max(MIN_VIEW_DAYS, Math.min(maxViewDays(), to - from + 1));
        if (days > to - from + 1) from -= (days - (to - from + 1)) / 2;
        // keep some data in view
        from = Math.max(dataFrom - days + MIN_VIEW_DAYS / 2, Math.min(from, dataTo - MIN_VIEW_DAYS / 2));
        viewFrom.set(from);
        viewTo.set(from + days - 1);
    }

    private void ensureVisible() {
        int days = viewTo.get() - viewFrom.get() + 1;
        if (brushTo.get() - brushFrom.get() + 1 > days) {
            zoomToBrush();
        } else if (brushFrom.get() < viewFrom.get()) {
            setView(brushFrom.get() - days / 10, brushFrom.get() - days / 10 + days - 1);
        } else if (brushTo.get() > viewTo.get()) {
            int t = brushTo.get() + days / 10;
            setView(t - days + 1, t);
        }
    }

    // ---- playback ----------------------------------------------------------------------------------------------

    /** Starts playback from the brush (from the start when the brush covers everything or sits at the end). */
    public void play() {
        if (!hasData || playing.get()) return;
        int s = Math.max(1, step.get());
        boolean all = brushFrom.get() <= dataFrom && brushTo.get() >= dataTo;
        if (mode.get() == Mode.CUMULATIVE) {
            if (all || brushTo.get() >= dataTo) setBrush(dataFrom, dataFrom + s - 1);
        } else if (all) {
            setBrush(dataFrom, dataFrom + Math.max(s, 30) - 1);
        } else if (brushTo.get() >= dataTo) {
            moveBrush(dataFrom);
        }
        ensureVisible();
        playing.set(true);
        lastNanos = -1;
        owed = 0;
        ticker.start(this::tick);
    }

    /** Stops playback where it is. */
    public void pause() {
        if (!playing.get()) return;
        playing.set(false);
        ticker.stop();
    }

    public void togglePlay() {
        if (playing.get()) pause(); else play();
    }

    /** One frame of the clock: advances by the whole steps that {@code nanos} since the last frame allow. */
    void tick(long nanos) {
        if (!playing.get()) return;
        if (lastNanos < 0) {
            lastNanos = nanos;
            return;
        }
        owed += (nanos - lastNanos) / 1e9 * speed.get();
        lastNanos = nanos;
        int s = Math.max(1, step.get());
        int steps = (int) Math.floor(owed / s);
        if (steps == 0) return;
        owed -= (double) steps * s;
        advance(steps * s);
    }

    private void advance(int days) {
        boolean cumulative = mode.get() == Mode.CUMULATIVE;
        if (brushTo.get() >= dataTo) {
            if (loop.get()) {
                if (cumulative) setBrush(dataFrom, dataFrom + Math.max(1, step.get()) - 1); else moveBrush(dataFrom);
                ensureVisible();
            } else {
                pause();
            }
            return;
        }
        int end = brushTo.get() + days;
        // a brush that would end inside a collapsed stretch jumps to its far side: playback shows no empty years
        for (TimelineScale.Gap g : activeGaps()) if (end >= g.from() && end <= g.to()) end = g.to() + 1;
        if (cumulative) setBrush(brushFrom.get(), Math.min(dataTo, end));
        else moveBrush(brushFrom.get() + end - brushTo.get());
        ensureVisible();
    }

    // ---- derived -----------------------------------------------------------------------------------------------

    private void updateBucket() {
        bucket.set(TimelineRenderer.bucketFor(scale(140)));
    }

    /** The picture geometry for the current view at the current width and the given height. */
    public TimelineScale scale(int height) {
        return new TimelineScale(Math.max(2 * TimelineScale.MARGIN + 1, (int) Math.round(width.get())), height,
                viewFrom.get(), Math.max(viewFrom.get(), viewTo.get()), activeGaps());
    }

    /** The collapsed stretches in use (none when {@link #collapseGapsProperty()} is off). */
    public java.util.List<TimelineScale.Gap> activeGaps() {
        return collapseGaps.get() ? gaps : java.util.List.of();
    }

    /** Collapse long empty stretches of the data into breaks in the axis (on by default). */
    public BooleanProperty collapseGapsProperty() { return collapseGaps; }

    private void updateText() {
        int days = brushTo.get() - brushFrom.get() + 1;
        brushText.set(LocalDate.ofEpochDay(brushFrom.get()) + " – " + LocalDate.ofEpochDay(brushTo.get())
                + "  (" + grouped(days) + " day" + (days == 1 ? "" : "s") + ")");
    }

    /** {@code n} grouped as by {@code "%,d"} in Locale.ROOT, without a Formatter (its first use: the load's commit). */
    static String grouped(long n) {
        String d = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
        int lead = d.length() % 3 == 0 ? 3 : d.length() % 3;
        StringBuilder b = new StringBuilder(n < 0 ? "-" : "").append(d, 0, lead);
        for (int k = lead; k < d.length(); k += 3) b.append(',').append(d, k, k + 3);
        return b.toString();
    }

    public ReadOnlyIntegerProperty viewFromProperty() { return viewFrom.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty viewToProperty() { return viewTo.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty brushFromProperty() { return brushFrom.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty brushToProperty() { return brushTo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }

    /** Playback speed in days of data per second (1 … 365). */
    public DoubleProperty speedProperty() { return speed; }

    /** Days the brush moves per playback step and per arrow key. */
    public IntegerProperty stepProperty() { return step; }

    public ObjectProperty<Mode> modeProperty() { return mode; }

    public BooleanProperty loopProperty() { return loop; }

    /** The picture's width in pixels (set by the view). */
    public DoubleProperty widthProperty() { return width; }

    /** The bar width the zoom gives. */
    public ReadOnlyObjectProperty<Bucket> bucketProperty() { return bucket.getReadOnlyProperty(); }

    /** The brushed range as text ("2016-01-01 – 2016-03-31  (91 days)"). */
    public ReadOnlyStringProperty brushTextProperty() { return brushText.getReadOnlyProperty(); }

    public boolean hasData() { return hasData; }

    public int dataFrom() { return dataFrom; }

    public int dataTo() { return dataTo; }

    public SessionViewModel session() { return session; }

    /** The workspace the timeline draws from (its drawing lane and text matches). */
    public Workspace workspace() { return workspace; }
}
