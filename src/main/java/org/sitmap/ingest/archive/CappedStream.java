package org.sitmap.ingest.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.sitmap.model.InputException;

/**
 * Decompressed bytes with two caps: an absolute size and a ratio to the compressed size (a zip bomb expands a
 * few kilobytes into gigabytes; real data compresses 5-20 times). Beyond either it throws an
 * {@link InputException}; a read error of the compressed data is an {@link InputException} too ("damaged").
 *
 * <p>Not thread-safe.
 */
public final class CappedStream extends FilterInputStream {
    /** The most an input may expand to, whatever it is (4 GiB). */
    public static final long MAX_BYTES = 4L << 30;
    /** The highest compression ratio accepted once past {@link #RATIO_FREE} bytes. */
    public static final long MAX_RATIO = 200;
    /** Bytes that may be read whatever the ratio (small files compress oddly). */
    public static final long RATIO_FREE = 8L << 20;

    private final String name;
    private final long max;
    private final long compressed;
    private long count;

    /**
     * @param name       the file (and entry) for messages
     * @param max        the most bytes delivered
     * @param compressed the compressed size the ratio is measured against
     */
    public CappedStream(InputStream in, String name, long max, long compressed) {
        super(in);
        this.name = name;
        this.max = max;
        this.compressed = Math.max(1, compressed);
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
        if (n > 0) add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) break;
            done += r;
        }
        return done;
    }

    /** The bytes delivered so far. */
    public long count() { return count; }

    private void add(long n) {
        count += n;
        if (count > max) {
            throw new InputException(name, 0, "larger than " + (max >> 20) + " MiB uncompressed (a zip bomb?): refused");
        }
        if (count > RATIO_FREE && count / compressed > MAX_RATIO) {
            throw new InputException(name, 0, "expands more than " + MAX_RATIO + " times (a zip bomb?): refused");
        }
    }

    private RuntimeException damaged(Exception e) {
        if (e instanceof InputException ie) return ie;
        return new InputException(name, 0, "damaged compressed data: " + e.getMessage());
    }
}
