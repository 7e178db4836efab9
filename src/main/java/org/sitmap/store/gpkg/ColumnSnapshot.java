package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.FactionCatalog;

/**
 * The column snapshot of a store: the arrays of its {@link IncidentIndex} in a file beside it
 * ({@code STORE.sitmap-columns}), so that opening a store reads one file into arrays instead of every row through
 * SQLite. It is a cache: never trusted unless everything matches, rebuilt when it does not.
 *
 * <p>The file: a 72-byte header (magic {@code SITMAPIX}, format version, rows, bytes of place names, the store's
 * number and change counter ({@link ChangeCounter}), the largest incident id, a hash of the faction catalog's
 * codes in order, the longest span, the number of place names), the columns one after the other (little-endian),
 * the place names (length and UTF-8), and a CRC-32C of all that. It is read memory-mapped; it is used only when
 * magic, version, key (store number, counter, largest id, catalog), length and checksum all match and the columns
 * pass {@link IncidentIndex#of(FactionCatalog, IndexColumns)}'s checks. Any write to {@code incident} through
 * SQLite, by Sitmap or by GDAL/QGIS, raises the counter, so a snapshot is stale after it.
 *
 * <p>Where: beside the store when its folder is writable, else in {@code $XDG_CACHE_HOME/sitmap/columns/} (or
 * {@code ~/.cache/sitmap/columns/}) under a name made from the store's absolute path; a store without a change
 * counter (a read-only store of an older schema) has none.
 *
 * <p>Threading: {@link #read} runs on the loading thread; {@link #writeLater} writes on a thread of its own
 * ({@code sitmap-snapshot-write}, not a daemon, and a shutdown hook waits for it, so a command's JVM finishes the
 * file before it ends, {@code System.exit} included) from an index
 * that is immutable; writes go to a temporary file moved into place, so a reader never sees half a file.
 */
public final class ColumnSnapshot {
    public static final String SUFFIX = ".sitmap-columns";
    private static final long MAGIC = 0x5849_5041_4d54_4953L; // "SITMAPIX" little-endian
    private static final int VERSION = 1;
    private static final int HEADER = 72;
    /** Bytes per row over all columns. */
    private static final int ROW = 8 + 4 + 4 + 4 * 4 + 8 + 5 + 4 + 4;
    private static final Logger LOG = Logger.getLogger(ColumnSnapshot.class.getName());
    private static volatile CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    /** What a snapshot is valid for. */
    record Key(long storeNumber, long counter, long maxFid, long catalog) { }

    private ColumnSnapshot() { }

    /** The key of the store's current state, or null when the store has no change counter. */
    static Key key(Connection c, FactionCatalog catalog) throws SQLException {
        long[] counter = ChangeCounter.key(c);
        if (counter == null) return null;
        long maxFid;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(fid), 0) FROM incident");
             ResultSet rs = ps.executeQuery()) {
            maxFid = rs.next() ? rs.getLong(1) : 0;
        }
        return new Key(counter[0], counter[1], maxFid, catalogHash(catalog));
    }

    private static long catalogHash(FactionCatalog catalog) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < catalog.size(); k++) {
            for (byte b : (catalog.get(k).code() + ",").getBytes(StandardCharsets.UTF_8)) h = (h ^ b) * 0x100000001b3L;
        }
        return h;
    }

    /** An index read back from a snapshot of another kind of store, and the change number it was written for. */
    public record Found(IncidentIndex index, long counter) { }

    /**
     * The index in {@code file} when it is a complete snapshot of store {@code storeNumber} made with
     * {@code catalog}, whatever its change number (a team server's snapshot is brought up to date by fetching the
     * imports committed after it); null when there is none or it is damaged or of another store.
     */
    public static Found readAny(Path file, long storeNumber, FactionCatalog catalog) {
        if (!Files.isRegularFile(file)) return null;
        long[] counter = new long[1];
        long cat = catalogHash(catalog);
        try {
            IncidentIndex ix = readFile(file, k -> {
                counter[0] = k.counter();
                return k.storeNumber() == storeNumber && k.catalog() == cat;
            }, catalog);
            return ix == null ? null : new Found(ix, counter[0]);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "column snapshot " + file + " not used", e);
            return null;
        }
    }

    /**
     * Writes the snapshot of {@code ix} as of change number {@code counter} of store {@code storeNumber} into
     * {@code file} (a temporary file moved into place); failures are only logged. Runs on the calling thread.
     */
    public static void writeAny(Path file, long storeNumber, long counter, IncidentIndex ix) {
        long maxId = 0;
        for (int r = 0; r < ix.size(); r++) maxId = Math.max(maxId, ix.id(r));
        try {
            write(file, new Key(storeNumber, counter, maxId, catalogHash(ix.catalog())), ix);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "column snapshot " + file + " not written", e);
        }
    }

    /** The snapshot file beside the store. */
    static Path beside(Path store) {
        return store.resolveSibling(store.getFileName() + SUFFIX);
    }

    /** The snapshot file in the user's cache, for a store whose folder cannot be written. */
    static Path inCache(Path store, Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        String forTests = System.getProperty("sitmap.test.cacheHome");
        if (forTests != null) base = Path.of(forTests);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    store.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder();
            for (int k = 0; k < 12; k++) name.append(String.format("%02x", d[k]));
            return base.resolve("sitmap").resolve("columns").resolve(name + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the snapshot of {@code store} is written: beside it when its folder is writable, else the cache. */
    static Path target(Path store) {
        Path dir = store.toAbsolutePath().getParent();
        if (dir != null && Files.isWritable(dir) && StoreAccess.writable(store)) return beside(store);
        return inCache(store, System.getenv(), System.getProperty("user.home"));
    }

    /** Where a snapshot of {@code store} may be: beside it, then in the user's cache. */
    static List<Path> places(Path store) {
        return List.of(beside(store), inCache(store, System.getenv(), System.getProperty("user.home")));
    }

    /** The index of a snapshot of {@code store} valid for {@code key}, or null (none, stale or damaged). */
    static IncidentIndex read(Path store, Key key, FactionCatalog catalog) {
        for (Path file : places(store)) {
            if (!Files.isRegularFile(file)) continue;
            try {
                IncidentIndex ix = readFile(file, key, catalog);
                if (ix != null) return ix;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "column snapshot " + file + " not used", e);
            }
        }
        return null;
    }

    /** The index in {@code file} when it is a complete snapshot for {@code key}, else null. */
    static IncidentIndex readFile(Path file, Key key, FactionCatalog catalog) throws IOException {
        return readFile(file, key::equals, catalog);
    }

    private static IncidentIndex readFile(Path file, java.util.function.Predicate<Key> key, FactionCatalog catalog)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer m = ChecksumWriter.map(ch, HEADER, MAGIC, VERSION);
            if (m == null) return null;
            long size = m.capacity();
            int n = m.getInt(12);
            long placeBytes = m.getLong(16);
            Key found = new Key(m.getLong(24), m.getLong(32), m.getLong(40), m.getLong(48));
            if (!key.test(found)) {
                LOG.fine(() -> "column snapshot " + file + " is stale or of another store: " + found);
                return null;
            }
            int maxSpan = m.getInt(56);
            int placeCount = m.getInt(60);
            if (n < 0 || placeCount < 0 || placeBytes < 0 || size != HEADER + (long) n * ROW + placeBytes + 8) return null;
            if (!ChecksumWriter.intact(m)) {
                LOG.fine(() -> "column snapshot " + file + " is damaged (checksum)");
                return null;
            }
            Reader r = new Reader(m, HEADER);
            long[] id = r.longs(n);
            int[] day = r.ints(n), dayEnd = r.ints(n);
            float[] lon = r.floats(n), lat = r.floats(n), mx = r.floats(n), my = r.floats(n);
            long[] mask = r.longs(n);
            byte[] primary = r.bytes(n), type = r.bytes(n), sub = r.bytes(n), datePrec = r.bytes(n), geoPrec = r.bytes(n);
            int[] fatalities = r.ints(n), placeRef = r.ints(n);
            String[] places = new String[placeCount];
            for (int k = 0; k < placeCount; k++) {
                int len = m.getInt(r.pos);
                byte[] b = new byte[len];
                m.get(r.pos + 4, b);
                r.pos += 4 + len;
                places[k] = new String(b, StandardCharsets.UTF_8);
            }
            if (r.pos != size - 8) return null;
            return IncidentIndex.of(catalog, new IndexColumns(id, day, dayEnd, lon, lat, mx, my, mask, primary, type,
                    sub, datePrec, geoPrec, fatalities, placeRef, places, maxSpan));
        }
    }

    /**
     * Writes the snapshot of {@code ix} for {@code key}, then the incidents' {@code sources} when given (beside it,
     * see {@link SourceCodes}), on a thread of its own; failures are only logged.
     */
    static CompletableFuture<Void> writeLater(Path store, Key key, IncidentIndex ix, SourceCodes sources) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable work = () -> {
            Path file = target(store);
            try {
                write(file, key, ix);
                if (sources != null) sources.write(SourceCodes.besideSnapshot(file));
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "column snapshot " + file + " not written", e);
                done.complete(null);
            }
        };
        lastWrite = done;
        // the tests write in line (-Dsitmap.columns.writeInline=true), so no write outlives a test's folder
        if (Boolean.getBoolean("sitmap.columns.writeInline")) {
            work.run();
        } else {
            Finisher.ensure();
            new Thread(work, "sitmap-snapshot-write").start();
        }
        return done;
    }

    /**
     * Lets a write finish when the JVM ends by {@code System.exit} (the command line's exit does): a shutdown hook
     * waits for the last write, at most a minute, so no half-written temporary file is left behind.
     */
    private static final class Finisher {
        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    lastWrite.get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the next load writes it again
                }
            }, "sitmap-snapshot-finish"));
        }

        static void ensure() { }
    }

    /** The last write started (tests wait for it). */
    static CompletableFuture<Void> lastWrite() { return lastWrite; }

    /** Writes the snapshot into a temporary file beside {@code file} and moves it into place. */
    static synchronized void write(Path file, Key key, IncidentIndex ix) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        IndexColumns c = ix.columns();
        int n = c.size();
        List<byte[]> names = new ArrayList<>(c.places().length);
        long placeBytes = 0;
        for (String p : c.places()) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            names.add(b);
            placeBytes += 4 + b.length;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ChecksumWriter w = new ChecksumWriter(ch);
            ByteBuffer h = w.room(HEADER);
            h.putLong(MAGIC).putInt(VERSION).putInt(n).putLong(placeBytes).putLong(key.storeNumber())
                    .putLong(key.counter()).putLong(key.maxFid()).putLong(key.catalog()).putInt(c.maxSpan())
                    .putInt(names.size()).putLong(0);
            w.longs(c.id());
            w.ints(c.day());
            w.ints(c.dayEnd());
            for (float[] f : new float[][] {c.lon(), c.lat(), c.mercX(), c.mercY()}) w.floats(f);
            w.longs(c.factionMask());
            for (byte[] b : new byte[][] {c.primaryFaction(), c.eventType(), c.subEventType(), c.datePrecision(),
                    c.geoPrecision()}) w.bytes(b);
            w.ints(c.fatalities());
            w.ints(c.placeRef());
            for (byte[] b : names) {
                w.room(4).putInt(b.length);
                w.bytes(b);
            }
            w.finish();
            ch.force(false);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads columns one after the other from the mapped file. */
    private static final class Reader {
        private final MappedByteBuffer m;
        int pos;

        Reader(MappedByteBuffer m, int pos) {
            this.m = m;
            this.pos = pos;
        }

        private ByteBuffer take(int bytes) {
            ByteBuffer b = m.slice(pos, bytes).order(ByteOrder.LITTLE_ENDIAN);
            pos += bytes;
            return b;
        }

        long[] longs(int n) { long[] a = new long[n]; take(n * 8).asLongBuffer().get(a); return a; }
        int[] ints(int n) { int[] a = new int[n]; take(n * 4).asIntBuffer().get(a); return a; }
        float[] floats(int n) { float[] a = new float[n]; take(n * 4).asFloatBuffer().get(a); return a; }
        byte[] bytes(int n) { byte[] a = new byte[n]; take(n).get(a); return a; }
    }
}
