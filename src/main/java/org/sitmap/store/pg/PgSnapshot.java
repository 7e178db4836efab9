package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexMerge;
import org.sitmap.model.FactionCatalog;
import org.sitmap.store.gpkg.ColumnSnapshot;

/**
 * The workstation's local snapshot of a team store's index, so that reopening the window reads one file and
 * fetches only the imports committed after it. The file has the column snapshot format of the GeoPackage store
 * ({@link ColumnSnapshot}); it lives in {@code $XDG_CACHE_HOME/sitmap/servers/} (or {@code ~/.cache/...}) under a
 * name made from the server's identity and the database ({@link PgBrowser#identity()}, never the user or a
 * password), and its header holds the commit number it is complete up to. A damaged file, one of another store or
 * one newer than the server (a restored database) is not used: the index is then streamed again.
 *
 * <p>Imports that arrive later (live, or fetched at a reopen) are appended to a journal beside it
 * ({@link SnapshotJournal}) rather than written whole again; reading takes the snapshot and the journal's good
 * records. A torn or damaged journal, or one grown past a quarter of the snapshot, makes the next write a whole one,
 * which replaces the snapshot and removes the journal.
 *
 * <p>Threading: {@link #read} on the worker; {@link #writeLater} and {@link #grewLater} hand the writes to a thread
 * of their own ({@code sitmap-server-snapshot}), in order; a whole write queued drops the writes queued before it.
 * Tests write in line ({@code -Dsitmap.columns.writeInline=true}).
 */
public final class PgSnapshot {
    private static final Logger LOG = Logger.getLogger(PgSnapshot.class.getName());
    /** A journal longer than this (bytes) is folded into a whole snapshot at the next write, whatever its base. */
    private static final long JOURNAL_MIN = 4L << 20;

    private final Path dir;
    private final boolean inline;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean draining;
    private final Object writing = new Object();
    // what snapshot + journal hold on disk, as this process knows it; guarded by writing
    private Path known;
    private long knownCrc;
    private long knownCommit = -1;
    private long journalBytes;
    private long snapshotBytes;

    /** Snapshots kept in {@code dir}. */
    public PgSnapshot(Path dir) {
        this(dir, Boolean.getBoolean("sitmap.columns.writeInline"));
    }

    /** Snapshots kept in {@code dir}, written on the calling thread when {@code inline} (the bench, tests). */
    public PgSnapshot(Path dir, boolean inline) {
        this.dir = dir;
        this.inline = inline;
    }

    /** The user's cache: {@code $XDG_CACHE_HOME/sitmap/servers} or {@code ~/.cache/sitmap/servers}. */
    public static PgSnapshot inUserCache() {
        Map<String, String> env = System.getenv();
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        String forTests = System.getProperty("sitmap.test.cacheHome");
        if (forTests != null) base = Path.of(forTests);
        return new PgSnapshot(base.resolve("sitmap").resolve("servers"));
    }

    /** The file of the store {@code b} is connected to. */
    public Path file(PgBrowser b) {
        return file(b.identity());
    }

    Path file(String identity) {
        return dir.resolve(hex(digest(identity), 12) + ColumnSnapshot.SUFFIX);
    }

    private static long storeNumber(String identity) {
        byte[] d = digest(identity);
        long n = 0;
        for (int k = 0; k < 8; k++) n = (n << 8) | (d[k] & 0xff);
        return n;
    }

    /** The snapshot of the store {@code b} is connected to, with its commit number; null when none is usable. */
    public PgBrowser.Loaded read(PgBrowser b) {
        return read(b.identity(), b.catalog());
    }

    PgBrowser.Loaded read(String identity, FactionCatalog catalog) {
        Path file = file(identity);
        long store = storeNumber(identity);
        long crc = SnapshotJournal.baseCrc(file);
        ColumnSnapshot.Found f = ColumnSnapshot.readAny(file, store, catalog);
        if (f == null || crc != SnapshotJournal.baseCrc(file)) return null;   // none, or replaced meanwhile
        SnapshotJournal.Read j;
        try {
            j = SnapshotJournal.read(SnapshotJournal.of(file), store, crc, f.counter(), catalog);
        } catch (IOException e) {
            LOG.log(Level.FINE, "journal of " + file + " not read", e);
            j = new SnapshotJournal.Read(null, f.counter(), 0, false);
        }
        if (!j.clean()) LOG.fine(() -> "journal of " + file + " ends damaged or belongs to another snapshot; rewriting");
        synchronized (writing) {
            known = file;
            knownCrc = crc;
            knownCommit = j.clean() ? j.commit() : -1;
            journalBytes = j.bytes();
            snapshotBytes = size(file);
        }
        IncidentIndex ix = j.rows() == null ? f.index() : IndexMerge.merge(f.index(), j.rows());
        return new PgBrowser.Loaded(ix, j.commit());
    }

    /** Writes {@code loaded} whole as the snapshot of the store {@code b} is connected to, on the writing thread. */
    public void writeLater(PgBrowser b, PgBrowser.Loaded loaded) {
        writeLater(b.identity(), loaded);
    }

    void writeLater(String identity, PgBrowser.Loaded loaded) {
        Path file = file(identity);
        long store = storeNumber(identity);
        submit(() -> whole(file, store, loaded), true);
    }

    /**
     * Records that the index grew from commit {@code from} to {@code grown}'s by the rows {@code added}: appended to
     * the journal when the files on disk are known to hold commit {@code from}, else written whole.
     */
    public void grewLater(PgBrowser b, long from, PgBrowser.Loaded grown, IncidentIndex added) {
        grewLater(b.identity(), from, grown, added);
    }

    void grewLater(String identity, long from, PgBrowser.Loaded grown, IncidentIndex added) {
        Path file = file(identity);
        long store = storeNumber(identity);
        submit(() -> {
            boolean append;
            synchronized (writing) {
                append = file.equals(known) && knownCommit == from && knownCrc != 0
                        && journalBytes < Math.max(JOURNAL_MIN, snapshotBytes / 4);
            }
            if (from == grown.commit() && append) return;   // nothing new, and the files are good
            if (!append) {
                whole(file, store, grown);
                return;
            }
            synchronized (writing) {
                try {
                    journalBytes = SnapshotJournal.append(SnapshotJournal.of(file), journalBytes == 0, store, knownCrc,
                            from, grown.commit(), added);
                    knownCommit = grown.commit();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "journal of " + file + " not written; writing the snapshot whole", e);
                    knownCommit = -1;
                }
            }
            if (knownCommitIs(-1)) whole(file, store, grown);
        }, false);
    }

    private boolean knownCommitIs(long c) {
        synchronized (writing) {
            return knownCommit == c;
        }
    }

    /** Writes the snapshot whole and removes the journal (only ever on the one writing thread, or in line). */
    private void whole(Path file, long store, PgBrowser.Loaded loaded) {
        ColumnSnapshot.writeAny(file, store, loaded.commit(), loaded.index());
        try {
            Files.deleteIfExists(SnapshotJournal.of(file));
        } catch (IOException e) {
            LOG.log(Level.FINE, "journal of " + file + " not removed", e);   // its CRC no longer matches: unused
        }
        synchronized (writing) {
            known = file;
            knownCrc = SnapshotJournal.baseCrc(file);
            knownCommit = loaded.commit();
            journalBytes = 0;
            snapshotBytes = size(file);
        }
    }

    /** Queues {@code work} for the writing thread (a whole write drops what is queued before it). */
    private void submit(Runnable work, boolean whole) {
        if (inline) {
            work.run();
            return;
        }
        synchronized (queue) {
            if (whole) queue.clear();
            queue.add(work);
            if (draining) return;
            draining = true;
        }
        Thread t = new Thread(() -> {
            while (true) {
                Runnable next;
                synchronized (queue) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "local snapshot not written", e);
                }
            }
        }, "sitmap-server-snapshot");
        t.setDaemon(true);
        t.start();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] d, int bytes) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < bytes; k++) s.append(String.format("%02x", d[k]));
        return s.toString();
    }
}
