package org.sitmap.bench;

import java.util.Arrays;

/**
 * Median and 95th percentile of repeated runs, in milliseconds.
 *
 * @param median the median
 * @param p95    the 95th percentile (nearest rank)
 * @param runs   how many runs were measured (after warm-up)
 */
public record Timing(double median, double p95, int runs) {
    /** Summarises run times given in nanoseconds. */
    public static Timing ofNanos(long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no runs");
        long[] s = nanos.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
        int rank = (int) Math.ceil(0.95 * s.length) - 1;
        return new Timing(median / 1e6, s[Math.max(0, rank)] / 1e6, s.length);
    }

    /**
     * Runs {@code task} unmeasured at least {@code warmup} times and for at least {@code warmNanos} (at most
     * {@value #MAX_WARMUP} times), then {@code runs} times measured: a frame stage's figure is that of the code the
     * JIT has settled on, not of a compile sharing the two cores by chance.
     */
    public static Timing measureSettled(int warmup, long warmNanos, int runs, Runnable task) {
        long t0 = System.nanoTime();
        for (int k = 0; k < MAX_WARMUP && (k < warmup || System.nanoTime() - t0 < warmNanos); k++) task.run();
        return measure(0, runs, task);
    }

    /** The most unmeasured runs {@link #measureSettled} makes. */
    static final int MAX_WARMUP = 1000;

    /** Runs {@code task} {@code warmup} times unmeasured, then {@code runs} times measured. */
    public static Timing measure(int warmup, int runs, Runnable task) {
        for (int k = 0; k < warmup; k++) task.run();
        long[] t = new long[runs];
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            task.run();
            t[k] = System.nanoTime() - t0;
        }
        return ofNanos(t);
    }
}
