package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Before a store of an older schema is migrated, a copy of it is made next to it ({@code store.gpkg.bak-v3} for a
 * version-3 store), with SQLite's {@code VACUUM INTO} so that what the write-ahead log holds is in the copy too. The
 * copy is removed once the last migration step has committed; when a step fails, the copy stays, and the failure
 * names it.
 *
 * <p>Threading: called while opening a store, on that thread.
 */
final class MigrationBackup {
    private static final Logger LOG = Logger.getLogger(MigrationBackup.class.getName());

    private MigrationBackup() { }

    /** Where the copy of a store of {@code version} goes. */
    static Path path(Path store, int version) {
        return Path.of(store.toAbsolutePath() + ".bak-v" + version);
    }

    /**
     * Copies the store when it has an older schema than {@code target}; returns the copy, or null when nothing is
     * to be migrated (a new store, or one up to date).
     */
    static Path before(Connection c, Path store, int target) throws SQLException {
        int have = Migrations.version(c);
        if (have == 0 || have >= target) return null;
        Path copy = path(store, have);
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            throw new SQLException("cannot replace the old copy " + copy + ": " + e.getMessage(), e);
        }
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, copy.toString());
            ps.execute();
        }
        LOG.fine(() -> "migrating " + store + " from schema version " + have + "; a copy of it is at " + copy);
        return copy;
    }

    /** After the migration committed: removes the copy. */
    static void committed(Path copy) {
        if (copy == null) return;
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            LOG.warning("cannot remove the copy made before the migration, " + copy + ": " + e.getMessage());
        }
    }
}
