package org.sitmap.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Splits one pass over many rows into two halves, one run by the calling thread and one by a helper thread, so a
 * frame uses both cores of a workstation: the filter's histogram pass, the map's projection and binning. The
 * helper is this class's own executor (one daemon thread, {@code sitmap-split}; never the common fork-join
 * pool), so nothing else queues in front of a frame and nothing of a frame leaks into other pools.
 *
 * <p>Threading: {@link #halves} may be called from any thread; it returns when both halves are done and rethrows
 * a failure of either. A call from the helper thread itself, or a pass of fewer than {@link #MIN_ROWS} rows, runs
 * both halves on the caller (no nested waiting). With one processor it never splits.
 */
public final class Split {
    /** Below this many rows a pass is not worth handing over. */
    public static final int MIN_ROWS = 50_000;
    private static final boolean ENABLED = Runtime.getRuntime().availableProcessors() > 1
            && !Boolean.getBoolean("sitmap.split.off");
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "sitmap-split");
        t.setDaemon(true);
        return t;
    };
    private static final ExecutorService HELPER = Executors.newSingleThreadExecutor(FACTORY);
    private static final ThreadLocal<Boolean> ON_HELPER = ThreadLocal.withInitial(() -> false);

    private Split() { }

    /** A pass over rows {@code [from, to)}; {@code half} is 0 for the first half and 1 for the second. */
    @FunctionalInterface
    public interface Range {
        void run(int half, int from, int to);
    }

    /** True when {@link #halves} would hand half of {@code rows} rows to the helper. */
    public static boolean splits(int rows) {
        return ENABLED && rows >= MIN_ROWS && !ON_HELPER.get();
    }

    /**
     * Runs {@code pass} over {@code [0, n)} as two halves ({@code [0, n/2)} on the helper, {@code [n/2, n)} here)
     * when {@link #splits(int) worth it}, else as one call {@code pass.run(0, 0, n)}.
     */
    public static void halves(int n, Range pass) {
        halves(n, MIN_ROWS, pass);
    }

    /**
     * As {@link #halves(int, Range)}, splitting from {@code minRows} items (a pass whose items cost more than a row
     * each, e.g. sprites to stamp).
     */
    public static void halves(int n, int minRows, Range pass) {
        if (!(ENABLED && n >= minRows && !ON_HELPER.get())) {
            pass.run(0, 0, n);
            return;
        }
        int mid = n >>> 1;
        Future<?> first = HELPER.submit(() -> {
            ON_HELPER.set(true);
            try {
                pass.run(0, 0, mid);
            } finally {
                ON_HELPER.set(false);
            }
        });
        Throwable failed = null;
        try {
            pass.run(1, mid, n);
        } catch (RuntimeException | Error e) {
            failed = e;
        }
        try {
            first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            first.cancel(true);
            if (failed == null) failed = new IllegalStateException("interrupted while splitting a pass", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (failed == null) failed = e.getCause();
        }
        if (failed instanceof RuntimeException re) throw re;
        if (failed instanceof Error er) throw er;
        if (failed != null) throw new IllegalStateException(failed);
    }
}
