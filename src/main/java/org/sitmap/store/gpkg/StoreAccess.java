package org.sitmap.store.gpkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.sitmap.model.InputException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * How a store file is opened: for reading only, or for writing; and whether it may be written at all.
 *
 * <p>A reading connection ({@link #openReadOnly}) is opened with SQLite's read-only flag ({@code mode=ro}): it
 * runs no migration, sets no persistent pragma, never changes the journal mode, and {@code query_only} refuses
 * any write that slipped through. The store file stays byte-identical, and a store in a read-only folder or on a
 * full disk reads as well as any. A store in WAL mode needs its {@code -shm} index; in a folder where that cannot
 * be made and does not exist, the store is opened {@code immutable} (nobody can be writing it there).
 *
 * <p>Threading: stateless; the connections returned belong to the caller.
 */
final class StoreAccess {
    private StoreAccess() { }

    /**
     * Whether Sitmap may write the store: the file (when it exists) and its folder are writable and neither is
     * marked read-only by its owner-write permission bit. The bit counts even for root, who could write anyway: a
     * store someone made read-only is left alone.
     */
    static boolean writable(Path file) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.exists(abs) && !writableBy(abs)) return false;
        return dir == null || !Files.exists(dir) || writableBy(dir);
    }

    private static boolean writableBy(Path p) {
        if (!Files.isWritable(p)) return false;
        PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix == null) return true;
        try {
            Set<PosixFilePermission> perms = posix.readAttributes().permissions();
            return perms.contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return true;
        }
    }

    /** Refuses a path that is a folder, or a file that is not an SQLite database, with one plain line. */
    static void checkFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), 0, "is a folder, not a store file; give a file name with --db");
        }
        if (Files.exists(file) && Files.size(file) > 0 && !looksLikeSqlite(file)) {
            throw new InputException(file.toString(), 0, "not a Sitmap store (not an SQLite file)");
        }
    }

    private static boolean looksLikeSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3");
        }
    }

    /**
     * A read-only connection to an existing store.
     *
     * @throws InputException when there is no such file, or it is not a store
     */
    static Connection openReadOnly(Path file) throws SQLException, IOException {
        Path abs = file.toAbsolutePath();
        checkFile(abs);
        if (!Files.exists(abs)) throw new InputException(file.toString(), 0, "no such store");
        if (Files.size(abs) == 0) throw new InputException(file.toString(), 0, "not a Sitmap store (an empty file)");
        boolean immutable = walWithoutIndex(abs);
        Connection c = DriverManager.getConnection(uri(abs, immutable), readConfig().toProperties());
        try {
            for (String pragma : new String[] {"PRAGMA query_only = 1", "PRAGMA cell_size_check = ON"}) {
                try (PreparedStatement ps = c.prepareStatement(pragma)) {
                    ps.execute();
                }
            }
            GpkgFunctions.register(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * A WAL-mode store (header bytes 18-19 are 2) whose {@code -shm} index neither exists nor can be made (the
     * folder is read-only): SQLite could not open it read-only, so it is opened immutable.
     */
    private static boolean walWithoutIndex(Path abs) throws IOException {
        if (Files.exists(Path.of(abs + "-shm"))) return false;
        Path dir = abs.getParent();
        if (dir == null || Files.isWritable(dir)) return false;
        try (InputStream in = Files.newInputStream(abs)) {
            byte[] head = in.readNBytes(20);
            return head.length == 20 && head[18] == 2 && head[19] == 2;
        }
    }

    private static String uri(Path abs, boolean immutable) {
        // a file: URI, so that mode=ro reaches SQLite; the path's own '?' and '#' must not end it
        String path = abs.toString().replace("%", "%25").replace("?", "%3f").replace("#", "%23");
        return "jdbc:sqlite:file:" + path + "?mode=ro" + (immutable ? "&immutable=1" : "");
    }

    private static SQLiteConfig readConfig() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
        cfg.setCacheSize((int) -BulkMode.NORMAL_CACHE_KIB);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setBusyTimeout(10_000);
        return cfg;
    }

    /**
     * Fault injection for tests of a full disk, which cannot be made without mounting a small file system: the
     * system property {@code sitmap.test.storeGrowthPages} = N lets a writing connection add at most N pages to
     * the store ({@code PRAGMA max_page_count}, a setting of the connection, not of the file), after which SQLite
     * fails with SQLITE_FULL exactly as on a full disk. Without the property nothing is set.
     */
    static void capGrowth(Connection c) throws SQLException {
        Long extra = Long.getLong("sitmap.test.storeGrowthPages");
        if (extra == null) return;
        long pages;
        try (PreparedStatement ps = c.prepareStatement("PRAGMA page_count"); ResultSet rs = ps.executeQuery()) {
            pages = rs.next() ? rs.getLong(1) : 0;
        }
        try (PreparedStatement ps = c.prepareStatement("PRAGMA max_page_count = " + (pages + Math.max(0, extra)));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    /**
     * The schema version of a store open read-only, without creating anything: 0 for a file without Sitmap's
     * migration table.
     *
     * @throws InputException for an SQLite file with tables but not Sitmap's
     */
    static int readVersion(Connection c, Path file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(CASE WHEN name = 'sitmap_migration'"
                + " THEN 1 END) FROM sqlite_master");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getInt(2) == 0) {
                throw new InputException(file.toString(), 0, rs.getInt(1) == 0 ? "not a Sitmap store (an empty database)"
                        : "not a Sitmap store (an SQLite file without Sitmap's tables)");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM sitmap_migration");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
