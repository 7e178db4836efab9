package org.sitmap.store.pg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.sitmap.store.gpkg.ColumnSnapshot;

/**
 * The workstation's local snapshot of a team store's index, so that reopening the window reads one file and
 * fetches only the imports committed after it. The file has the column snapshot format of the GeoPackage store
 * ({@link ColumnSnapshot}); it lives in {@code $XDG_CACHE_HOME/sitmap/servers/} (or {@code ~/.cache/...}) under a
 * name made from the server's identity and the database ({@link PgBrowser#identity()}, never the user or a
 * password), and its header holds the commit number it is complete up to. A damaged file, one of another store or
 * one newer than the server (a restored database) is not used: the index is then streamed again.
 *
 * <p>Threading: {@link #read} on the worker; {@link #writeLater} hands the write to a thread of its own
 * ({@code sitmap-server-snapshot}); while it writes, newer requests replace older ones, so only the latest index is
 * written next. Tests write in line ({@code -Dsitmap.columns.writeInline=true}).
 */
public final class PgSnapshot {
    private final Path dir;
    private final boolean inline;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final Object writing = new Object();

    private record Pending(Path file, long store, PgBrowser.Loaded loaded) { }

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
        return dir.resolve(hex(digest(b.identity()), 12) + ColumnSnapshot.SUFFIX);
    }

    private static long storeNumber(PgBrowser b) {
        byte[] d = digest(b.identity());
        long n = 0;
        for (int k = 0; k < 8; k++) n = (n << 8) | (d[k] & 0xff);
        return n;
    }

    /** The snapshot of the store {@code b} is connected to, with its commit number; null when none is usable. */
    public PgBrowser.Loaded read(PgBrowser b) {
        ColumnSnapshot.Found f = ColumnSnapshot.readAny(file(b), storeNumber(b), b.catalog());
        return f == null ? null : new PgBrowser.Loaded(f.index(), f.counter());
    }

    /** Writes {@code loaded} as the snapshot of the store {@code b} is connected to, on the writing thread. */
    public void writeLater(PgBrowser b, PgBrowser.Loaded loaded) {
        Pending p = new Pending(file(b), storeNumber(b), loaded);
        if (inline) {
            write(p);
            return;
        }
        if (pending.getAndSet(p) != null) return;   // the writer takes the newest when it gets there
        Thread t = new Thread(() -> {
            for (Pending next; (next = pending.getAndSet(null)) != null; ) write(next);
        }, "sitmap-server-snapshot");
        t.setDaemon(true);
        t.start();
    }

    private void write(Pending p) {
        synchronized (writing) {
            ColumnSnapshot.writeAny(p.file(), p.store(), p.loaded().commit(), p.loaded().index());
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
