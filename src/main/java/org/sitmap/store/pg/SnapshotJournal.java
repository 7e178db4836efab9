package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * them, little-endian) and a CRC-32C of length and payload ({@link PackColumns}, also the format of the
 * server's packed index). A record is used only when its checksum matches and it
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
            ByteBuffer p = PackColumns.payload(all, pos, all.length);
            if (p == null) break;
            long from = p.getLong(0);
            long to = p.getLong(8);
            if (to > commit) {
                if (from != commit) break;   // a gap: the records of another history
                IncidentIndex batch;
                try {
                    PackColumns cols = new PackColumns(Math.max(0, PackColumns.rows(p)));
                    cols.add(p);
                    batch = cols.build(catalog);
                } catch (RuntimeException e) {
                    break;   // checks of the columns failed: not used
                }
                rows = rows == null ? batch : IndexMerge.merge(rows, batch);
                commit = to;
            }
            pos += 4 + p.capacity() + 8;
        }
        return new Read(rows, commit, pos, pos == all.length);
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
        ByteBuffer b;
        try {
            b = PackColumns.record(fresh ? HEADER : 0, from, to, c, 0, c.size());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        if (fresh) b.duplicate().order(ByteOrder.LITTLE_ENDIAN).putLong(MAGIC).putInt(VERSION).putInt(0).putLong(store)
                .putLong(baseCrc);
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
}
