package org.sitmap.ui.timeline;

import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;

/**
 * The window's playback clock: an {@link AnimationTimer} that reports the seconds between pulses (capped at a
 * quarter second, so a stalled window does not jump).
 *
 * <p>Threading: FX thread only.
 */
public final class FxTicker implements TimelineViewModel.Ticker {
    private AnimationTimer timer;

    @Override
    public void start(DoubleConsumer frameSeconds) {
        stop();
        timer = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last >= 0) frameSeconds.accept(Math.min(0.25, (now - last) / 1e9));
                last = now;
            }
        };
        timer.start();
    }

    @Override
    public void stop() {
        if (timer != null) timer.stop();
        timer = null;
    }
}
