package org.sitmap.ui.timeline;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * The window's playback clock: a JavaFX {@link AnimationTimer}, one call per pulse (about 60 a second) on the FX
 * thread with the pulse time in nanoseconds.
 */
public final class AnimationTicker implements TimelineViewModel.Ticker {
    private AnimationTimer timer;

    @Override
    public void start(LongConsumer frameNanos) {
        stop();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frameNanos.accept(now);
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
