package org.sitmap.ui.timeline;

import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.ui.session.Coalescer;
import org.sitmap.ui.session.SessionViewModel;

/**
 * The timeline's state: the visible day range (its zoom picks the histogram's bucket), the brushed window (which
 * is the session filter's date range), and playback (play/pause, speed, step, moving window or cumulative, loop).
 * All days are epoch days, ranges inclusive. Knows no {@code Node}.
 *
 * <p>Brush and filter are one: moving the brush sets {@link SessionViewModel#filterProperty()}'s dates (a brush
 * covering every incident sets none), and a date change made elsewhere (a removed chip, a restored session) moves
 * the brush. The histogram counts what the <em>other</em> filters keep across the visible range, ignoring the
 * date window, so the bars outside the brush show context.
 *
 * <p>Threading: FX thread (the {@code ui} executor) for every property; the histogram is computed on the window's
 * worker through a {@link Coalescer} and committed on the FX thread. Playback is driven by an injected
 * {@link Ticker} (an {@code AnimationTimer} in the window, a manual one in tests), so no sleeps and no timers here.
 */
public final class TimelineViewModel {
    /** Playback: the window slides ({@link #WINDOW}) or its end grows from the first incident ({@link #CUMULATIVE}). */
    public enum Mode { WINDOW, CUMULATIVE }

    /** Calls back once per frame with the seconds since the previous frame while started. FX thread. */
    public interface Ticker {
        void start(DoubleConsumer frameSeconds);

        void stop();
    }

    private static final int MIN_VIEW_DAYS = 14;
    private final SessionViewModel session;
    private final Ticker ticker;
    private final Coalescer<Histogram> histograms;
    private final IntegerProperty viewFrom = new SimpleIntegerProperty();
    private final IntegerProperty viewTo = new SimpleIntegerProperty(30);
    private final IntegerProperty brushFrom = new SimpleIntegerProperty();
    private final IntegerProperty brushTo = new SimpleIntegerProperty(30);
    private final DoubleProperty width = new SimpleDoubleProperty(1000);
    private final ReadOnlyObjectWrapper<Bucket> bucket = new ReadOnlyObjectWrapper<>(Bucket.DAY);
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(30);
    private final IntegerProperty step = new SimpleIntegerProperty(1);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.WINDOW);
    private final BooleanProperty loop = new SimpleBooleanProperty();
    private int dataFrom;
    private int dataTo = 30;
    private boolean syncing;
    private double carry;
    private Object requested;
    // worker-confined cache of the date-free selection
    private Object selKey;
    private Selection selCache;

    /**
     * @param worker the window's one worker (histograms are computed there)
     * @param ui     runs commits on the FX thread
     */
    public TimelineViewModel(SessionViewModel session, Executor worker, Executor ui, Ticker ticker) {
        this.session = session;
        this.ticker = ticker;
        this.histograms = new Coalescer<>(worker, ui, e -> session.messageProperty().set("Timeline failed: " + e));
        session.indexProperty().addListener((o, a, ix) -> indexChanged(ix));
        session.filterProperty().addListener((o, a, f) -> filterChanged(f));
        brushFrom.addListener((o, a, b) -> brushChanged());
        brushTo.addListener((o, a, b) -> brushChanged());
        viewFrom.addListener((o, a, b) -> viewChanged());
        viewTo.addListener((o, a, b) -> viewChanged());
        width.addListener((o, a, b) -> viewChanged());
        playing.addListener((o, a, on) -> {
            if (on) {
                carry = 0;
                ticker.start(this::frame);
            } else {
                ticker.stop();
            }
        });
        if (session.indexProperty().get() != null) indexChanged(session.indexProperty().get());
    }

    private void indexChanged(IncidentIndex ix) {
        if (ix == null || ix.size() == 0) return;
        dataFrom = ix.minDay();
        dataTo = Math.max(ix.maxDay(), dataFrom + 1);
        syncing = true;
        try {
            showAll();
            FilterSpec f = session.filterProperty().get();
            setBrushRaw(f.from() == null ? dataFrom : (int) f.from().toEpochDay(),
                    f.to() == null ? dataTo : (int) f.to().toEpochDay());
        } finally {
            syncing = false;
        }
        requestHistogram();
    }

    private void filterChanged(FilterSpec f) {
        if (!syncing) {
            syncing = true;
            try {
                setBrushRaw(f.from() == null ? dataFrom : (int) f.from().toEpochDay(),
                        f.to() == null ? dataTo : (int) f.to().toEpochDay());
            } finally {
                syncing = false;
            }
        }
        requestHistogram();
    }

    private void brushChanged() {
        if (syncing) return;
        int from = brushFrom.get();
        int to = brushTo.get();
        LocalDate f = from <= dataFrom && to >= dataTo ? null : LocalDate.ofEpochDay(from);
        LocalDate t = f == null ? null : LocalDate.ofEpochDay(to);
        FilterSpec spec = session.filterProperty().get();
        if (Objects.equals(spec.from(), f) && Objects.equals(spec.to(), t)) return;
        syncing = true;
        try {
            session.filterProperty().set(spec.withDates(f, t));
        } finally {
            syncing = false;
        }
    }

    private void viewChanged() {
        bucket.set(Bucket.forZoom(viewTo.get() - viewFrom.get() + 1, width.get(), 3));
        requestHistogram();
    }

    /** Recomputes the histogram on the worker when its inputs changed. */
    private void requestHistogram() {
        IncidentIndex ix = session.indexProperty().get();
        if (ix == null) return;
        FilterSpec spec = session.filterProperty().get().withDates(null, null);
        int vf = viewFrom.get();
        int vt = viewTo.get();
        Bucket b = bucket.get();
        Object req = java.util.List.of(ix, spec, vf, vt, b);
        if (req.equals(requested)) return;
        requested = req;
        histograms.submit(() -> Histogram.of(contextSelection(ix, spec), vf, vt, b), histogram::set);
    }

    /** Worker: the rows passing every filter but the dates (cached while the filter's other parts stay equal). */
    private Selection contextSelection(IncidentIndex ix, FilterSpec spec) {
        Object key = java.util.List.of(ix, spec);
        if (!key.equals(selKey)) {
            long[] ids = session.textMatches(spec.text());
            selCache = new IndexFilter(ix, spec, ids, IndexFilter.FactionRule.PRIMARY).apply(false);
            selKey = key;
        }
        return selCache;
    }

    private void setBrushRaw(int from, int to) {
        if (to < from) to = from;
        // set in an order that never makes to < from
        if (from > brushTo.get()) {
            brushTo.set(to);
            brushFrom.set(from);
        } else {
            brushFrom.set(from);
            brushTo.set(to);
        }
    }

    /** Moves the brush (and so the filter's dates); {@code to} is raised to {@code from} if below it. */
    public void setBrush(int from, int to) {
        boolean old = syncing;
        syncing = true;
        try {
            setBrushRaw(from, to);
        } finally {
            syncing = old;
        }
        brushChanged();
    }

    /** Shows every incident's dates with a little margin. */
    public void showAll() {
        int pad = Math.max(2, (dataTo - dataFrom) / 40);
        setView(dataFrom - pad, dataTo + pad);
    }

    /** Sets the visible range (at least two weeks). */
    public void setView(int from, int to) {
        if (to - from + 1 < MIN_VIEW_DAYS) {
            int mid = (from + to) / 2;
            from = mid - MIN_VIEW_DAYS / 2;
            to = from + MIN_VIEW_DAYS - 1;
        }
        if (from > viewTo.get()) {
            viewTo.set(to);
            viewFrom.set(from);
        } else {
            viewFrom.set(from);
            viewTo.set(to);
        }
    }

    /** Zooms the visible range by {@code factor} (below 1: in) keeping {@code anchorDay} at the same place. */
    public void zoom(double factor, double anchorDay) {
        double from = viewFrom.get();
        double to = viewTo.get() + 1;
        double maxSpan = Math.max(MIN_VIEW_DAYS, (dataTo - dataFrom) * 3.0);
        double span = Math.max(MIN_VIEW_DAYS, Math.min(maxSpan, (to - from) * factor));
        double t = (anchorDay - from) / (to - from);
        double nf = anchorDay - t * span;
        setView((int) Math.round(nf), (int) Math.round(nf + span) - 1);
    }

    /** Moves the visible range by {@code days}. */
    public void pan(int days) {
        setView(viewFrom.get() + days, viewTo.get() + days);
    }

    /** Zooms the timeline to the brush (with a margin of a tenth on each side). */
    public void zoomToBrush() {
        int w = brushTo.get() - brushFrom.get() + 1;
        int pad = Math.max(1, w / 10);
        setView(brushFrom.get() - pad, brushTo.get() + pad);
    }

    /** Moves the brush by {@code days}, keeping its width; the view follows when the brush leaves it. */
    public void moveBrush(int days) {
        setBrush(brushFrom.get() + days, brushTo.get() + days);
        follow();
    }

    /** Keyboard stepping: moves the brush by {@code n} steps of {@link #stepProperty()} days. */
    public void stepBrush(int n) {
        moveBrush(n * step.get());
    }

    /** Centres the brush on {@code date}, keeping its width, and brings it into view. */
    public void jumpTo(LocalDate date) {
        int w = brushTo.get() - brushFrom.get();
        int from = (int) date.toEpochDay() - w / 2;
        setBrush(from, from + w);
        follow();
    }

    private void follow() {
        int vw = viewTo.get() - viewFrom.get();
        if (brushTo.get() > viewTo.get()) setView(brushTo.get() - vw + vw / 10, brushTo.get() + vw / 10);
        if (brushFrom.get() < viewFrom.get()) setView(brushFrom.get() - vw / 10, brushFrom.get() - vw / 10 + vw);
    }

    /** Starts or stops playback. */
    public void togglePlay() {
        if (playing.get()) pause(); else play();
    }

    private void rewind() {
        int w = brushTo.get() - brushFrom.get();
        if (mode.get() == Mode.CUMULATIVE) setBrush(dataFrom, dataFrom + Math.max(0, step.get() - 1));
        else setBrush(dataFrom, dataFrom + Math.min(w, Math.max(0, dataTo - dataFrom - 1)));
        follow();
    }

    /** One playback frame {@code seconds} after the previous one: advances by whole steps at the set speed. */
    public void frame(double seconds) {
        if (!playing.get()) return;
        carry += seconds * speed.get();
        int stepDays = Math.max(1, step.get());
        int n = (int) Math.floor(carry / stepDays);
        if (n <= 0) return;
        carry -= n * (double) stepDays;
        int days = n * stepDays;
        if (brushTo.get() + days > dataTo) {
            if (brushTo.get() < dataTo) {
                days = dataTo - brushTo.get();
            } else if (loop.get()) {
                rewind();
                return;
            } else {
                playing.set(false);
                return;
            }
        }
        if (mode.get() == Mode.CUMULATIVE) setBrush(brushFrom.get(), brushTo.get() + days);
        else setBrush(brushFrom.get() + days, brushTo.get() + days);
        follow();
    }

    /**
     * Starts playback: rewinds when the brush already reached the last day; in cumulative mode the window starts
     * at the first day.
     */
    public void play() {
        if (brushTo.get() >= dataTo) rewind();
        else if (mode.get() == Mode.CUMULATIVE && brushFrom.get() != dataFrom) setBrush(dataFrom, brushTo.get());
        playing.set(true);
    }

    public void pause() { playing.set(false); }

    public IntegerProperty viewFromProperty() { return viewFrom; }
    public IntegerProperty viewToProperty() { return viewTo; }
    public IntegerProperty brushFromProperty() { return brushFrom; }
    public IntegerProperty brushToProperty() { return brushTo; }
    /** The timeline's width in pixels (set by the view; picks the bucket). */
    public DoubleProperty widthProperty() { return width; }
    /** Day, week or month: the finest whose bars are at least 3 pixels wide. */
    public ReadOnlyObjectProperty<Bucket> bucketProperty() { return bucket.getReadOnlyProperty(); }
    /** The bars of the visible range (null until the first one is computed). */
    public ReadOnlyObjectProperty<Histogram> histogramProperty() { return histogram.getReadOnlyProperty(); }
    public BooleanProperty playingProperty() { return playing; }
    /** Playback speed in days per second (1 to 365). */
    public DoubleProperty speedProperty() { return speed; }
    /** Step size in days: playback and arrow keys move the brush by whole steps. */
    public IntegerProperty stepProperty() { return step; }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    public BooleanProperty loopProperty() { return loop; }
    /** First day of any incident. */
    public int dataFrom() { return dataFrom; }
    /** Last day of any incident. */
    public int dataTo() { return dataTo; }
}
