package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreException;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/**
 * What the command line does with a team server today: import files (each all or nothing, see {@link PgImporter}),
 * and make a GeoPackage store of the whole team store to take away. Other commands refuse a server with one line
 * until the store contract of issue #19 is built.
 */
public final class TeamStore {
    private TeamStore() {
    }

    /**
     * Imports each file in its own transaction, in order; a reader's import is refused before anything is read.
     *
     * @return the report of each file
     */
    public static List<ImportReport> importFiles(PgLocation where, List<Path> files, String format, ReaderContext ctx,
                                                 ImportOptions options) throws IOException {
        List<ImportReport> reports = new ArrayList<>();
        try (Connection c = PgConnections.open(where)) {
            ServerInit.requireEditor(c, where);
            PgImporter importer = new PgImporter(c, where, ctx.catalog());
            for (Path file : files) {
                try (IncidentReader reader = StoreFileReader.open(file, format, ctx)) {
                    reports.add(importer.run(reader, options, n -> { }));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The connection to " + where.display() + " failed (SQL state " + e.getSQLState()
                    + ").", e);
        }
        return reports;
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
        try (Connection c = PgConnections.open(where)) {
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
