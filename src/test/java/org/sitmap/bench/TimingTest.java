package org.sitmap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench's timings: how many runs a settled measurement makes, and which it counts. */
class TimingTest {
    @Test
    void aSettledMeasureWarmsUpAtLeastTheRunsAskedAndAtMostItsCap() {
        int[] calls = {0};
        Timing t = Timing.measureSettled(7, 0, 5, () -> calls[0]++);
        assertThat(calls[0]).isEqualTo(12);
        assertThat(t.runs()).isEqualTo(5);

        calls[0] = 0;
        Timing.measureSettled(7, Long.MAX_VALUE, 5, () -> calls[0]++);
        assertThat(calls[0]).isEqualTo(Timing.MAX_WARMUP + 5);
    }

    @Test
    void aSettledMeasureKeepsWarmingUpUntilItsTimeHasPassed() {
        int[] calls = {0};
        long t0 = System.nanoTime();
        // each run works a millisecond: 50 ms of warm-up is at most 51 runs (the cap of 1,000 is not reached)
        Timing.measureSettled(1, 50_000_000L, 3, () -> {
            calls[0]++;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 1_000_000L) {
                Thread.onSpinWait();
            }
        });
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(53_000_000L);
        assertThat(calls[0] - 3).isBetween(2, 51);
    }

    @Test
    void theMedianAndNearestRankPercentile() {
        Timing t = Timing.ofNanos(new long[] {5_000_000, 1_000_000, 3_000_000, 2_000_000});
        assertThat(t.median()).isEqualTo(2.5);
        assertThat(t.p95()).isEqualTo(5.0);
    }
}
