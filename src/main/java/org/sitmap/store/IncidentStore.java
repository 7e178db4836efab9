package org.sitmap.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.Place;
import org.sqlite.SQLiteConfig;

/**
 * An open Sitmap store (a GeoPackage file).
 *
 * <p>Threading: one JDBC connection, so every method is synchronized; call it from background threads only,
 * never from the FX thread.
 */
public final class IncidentStore implements AutoCloseable {
    private final Path file;
    private final Connection conn;
    private final FactionCatalog catalog;

    private IncidentStore(Path file, Connection conn, FactionCatalog catalog) {
        this.file = file;
        this.conn = conn;
        this.catalog = catalog;
    }

    /** Opens the store at {@code file}, creating it or migrating an older schema. */
    public static IncidentStore open(Path file) {
        return open(file, Migrations.CURRENT);
    }

    /** Opens the store and migrates it only up to {@code schemaVersion} (tests of migrations use this). */
    static IncidentStore open(Path file, int schemaVersion) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (Files.exists(file) && Files.size(file) > 0 && !looksLikeSqlite(file)) {
                throw new org.sitmap.model.InputException(file.toString(), 0, "not a Sitmap store (not an SQLite file)");
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            cfg.enforceForeignKeys(true);
            cfg.setCacheSize((int) -BulkMode.NORMAL_CACHE_KIB);
            cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
            cfg.setBusyTimeout(10_000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
            try {
                journal(c);
                Migrations.migrate(c, schemaVersion);
                FactionCatalog catalog = loadCatalog();
                syncFactions(c, catalog);
                return new IncidentStore(file, c, catalog);
            } catch (org.sitmap.model.InputException e) {
                c.close();
                throw new org.sitmap.model.InputException(file.toString(), 0, e.getMessage(), e);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * New files get 16 KiB pages (faster bulk imports and scans); every store runs in WAL mode (but during an import
     * by a connection that alone had it open: {@link BulkMode}). An SQLite file
     * with tables but without Sitmap's migration table is someone else's database and is left alone.
     */
    private static void journal(Connection c) throws SQLException {
        boolean empty;
        boolean ours;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(CASE WHEN name = 'sitmap_migration'"
                + " THEN 1 END) FROM sqlite_master");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            empty = rs.getInt(1) == 0;
            ours = rs.getInt(2) > 0;
        }
        if (!empty && !ours) {
            throw new org.sitmap.model.InputException(null, 0, "not a Sitmap store (an SQLite file without Sitmap's"
                    + " tables); give a new file name to create a store");
        }
        try (java.sql.Statement st = c.createStatement()) {
            if (empty) st.execute("PRAGMA page_size = 16384");
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            // another process is importing with a rollback journal (see BulkMode); it restores WAL mode at its end
            if (!BulkMode.busy(e)) throw e;
        }
    }

    private static boolean looksLikeSqlite(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3");
        }
    }

    /** The factions of the classpath's {@code data/factions.csv}. */
    public static FactionCatalog loadCatalog() {
        try (InputStream in = IncidentStore.class.getResourceAsStream("/data/factions.csv")) {
            if (in == null) throw new IllegalStateException("data/factions.csv is missing from the class path");
            return FactionCatalog.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "data/factions.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void syncFactions(Connection c, FactionCatalog catalog) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO faction(code, name, aliases, colour, ord) VALUES (?,?,?,?,?) ON CONFLICT(code) DO UPDATE"
                        + " SET name=excluded.name, aliases=excluded.aliases, colour=excluded.colour, ord=excluded.ord")) {
            for (int i = 0; i < catalog.size(); i++) {
                Faction f = catalog.get(i);
                ps.setString(1, f.code());
                ps.setString(2, f.name());
                ps.setString(3, String.join("|", f.aliases()));
                ps.setString(4, f.hexColour());
                ps.setInt(5, i);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    public Path file() { return file; }

    /** The factions stored with this store. */
    public synchronized FactionCatalog factions() { return catalog; }

    /** The applied schema version (see {@code sitmap_migration}). */
    public synchronized int schemaVersion() {
        try {
            return Migrations.version(conn);
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema version: " + e.getMessage(), e);
        }
    }

    /** Number of incidents. */
    public synchronized int count() {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM incident");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot count incidents: " + e.getMessage(), e);
        }
    }

    /** As {@link #loadIndex()}, read by two threads when the store has more than {@code splitAbove} incidents. */
    synchronized IncidentIndex loadIndex(int splitAbove) {
        try {
            return IndexLoader.load(conn, file, catalog, count(), splitAbove);
        } catch (SQLException e) {
            throw new StoreException("cannot load the incidents: " + e.getMessage(), e);
        }
    }

    /** Reads every incident's filter columns into a fresh in-memory index. */
    public synchronized IncidentIndex loadIndex() {
        try {
            return IndexLoader.load(conn, file, catalog, count());
        } catch (SQLException e) {
            throw new StoreException("cannot load the incidents: " + e.getMessage(), e);
        }
    }

    /** Ids of the incidents whose place, summary or evidence match {@code words} (FTS5), ascending. */
    public synchronized long[] searchText(String words) {
        String match = FtsQuery.of(words);
        if (match.isEmpty()) return new long[0];
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ? ORDER BY rowid")) {
            ps.setString(1, match);
            long[] out = new long[64];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                    out[n++] = rs.getLong(1);
                }
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (SQLException e) {
            throw new StoreException("text search failed: " + e.getMessage(), e);
        }
    }

    /** One incident with every field. */
    public synchronized Optional<Incident> incident(long id) {
        try {
            List<Incident> l = IncidentRows.select(conn, "WHERE fid = ?", List.of(id));
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        } catch (SQLException e) {
            throw new StoreException("cannot read incident " + id + ": " + e.getMessage(), e);
        }
    }

    /** The incidents that pass {@code spec}, through SQL, ordered by date then id. */
    public synchronized List<Incident> query(FilterSpec spec) {
        try {
            return QuerySql.run(conn, spec);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Streams the incidents that pass {@code spec}, ordered by date then id, to {@code sink} on the calling thread
     * (for exports of any size). The store stays locked until the last one is delivered; {@code sink} must not
     * call back into the store.
     *
     * @return the number delivered
     */
    public synchronized long forEach(FilterSpec spec, java.util.function.Consumer<Incident> sink) {
        long[] n = {0};
        try {
            QuerySql.run(conn, spec, i -> {
                n[0]++;
                sink.accept(i);
            });
            return n[0];
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of the incidents that pass {@code spec} through SQL alone (indexes on date and faction), the drawn
     * area excepted; for the benchmark's comparison with the in-memory filter.
     */
    public synchronized long[] filterIds(FilterSpec spec) {
        try {
            return QuerySql.ids(conn, spec);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The data sets and sources of the incidents that pass {@code spec}, most incidents first: pairs of {the source
     * key's prefix before ':' in lower case (e.g. "ucdp", "acled"; may be empty), the reported source (may be null)}.
     */
    public synchronized List<String[]> sources(FilterSpec spec) {
        try {
            return QuerySql.sources(conn, spec);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    /** The incidents at a place of that name (as stored), ordered by date then id. */
    public synchronized List<Incident> incidentsAtPlace(String name) {
        try {
            return IncidentRows.select(conn, "WHERE place = ? ORDER BY event_date, fid", List.of(name));
        } catch (SQLException e) {
            throw new StoreException("cannot read incidents at " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports every row of {@code reader} in one transaction; see {@link ImportOptions}.
     *
     * @param progress receives the number of rows read so far, now and then (on the calling thread)
     */
    public synchronized ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress) {
        return new Importer(conn, catalog).run(reader, options, progress == null ? n -> { } : progress);
    }

    /** Every gazetteer entry, in insertion order. */
    public synchronized List<Place> places() {
        try {
            return PlaceRows.all(conn);
        } catch (SQLException e) {
            throw new StoreException("cannot read the gazetteer: " + e.getMessage(), e);
        }
    }

    /** Every gazetteer entry with its precision and event count, in insertion order (for {@code sitmap gazetteer}). */
    public synchronized List<StoredPlace> storedPlaces() {
        try {
            return PlaceRows.stored(conn);
        } catch (SQLException e) {
            throw new StoreException("cannot read the gazetteer: " + e.getMessage(), e);
        }
    }

    /**
     * Adds gazetteer entries in one transaction; an entry whose name, source and position equal a stored one
     * replaces it.
     *
     * @return the number of entries written
     */
    public synchronized int upsertPlaces(List<Place> places) {
        try {
            return PlaceRows.upsert(conn, places);
        } catch (SQLException e) {
            throw new StoreException("cannot store the gazetteer: " + e.getMessage(), e);
        }
    }

    /** The import batches, oldest first. */
    public synchronized List<ImportBatch> batches() {
        List<ImportBatch> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, file, format, started, finished, rows_read,"
                + " imported, updated, skipped, rejected FROM import_batch ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ImportBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read import batches: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (!conn.isClosed()) conn.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
