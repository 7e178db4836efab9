package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Writes a cache file's parts through a 1 MiB buffer, keeping the CRC-32C of everything written, which
 * {@link #finish()} appends; {@link #map} and {@link #intact} read such a file back. Threading: one writer per file,
 * on one thread.
 */
final class ChecksumWriter {
    /**
     * The whole file of {@code ch} mapped little-endian, when it holds at least {@code header} bytes and the
     * checksum and starts with {@code magic} and {@code version}; else null.
     */
    static MappedByteBuffer map(FileChannel ch, int header, long magic, int version) throws IOException {
        long size = ch.size();
        if (size < header + 8 || size > Integer.MAX_VALUE) return null;
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        m.order(ByteOrder.LITTLE_ENDIAN);
        return m.getLong(0) == magic && m.getInt(8) == version ? m : null;
    }

    /** Whether the CRC-32C at the end of the mapped file {@code m} is that of everything before it. */
    static boolean intact(MappedByteBuffer m) {
        int end = m.capacity() - 8;
        CRC32C crc = new CRC32C();
        crc.update(m.slice(0, end));
        return crc.getValue() == m.getLong(end);
    }

    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();

    ChecksumWriter(FileChannel ch) {
        this.ch = ch;
    }

    ByteBuffer room(int bytes) throws IOException {
        if (buf.remaining() < bytes) drain();
        return buf;
    }

    private void drain() throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        while (buf.hasRemaining()) ch.write(buf);
        buf.clear();
    }

    void longs(long[] a) throws IOException {
        for (int off = 0; off < a.length; ) {
            int len = Math.min(a.length - off, (1 << 17));
            ByteBuffer b = room(len * 8);
            b.asLongBuffer().put(a, off, len);
            b.position(b.position() + len * 8);
            off += len;
        }
    }

    void ints(int[] a) throws IOException {
        for (int off = 0; off < a.length; ) {
            int len = Math.min(a.length - off, (1 << 18));
            ByteBuffer b = room(len * 4);
            b.asIntBuffer().put(a, off, len);
            b.position(b.position() + len * 4);
            off += len;
        }
    }

    void floats(float[] a) throws IOException {
        for (int off = 0; off < a.length; ) {
            int len = Math.min(a.length - off, (1 << 18));
            ByteBuffer b = room(len * 4);
            b.asFloatBuffer().put(a, off, len);
            b.position(b.position() + len * 4);
            off += len;
        }
    }

    void bytes(byte[] a) throws IOException {
        bytes(a, 0, a.length);
    }

    void bytes(byte[] a, int from, int length) throws IOException {
        for (int off = from, end = from + length; off < end; ) {
            int len = Math.min(end - off, 1 << 20);
            room(len).put(a, off, len);
            off += len;
        }
    }

    void finish() throws IOException {
        drain();
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
        tail.flip();
        while (tail.hasRemaining()) ch.write(tail);
    }
}
