package org.sitmap.ui.session;

import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows a {@link LiveSource} on a thread of its own ({@code sitmap-live}): a loop of bounded waits
 * ({@value #WAIT_MS} ms) for another client's commit. A commit hands {@code onCommit} to the caller (the workspace
 * then grows the index on its worker); a lost connection is reported once through {@code onLink} and tried again
 * with a growing pause (0.5 s doubling to {@value #MAX_PAUSE_MS} ms); when the server answers again, {@code onLink}
 * says so and {@code onCommit} runs, so whatever was committed meanwhile is caught up.
 *
 * <p>Threading: {@link #start()} and {@link #close()} from any thread; the callbacks run on the live thread and must
 * hand their work on (to the worker or the FX thread).
 */
final class LiveUpdates implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());
    static final int WAIT_MS = 500;
    static final int MAX_PAUSE_MS = 10_000;

    /** What the loop reports: the link went down or came back ({@code up}). */
    interface Link {
        void changed(boolean up);
    }

    private final LiveSource source;
    private final Runnable onCommit;
    private final Link onLink;
    private final Thread thread;
    private volatile boolean closed;

    LiveUpdates(LiveSource source, Runnable onCommit, Link onLink) {
        this.source = source;
        this.onCommit = onCommit;
        this.onLink = onLink;
        this.thread = new Thread(this::loop, "sitmap-live");
        thread.setDaemon(true);
    }

    void start() { thread.start(); }

    private void loop() {
        boolean up = true;
        long pause = 500;
        while (!closed) {
            LiveSource.Change c;
            try {
                c = source.awaitChange(WAIT_MS);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "live updates: a wait failed", e);
                c = new LiveSource.Change(false, false);
            }
            if (closed) return;
            if (c.connected() != up) {
                up = c.connected();
                onLink.changed(up);
                if (up) {
                    pause = 500;
                    onCommit.run();   // catch up with what was committed while the link was down
                    continue;
                }
            }
            if (!up) {
                if (!pauseFor(pause)) return;
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            } else if (c.committed()) {
                onCommit.run();
            }
        }
    }

    /** Waits {@code millis} before the next attempt; false when closed meanwhile. */
    private boolean pauseFor(long millis) {
        BooleanSupplier stop = () -> closed;
        synchronized (this) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (!stop.getAsBoolean()) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) return true;
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Ends the loop (its wait ends within {@value #WAIT_MS} ms; the source's connection is closed). */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        source.stopFollowing();
    }
}
