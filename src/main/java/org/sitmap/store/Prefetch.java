package org.sitmap.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;

/**
 * Reads and prepares an import's rows on a second thread while the importing thread writes them (to SQLite, or as
 * COPY text to a server), so parsing, actor mapping and hashing overlap with the store's work: an import uses both
 * of a workstation's cores. Both stores' importers use it.
 *
 * <p>Threading: one producer thread (a daemon named {@code sitmap-import-read}) calls {@link IncidentReader#next}
 * and {@code prepare} and hands chunks of rows through a small bounded queue; only the importing thread calls
 * {@link #next} and {@link #close}. An exception of the reader (bad input, I/O) reaches the importing thread at
 * the row where it happened. {@link #close} stops and joins the producer before returning, so the caller may close
 * the reader afterwards without racing it.
 *
 * @param <T> a row with what was prepared for it
 */
public final class Prefetch<T> implements AutoCloseable {
    private static final int CHUNK = 512;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    private final Thread producer;
    private volatile boolean cancelled;
    /** The producer thread's CPU time in ns when it handed its last row (0 where the JVM cannot tell). */
    private volatile long producerCpu;
    private List<T> chunk = List.of();
    private int pos;
    private boolean done;

    /** Starts reading {@code reader} at once; {@code prepare} runs on the producer thread for each row. */
    public Prefetch(IncidentReader reader, Function<ParsedRow, T> prepare) {
        producer = new Thread(() -> produce(reader, prepare), "sitmap-import-read");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(IncidentReader reader, Function<ParsedRow, T> prepare) {
        Object last = END;
        List<T> out = new ArrayList<>(CHUNK);
        try {
            ParsedRow row;
            while (!cancelled && (row = reader.next()) != null) {
                out.add(prepare.apply(row));
                if (out.size() == CHUNK) {
                    if (!hand(out)) return;
                    out = new ArrayList<>(CHUNK);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            last = e;
        }
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (bean.isCurrentThreadCpuTimeSupported()) producerCpu = bean.getCurrentThreadCpuTime();
        if (!out.isEmpty() && !hand(out)) return;
        hand(last);
    }

    /** Puts into the queue, giving up when the importing thread has cancelled. */
    private boolean hand(Object o) {
        try {
            while (!cancelled) {
                if (queue.offer(o, 50, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next prepared row, or null at the end; rethrows what the reader threw. */
    @SuppressWarnings("unchecked")
    public T next() throws IOException {
        while (pos == chunk.size()) {
            if (done) return null;
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the import was interrupted", e);
            }
            if (o == END) {
                done = true;
                return null;
            }
            if (o instanceof IOException e) throw e;
            if (o instanceof RuntimeException e) throw e;
            if (o instanceof Error e) throw e;
            chunk = (List<T>) o;
            pos = 0;
        }
        return chunk.get(pos++);
    }

    /**
     * The reading thread's CPU time in ns up to its last row (reading, parsing and preparing), for the log; read it
     * after {@link #next} returned null.
     */
    public long producerCpuNanos() {
        return producerCpu;
    }

    /** Stops the producer and waits for it. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
