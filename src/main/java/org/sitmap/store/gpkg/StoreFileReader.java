package org.sitmap.store.gpkg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.Provenance;
import org.sqlite.SQLiteConfig;

/**
 * Reads the incidents of another Sitmap store (a GeoPackage that {@code sitmap export --out x.gpkg} or File →
 * Export data wrote, or a colleague's store) as an import source: every incident with its source key, so that
 * importing a store's own GeoPackage export back into it changes nothing. The file is opened read-only and never
 * written; an SQLite file without Sitmap's tables is refused with a plain message.
 *
 * <p>Not thread-safe. The incidents are read when it is opened (one list in memory, as the GeoPackage export
 * holds one).
 */
public final class StoreFileReader implements IncidentReader {
    private final String file;
    private final Iterator<Incident> rows;
    private long line;

    private StoreFileReader(String file, List<Incident> incidents) {
        this.file = file;
        this.rows = incidents.iterator();
    }

    /**
     * A reader for any importable file: a Sitmap store or GeoPackage export (SQLite, or {@code format} "gpkg") read
     * by this class, everything else through {@link org.sitmap.ingest.Formats#open}.
     */
    public static IncidentReader open(Path file, String format, org.sitmap.ingest.ReaderContext ctx) throws IOException {
        boolean auto = format == null || format.isBlank() || format.equalsIgnoreCase("auto");
        if (format != null && format.equalsIgnoreCase("gpkg")) {
            if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "no such file");
            return open(file);
        }
        // another SQLite file (a foreign GeoPackage, an MBTiles pack) gets the formats' plain refusal
        if (auto && Files.isRegularFile(file) && isSqlite(file) && isSitmapStore(file)) return open(file);
        return org.sitmap.ingest.Formats.open(file, format, ctx);
    }

    /** True when the file starts as an SQLite database does (a GeoPackage is one). */
    public static boolean isSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(16), StandardCharsets.ISO_8859_1).startsWith("SQLite format 3");
        }
    }

    /** True when the SQLite file has Sitmap's tables (false also when it cannot be read as SQLite). */
    static boolean isSitmapStore(Path path) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(), readOnly())) {
            return hasSitmapTables(c);
        } catch (SQLException e) {
            return false;
        }
    }

    private static java.util.Properties readOnly() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(10_000);
        return cfg.toProperties();
    }

    private static boolean hasSitmapTables(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('sitmap_migration', 'incident')");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 2;
        }
    }

    /** Opens {@code path} read-only and reads its incidents. */
    public static StoreFileReader open(Path path) {
        String name = path.toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(), readOnly())) {
            if (!hasSitmapTables(c)) {
                throw new InputException(name, 0, "an SQLite file without Sitmap's incident table: not a Sitmap"
                        + " store or its GeoPackage export (for another GeoPackage, convert its layer with ogr2ogr)");
            }
            List<Incident> all = RowSelect.select(c, "ORDER BY event_date, fid", List.of());
            return new StoreFileReader(name, all);
        } catch (SQLException e) {
            throw new InputException(name, 0, "cannot read the store: " + e.getMessage(), e);
        }
    }

    @Override public String file() { return file; }

    @Override public String format() { return "gpkg"; }

    @Override
    public ParsedRow next() {
        if (!rows.hasNext()) return null;
        Incident i = rows.next();
        String origin = i.origin() != null ? i.origin() : Provenance.shareable(file) + ":" + i.id();
        return ParsedRow.ok(++line, i.toBuilder().id(0).batchId(0).origin(origin).build());
    }

    @Override public void close() { }
}
