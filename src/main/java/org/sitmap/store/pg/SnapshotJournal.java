package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.index.IndexMerge;
import org.sitmap.model.FactionCatalog;

/**
 * The imports a window received after its local snapshot was written, appended to a file beside it
 * ({@code NAME.sitmap-columns.batches}) instead of writing the whole snapshot again: a live import of 1,000 rows
 * writes about 60 KB, not the whole index.
 *
 * <p>The file: a 32-byte header (magic {@code SITMAPJR}, version, the snapshot's store number and the CRC-32C that
 * ends the snapshot file it continues), then records, each its payload's length, the payload (commit number before
 * and after, rows, longest span, place names, then the rows' index columns in day order as the snapshot stores
 * them, little-endian) and a CRC-32C of length and payload. A record is used only when its checksum matches and it
 * starts at the commit number reached so far; records already in the snapshot are skipped. A torn or damaged record
 * (a crash while appending, a bad disk) ends the reading there: what came before is used, never what follows, and
 * the caller writes the snapshot whole again. A journal of another snapshot (its CRC differs) is not used.
 *
 * <p>Threading: plain static functions; {@link PgSnapshot} calls them on its writing thread and on the worker.
 */
final class SnapshotJournal {
    static final String SUFFIX = ".batches";
    private static final long MAGIC = 0x524a_5041_4d54_4953L; // "SITMAPJR" little-endian
    private static final int VERSION = 1;
    private static final int HEADER = 32;
    /** Bytes of a record's payload before its columns. */
    private static final int HEAD = 8 + 8 + 4 + 4 + 4;
    /** Bytes per row over all columns. */
    private static final int ROW = 8 + 4 + 4 + 4 * 4 + 8 + 5 + 4 + 4;

    private SnapshotJournal() {
    }

    /**
     * What the journal adds to a snapshot: the rows (merged, later imports replacing earlier rows of the same id;
     * null when none), the commit number reached, the length of the good part, and whether the whole file was good.
     */
    record Read(IncidentIndex rows, long commit, long bytes, boolean clean) { }

    /** The journal beside snapshot {@code snapshot}. */
    static Path of(Path snapshot) {
        return snapshot.resolveSibling(snapshot.getFileName() + SUFFIX);
    }

    /** The CRC-32C that ends a snapshot file (what a journal names as its base), or 0 when it cannot be read. */
    static long baseCrc(Path snapshot) {
        try (FileChannel ch = FileChannel.open(snapshot, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) return 0;
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b, size - 8 + b.position()) > 0) {
                // reads the last eight bytes
            }
            return b.hasRemaining() ? 0 : b.getLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The records of {@code file} that continue the snapshot of store {@code store} ending in CRC {@code baseCrc}
     * at commit {@code commit}. A missing file adds nothing and is clean; anything unusable stops the reading.
     */
    static Read read(Path file, long store, long baseCrc, long commit, FactionCatalog catalog) throws IOException {
        if (!Files.isRegularFile(file)) return new Read(null, commit, 0, true);
        byte[] all = Files.readAllBytes(file);
        ByteBuffer m = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < HEADER || m.getLong(0) != MAGIC || m.getInt(8) != VERSION || m.getLong(16) != store
                || m.getLong(24) != baseCrc) {
            return new Read(null, commit, 0, false);
        }
        IncidentIndex rows = null;
        int pos = HEADER;
        while (pos < all.length) {
            if (all.length - pos < 4 + HEAD + 8) break;
            int len = m.getInt(pos);
            if (len < HEAD || (long) pos + 4 + len + 8 > all.length) break;
            CRC32C crc = new CRC32C();
            crc.update(all, pos, 4 + len);
            if (crc.getValue() != m.getLong(pos + 4 + len)) break;
            long from = m.getLong(pos + 4);
            long to = m.getLong(pos + 12);
            if (to > commit) {
                if (from != commit) break;   // a gap: the records of another history
                IncidentIndex batch;
                try {
                    batch = record(m.slice(pos + 4, len).order(ByteOrder.LITTLE_ENDIAN), catalog);
                } catch (RuntimeException e) {
                    break;   // checks of the columns failed: not used
                }
                rows = rows == null ? batch : IndexMerge.merge(rows, batch);
                commit = to;
            }
            pos += 4 + len + 8;
        }
        return new Read(rows, commit, pos, pos == all.length);
    }

    private static IncidentIndex record(ByteBuffer p, FactionCatalog catalog) {
        int n = p.getInt(16);
        int maxSpan = p.getInt(20);
        int placeCount = p.getInt(24);
        if (n < 0 || placeCount < 0 || (long) n * ROW > p.capacity()) throw new IllegalArgumentException("bad record");
        p.position(HEAD);
        String[] places = new String[placeCount];
        for (int k = 0; k < placeCount; k++) {
            byte[] b = new byte[p.getInt()];
            p.get(b);
            places[k] = new String(b, StandardCharsets.UTF_8);
        }
        long[] id = new long[n];
        p.asLongBuffer().get(id);
        p.position(p.position() + n * 8);
        int[] day = ints(p, n);
        int[] dayEnd = ints(p, n);
        float[] lon = floats(p, n), lat = floats(p, n), mx = floats(p, n), my = floats(p, n);
        long[] mask = new long[n];
        p.asLongBuffer().get(mask);
        p.position(p.position() + n * 8);
        byte[] primary = bytes(p, n), type = bytes(p, n), sub = bytes(p, n), datePrec = bytes(p, n), geoPrec = bytes(p, n);
        int[] fatalities = ints(p, n);
        int[] placeRef = ints(p, n);
        if (p.hasRemaining()) throw new IllegalArgumentException("bad record length");
        return IncidentIndex.of(catalog, new IndexColumns(id, day, dayEnd, lon, lat, mx, my, mask, primary, type, sub,
                datePrec, geoPrec, fatalities, placeRef, places, maxSpan));
    }

    /**
     * Appends the record of the import(s) that took the snapshot from commit {@code from} to {@code to}, with its
     * rows {@code rows}, in one write, then forces it to disk. With {@code fresh}, the file is first made anew with
     * the header naming the snapshot (store {@code store}, CRC {@code baseCrc}).
     *
     * @return the journal's length after the record
     */
    static long append(Path file, boolean fresh, long store, long baseCrc, long from, long to, IncidentIndex rows)
            throws IOException {
        IndexColumns c = rows.columns();
        int n = c.size();
        byte[][] names = new byte[c.places().length][];
        long placeBytes = 0;
        for (int k = 0; k < names.length; k++) {
            names[k] = c.places()[k].getBytes(StandardCharsets.UTF_8);
            placeBytes += 4 + names[k].length;
        }
        long len = HEAD + placeBytes + (long) n * ROW;
        if (len > Integer.MAX_VALUE - HEADER - 16) throw new IOException("too many rows for one record");
        ByteBuffer b = ByteBuffer.allocate((fresh ? HEADER : 0) + 4 + (int) len + 8).order(ByteOrder.LITTLE_ENDIAN);
        if (fresh) b.putLong(MAGIC).putInt(VERSION).putInt(0).putLong(store).putLong(baseCrc);
        int start = b.position();
        b.putInt((int) len).putLong(from).putLong(to).putInt(n).putInt(c.maxSpan()).putInt(names.length);
        for (byte[] name : names) b.putInt(name.length).put(name);
        for (long v : c.id()) b.putLong(v);
        for (int v : c.day()) b.putInt(v);
        for (int v : c.dayEnd()) b.putInt(v);
        for (float[] f : new float[][] {c.lon(), c.lat(), c.mercX(), c.mercY()}) for (float v : f) b.putFloat(v);
        for (long v : c.factionMask()) b.putLong(v);
        for (byte[] col : new byte[][] {c.primaryFaction(), c.eventType(), c.subEventType(), c.datePrecision(),
                c.geoPrecision()}) b.put(col);
        for (int v : c.fatalities()) b.putInt(v);
        for (int v : c.placeRef()) b.putInt(v);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), start, b.position() - start);
        b.putLong(crc.getValue());
        b.flip();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = fresh
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (b.hasRemaining()) ch.write(b);
            ch.force(false);
            return ch.size();
        }
    }

    private static int[] ints(ByteBuffer p, int n) {
        int[] a = new int[n];
        p.asIntBuffer().get(a);
        p.position(p.position() + n * 4);
        return a;
    }

    private static float[] floats(ByteBuffer p, int n) {
        float[] a = new float[n];
        p.asFloatBuffer().get(a);
        p.position(p.position() + n * 4);
        return a;
    }

    private static byte[] bytes(ByteBuffer p, int n) {
        byte[] a = new byte[n];
        p.get(a);
        return a;
    }
}
