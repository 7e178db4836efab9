package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sitmap.model.ImportReport;
import org.sitmap.model.InputException;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreException;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * The whole team store as a GeoPackage store to take away ({@code sitmap export --db SERVER --out field.gpkg}),
 * streamed by a server-side cursor. Everything else a command does with a server goes through {@link PgStore}.
 */
public final class TeamStore {
    private TeamStore() {
    }

    /**
     * Writes every incident of the team store into a new GeoPackage store {@code out}, keys and origins kept, so
     * that importing it back later adds only what was added to it.
     *
     * @return one line saying what was written
     */
    public static String takeAway(PgLocation where, Path out) throws IOException {
        if (Files.exists(out)) {
            throw new InputException(out.toString(), 0, "already exists; a store to take away is always a new file"
                    + " (choose another name or remove it).");
        }
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Files.deleteIfExists(part);
        ImportReport report;
        try (Connection c = PgConnections.open(where.forBrowsing())) {
            if (PgSchema.version(c) == 0) {
                throw new InputException(null, 0, where.display() + " is not a team store yet (sitmap server init).");
            }
            try (IncidentStore store = IncidentStore.open(part); PgIncidentReader r = new PgIncidentReader(c, where)) {
                report = store.importAll(r, ImportOptions.DEFAULT, n -> { });
            }
            Files.move(part, out);
        } catch (SQLException e) {
            throw new StoreException("Reading " + where.display() + " failed (SQL state " + e.getSQLState() + ").", e);
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(part.resolveSibling(part.getFileName() + "-wal"));
            Files.deleteIfExists(part.resolveSibling(part.getFileName() + "-shm"));
        }
        return report.imported() + " incidents of " + where.display() + " written to " + out;
    }
}
