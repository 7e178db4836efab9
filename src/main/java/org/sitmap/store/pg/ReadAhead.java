package org.sitmap.store.pg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;

/**
 * Parses an import's file on a second thread while the importing thread hashes, encodes and sends the rows, so a
 * server import uses both of a workstation's cores (parsing is about half of the client's work).
 *
 * <p>Threading: one producer thread (a daemon named {@code sitmap-pg-import-read}) calls {@link IncidentReader#next}
 * and hands chunks of rows through a small bounded queue; only the importing thread calls {@link #next} and
 * {@link #close}. What the reader throws (bad input, I/O) reaches the importing thread at the row where it happened.
 * {@link #close} stops and joins the producer before returning, so the caller may close the reader afterwards.
 */
final class ReadAhead implements AutoCloseable {
    private static final int CHUNK = 1024;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final Thread producer;
    private volatile boolean cancelled;
    private List<ParsedRow> chunk = List.of();
    private int pos;
    private boolean done;

    /** Starts reading {@code reader} at once. */
    ReadAhead(IncidentReader reader) {
        producer = new Thread(() -> produce(reader), "sitmap-pg-import-read");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(IncidentReader reader) {
        Object last = END;
        List<ParsedRow> out = new ArrayList<>(CHUNK);
        try {
            for (ParsedRow row; !cancelled && (row = reader.next()) != null; ) {
                out.add(row);
                if (out.size() == CHUNK) {
                    if (!hand(out)) return;
                    out = new ArrayList<>(CHUNK);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            last = e;
        }
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

    /** The next row, or null at the end; rethrows what the reader threw. */
    @SuppressWarnings("unchecked")
    ParsedRow next() throws IOException {
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
            chunk = (List<ParsedRow>) o;
            pos = 0;
        }
        return chunk.get(pos++);
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
