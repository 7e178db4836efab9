package org.sitmap.ui.session;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One-off background jobs of one view model (an export, an import, reading a file), all on the workspace's worker,
 * reported one way: {@link #busyProperty()} while one runs (a second request is refused), progress and the outcome
 * in {@link #messageProperty()}, a failure logged and shown as one line. Get one from {@link Workspace#tasks()}.
 *
 * <p>A job gets a {@link Progress} to report progress and to ask whether the user cancelled; {@link #cancel} may
 * also interrupt the worker thread while the job runs (a file being written is then closed); the interrupt is
 * cleared before the worker goes on with its next job.
 *
 * <p>Threading: {@link #run} and {@link #cancel} on the FX thread; the job on the worker; {@code done} and
 * {@code failed} on the FX thread.
 */
public final class Tasks {
    private static final Logger LOG = Logger.getLogger(Tasks.class.getName());

    /** The work of a job; runs on the worker. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    /** What a running job can tell and ask (any thread). */
    public interface Progress {
        /** Shows a progress line (ignored once the user cancelled). */
        void message(String text);

        /** Whether the user asked to stop. */
        boolean cancelled();
    }

    private final Executor worker;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile boolean cancelRequested;
    /** The worker thread while it runs a job; guarded by {@code this}. */
    private Thread runner;

    Tasks(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    /** True while a job runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Progress and outcome, one line. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Sets the message line (a view model's own notes between jobs). FX thread. */
    public void say(String text) { message.set(text); }

    /** Whether the user asked to cancel the running job. */
    public boolean cancelled() { return cancelRequested; }

    /**
     * Starts {@code job} on the worker unless one runs (then returns false).
     *
     * @param start  the message shown at once
     * @param done   gets the job's result on the FX thread; returns the message to show
     * @param failed gets the failure on the FX thread (after it was logged); returns the message to show
     */
    public <T> boolean run(String start, Job<T> job, java.util.function.Function<T, String> done,
                           java.util.function.Function<Exception, String> failed) {
        if (busy.get()) return false;
        busy.set(true);
        cancelRequested = false;
        message.set(start);
        Progress progress = new Progress() {
            @Override public void message(String text) {
                ui.execute(() -> { if (!cancelRequested && busy.get()) message.set(text); });
            }

            @Override public boolean cancelled() { return cancelRequested; }
        };
        worker.execute(() -> {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            T result = null;
            Exception failure = null;
            try {
                result = job.run(progress);
            } catch (Exception e) {
                LOG.log(cancelRequested ? Level.FINE : Level.WARNING, start + " failed", e);
                failure = e;
            } finally {
                synchronized (this) {
                    runner = null;
                    Thread.interrupted();   // the shared worker goes on with its next job uninterrupted
                }
            }
            T r = result;
            Exception f = failure;
            ui.execute(() -> {
                String text;
                try {
                    text = f == null ? done.apply(r) : failed.apply(f);
                } finally {
                    busy.set(false);
                }
                if (text != null) message.set(text);
            });
        });
        return true;
    }

    /** As {@link #run(String, Job, java.util.function.Function, java.util.function.Function)}, failures as their message. */
    public <T> boolean run(String start, Job<T> job, java.util.function.Function<T, String> done) {
        return run(start, job, done, Tasks::plain);
    }

    /** A failure's one line. */
    public static String plain(Exception e) {
        return e.getMessage() == null ? "it failed unexpectedly (see the log)" : e.getMessage();
    }

    /**
     * Asks the running job to stop: {@link Progress#cancelled()} turns true, and with {@code interrupt} the worker
     * thread is interrupted too (a file being written is then closed at once). Does nothing when idle. FX thread.
     *
     * @param note the message shown meanwhile, or null
     */
    public void cancel(String note, boolean interrupt) {
        if (!busy.get() || cancelRequested) return;
        cancelRequested = true;
        if (note != null) message.set(note);
        if (!interrupt) return;
        synchronized (this) {
            if (runner != null) runner.interrupt();
        }
    }
}
