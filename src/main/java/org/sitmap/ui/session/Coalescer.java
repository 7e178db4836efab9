package org.sitmap.ui.session;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the latest of repeated requests on a worker and commits its result on the UI executor, dropping stale
 * ones. Requests made while a job runs are merged: only the newest waiting one runs next, and a result whose
 * request has been superseded is not committed.
 *
 * <p>Threading: {@link #submit} is called on the FX thread with work captured there (immutable inputs); the
 * work runs on {@code worker}; {@code commit} runs on {@code ui} (the FX thread in the app, a direct executor in
 * tests). Requests made after the worker was shut down are dropped.
 */
public final class Coalescer<T> {
    private final Executor worker;
    private final Executor ui;
    private final AtomicReference<Supplier<T>> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private final Consumer<Throwable> onError;

    public Coalescer(Executor worker, Executor ui, Consumer<Throwable> onError) {
        this.worker = worker;
        this.ui = ui;
        this.onError = onError;
    }

    /** Queues {@code work}; when it finishes and is still the newest request, {@code commit} gets its result. */
    public void submit(Supplier<T> work, Consumer<T> commit) {
        long gen = generation.incrementAndGet();
        pending.set(() -> {
            T result = work.get();
            ui.execute(() -> {
                if (generation.get() == gen) commit.accept(result);
            });
            return result;
        });
        if (draining.compareAndSet(false, true)) start();
    }

    /**
     * Hands {@link #drain} to the worker. A worker that was shut down (its window closed while a layout pass still
     * asked for a frame) refuses it: the request is dropped, as nobody is left to see its result.
     */
    private void start() {
        try {
            worker.execute(this::drain);
        } catch (RejectedExecutionException e) {
            pending.set(null);
            draining.set(false);
        }
    }

    private void drain() {
        try {
            Supplier<T> job;
            while ((job = pending.getAndSet(null)) != null) {
                try {
                    job.get();
                } catch (RuntimeException e) {
                    ui.execute(() -> onError.accept(e));
                }
            }
        } finally {
            draining.set(false);
            if (pending.get() != null && draining.compareAndSet(false, true)) start();
        }
    }
}
