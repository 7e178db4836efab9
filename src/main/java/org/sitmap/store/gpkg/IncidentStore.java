package org.sitmap.store.gpkg;

import java.io.IOException;
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
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.Place;
import org.sitmap.store.ImportBatch;
import org.sitmap.store.CheckReport;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.StoreException;
import org.sitmap.store.StoreFault;
import org.sitmap.store.StoredPlace;
import org.sqlite.SQLiteConfig;

/**
 * An open Sitmap store in a GeoPackage file: the {@link IncidentStorage} of a workstation.
 *
 * <p>Threading: one JDBC connection, so every method is synchronized; call it from background threads only,
 * never from the FX thread.
 */
public final class IncidentStore implements IncidentStorage {
    private final Path file;
    private final Connection conn;
    private final FactionCatalog catalog;
    private final boolean readOnly;
    /** This handle created the store's file and has not imported into it yet (its first load, see BulkMode). */
    private boolean fresh;

    private IncidentStore(Path file, Connection conn, FactionCatalog catalog, boolean readOnly) {
        this.file = file;
        this.conn = conn;
        this.catalog = catalog;
        this.readOnly = readOnly;
    }

    /**
     * Opens an existing store for reading only (see {@link StoreAccess}): nothing is written to it, not even its
     * header. A store of an older schema is first migrated, when it can be written; otherwise it is refused.
     */
    public static IncidentStore openReadOnly(Path file) {
        try {
            Connection c = StoreAccess.openReadOnly(file);
            try {
                int version = StoreAccess.readVersion(c, file);
                if (version > Migrations.CURRENT) {
                    throw new org.sitmap.model.InputException(file.toString(), 0, "the store has schema version "
                            + version + " but this Sitmap knows only " + Migrations.CURRENT + "; use a newer Sitmap");
                }
                if (version < Migrations.CURRENT) {
                    c.close();
                    if (!StoreAccess.writable(file)) {
                        throw new StoreFault(StoreFault.Kind.READ_ONLY, file + " has the schema of an older Sitmap"
                                + " and is read-only, so it cannot be upgraded: copy it somewhere writable and open"
                                + " the copy", null);
                    }
                    open(file).close();
                    return openReadOnly(file);
                }
                return new IncidentStore(file, c, FactionCatalog.shipped(), true);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw fault(file, "cannot open the store " + file, e);
        } catch (IOException e) {
            throw new org.sitmap.model.InputException(file.toString(), 0, "cannot read the store: " + e.getMessage(), e);
        }
    }

    /** The plain fault behind {@code e}, or a store exception naming {@code what}. */
    static StoreException fault(Path file, String what, SQLException e) {
        StoreFault f = SqliteFaults.of(file, e, false);
        return f != null ? f : new StoreException(what + ": " + e.getMessage(), e);
    }

    private StoreException fault(String what, SQLException e) {
        return fault(file, what, e);
    }

    /** Opens the store at {@code file}, creating it or migrating an older schema. */
    public static IncidentStore open(Path file) {
        return open(file, Migrations.CURRENT);
    }

    /** Opens the store and migrates it only up to {@code schemaVersion} (tests of migrations use this). */
    static IncidentStore open(Path file, int schemaVersion) {
        try {
            StoreAccess.checkFile(file);
            if (!StoreAccess.writable(file)) throw StoreFault.readOnly(file, null);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            cfg.enforceForeignKeys(true);
            cfg.setCacheSize((int) -BulkMode.NORMAL_CACHE_KIB);
            cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
            cfg.setBusyTimeout(10_000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
            try {
                GpkgFunctions.register(c);
                boolean created = StoreSetup.journal(c);
                Path backup = MigrationBackup.before(c, file, schemaVersion);
                try {
                    Migrations.migrate(c, schemaVersion);
                } catch (SQLException e) {
                    if (backup == null) throw e;
                    StoreFault f = SqliteFaults.of(file, e, false);
                    throw new StoreException("the upgrade of " + file + " to this Sitmap's schema failed ("
                            + (f != null ? f.getMessage() : e.getMessage()) + "); a copy of the store as it was is"
                            + " at " + backup, e);
                }
                MigrationBackup.committed(backup);
                FactionCatalog catalog = FactionCatalog.shipped();
                StoreSetup.syncFactions(c, catalog);
                StoreAccess.capGrowth(c);
                IncidentStore store = new IncidentStore(file, c, catalog, false);
                store.fresh = created;
                return store;
            } catch (org.sitmap.model.InputException e) {
                c.close();
                throw new org.sitmap.model.InputException(file.toString(), 0, e.getMessage(), e);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw fault(file, "cannot open the store " + file, e);
        } catch (IOException e) {
            throw new org.sitmap.model.InputException(file.toString(), 0, "cannot open the store: " + e.getMessage(), e);
        }
    }

    @Override
    public Path file() { return file; }

    @Override
    public String display() { return String.valueOf(file); }

    /** {@link StoreCheck} of this store's file, through a read-only connection of its own. */
    @Override
    public CheckReport check(boolean quick) {
        return StoreCheck.run(file, quick).shared();
    }

    /** Whether this store was opened for reading only ({@link #openReadOnly}). */
    public boolean readOnly() { return readOnly; }

    /** Whether the store file may be written (see {@link StoreAccess#writable}); false for a read-only file or folder. */
    public boolean writable() { return StoreAccess.writable(file); }

    /** The factions stored with this store. */
    public synchronized FactionCatalog factions() { return catalog; }

    /** The applied schema version (see {@code sitmap_migration}). */
    public synchronized int schemaVersion() {
        try {
            return readOnly ? StoreAccess.readVersion(conn, file) : Migrations.version(conn);
        } catch (SQLException e) {
            throw fault("cannot read the schema version", e);
        }
    }

    /** Number of incidents. */
    public synchronized int count() {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM incident");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw fault("cannot count incidents", e);
        }
    }

    /** As {@link #loadIndex()}, read by two threads when the store has more than {@code splitAbove} incidents. */
    synchronized IncidentIndex loadIndex(int splitAbove) {
        try {
            return IndexLoader.load(conn, file, catalog, count(), splitAbove);
        } catch (SQLException e) {
            throw fault("cannot load the incidents", e);
        }
    }

    /**
     * Stops the statement running on this store's connection, from any thread (SQLite's {@code sqlite3_interrupt});
     * the interrupted call throws a {@link StoreFault} of kind CANCELLED. Not synchronized, by design: it is called
     * while another thread holds the store. Imports are cancelled through their cancel flag instead.
     */
    public void interrupt() {
        try {
            conn.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().interrupt();
        } catch (SQLException e) {
            throw fault("cannot interrupt the store", e);
        }
    }

    /**
     * As {@link #loadIndex()}, the second reader of a large store run on {@code helper} ({@code Runnable::run}: all
     * on the calling thread, e.g. the window's one worker). The column snapshot, when one is written, is written on
     * a thread of its own (see {@code ColumnSnapshot}).
     */
    public synchronized IncidentIndex loadIndex(java.util.concurrent.Executor helper) {
        try {
            IndexLoader.Loaded l = IndexLoader.loadWithSources(conn, file, catalog, this::count, helper);
            attribution.loaded(l.sources());
            return l.index();
        } catch (SQLException e) {
            throw fault("cannot load the incidents", e);
        }
    }

    /**
     * Waits until the column snapshot being written, if any, is on disk (the benchmark waits for it before it
     * measures an opening; the window never needs to).
     */
    public static void awaitColumnSnapshot() {
        ColumnSnapshot.lastWrite().join();
    }

    /**
     * Reads every incident's filter columns into a fresh in-memory index: from the store's column snapshot when it
     * matches the store (see {@code ColumnSnapshot}), else from the rows, after which a new snapshot is written
     * on a thread of its own.
     */
    public synchronized IncidentIndex loadIndex() {
        return loadIndex(IndexLoader.OWN_THREAD);
    }

    /**
     * Ids of the incidents whose place, summary or evidence match {@code words} (FTS5), ascending. SQLite joins
     * the ids into one text ({@code group_concat}) that is parsed here: a common word matching a million rows
     * then crosses JNI once instead of a million times (a fifth less CPU than through a result set at a million).
     */
    public synchronized long[] searchText(String words) {
        String match = FtsQuery.of(words);
        if (match.isEmpty()) return new long[0];
        // FTS5 gives a match in ascending rowid order; sorted here only if it ever does not
        try (PreparedStatement ps = conn.prepareStatement("SELECT group_concat(rowid) FROM incident_fts"
                + " WHERE incident_fts MATCH ?")) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                long[] ids = rs.next() ? FtsQuery.ids(rs.getString(1)) : new long[0];
                for (int k = 1; k < ids.length; k++) {
                    if (ids[k] < ids[k - 1]) {
                        java.util.Arrays.sort(ids);
                        break;
                    }
                }
                return ids;
            }
        } catch (SQLException e) {
            throw fault("text search failed", e);
        }
    }

    /** One incident with every field. */
    public synchronized Optional<Incident> incident(long id) {
        try {
            List<Incident> l = RowSelect.select(conn, "WHERE fid = ?", List.of(id));
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        } catch (SQLException e) {
            throw fault("cannot read incident " + id, e);
        }
    }

    /** The incidents that pass {@code spec}, through SQL, ordered by date then id. */
    public synchronized List<Incident> query(FilterSpec spec) {
        try {
            return QuerySql.run(conn, spec);
        } catch (SQLException e) {
            throw fault("query failed", e);
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
            throw fault("query failed", e);
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
            throw fault("query failed", e);
        }
    }

    /**
     * The data sets and sources of the incidents that pass {@code spec}, most incidents first: pairs of {the source
     * key's prefix before ':' in lower case (e.g. "ucdp", "acled"; may be empty), the reported source (may be null)}.
     */
    public synchronized List<String[]> sources(FilterSpec spec) {
        try {
            return attribution.of(conn, spec);
        } catch (SQLException e) {
            throw fault("query failed", e);
        }
    }

    /**
     * As {@link #sources(FilterSpec)}, for exactly the {@code shown} incidents: counted from a code per incident
     * kept beside the column snapshot (see {@code SourceCodes}), so crediting ten million incidents takes tens of
     * milliseconds instead of seconds.
     */
    @Override
    public synchronized List<String[]> sources(FilterSpec spec, org.sitmap.index.Selection shown) {
        try {
            return attribution.of(conn, file, catalog, spec, shown);
        } catch (SQLException e) {
            throw fault("query failed", e);
        }
    }

    private final SourceAttribution attribution = new SourceAttribution();

    /** The incidents at a place of that name (as stored), ordered by date then id. */
    public synchronized List<Incident> incidentsAtPlace(String name) {
        try {
            return RowSelect.select(conn, "WHERE place = ? ORDER BY event_date, fid", List.of(name));
        } catch (SQLException e) {
            throw fault("cannot read incidents at " + name, e);
        }
    }

    /**
     * Imports every row of {@code reader} in one transaction; see {@link ImportOptions}.
     *
     * @param progress receives the number of rows read so far, now and then (on the calling thread)
     */
    public synchronized ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress) {
        return importAll(reader, options, progress, () -> false);
    }

    /**
     * As {@link #importAll(IncidentReader, ImportOptions, LongConsumer)}, stopped when {@code cancelled} turns true
     * or the calling thread is interrupted: the transaction is then rolled back, the store is as before, and a
     * {@link StoreFault} of kind {@link StoreFault.Kind#CANCELLED} is thrown.
     */
    public synchronized ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress,
                                               java.util.function.BooleanSupplier cancelled) {
        if (readOnly) throw new StoreFault(StoreFault.Kind.READ_ONLY, file + " was opened for reading only", null);
        boolean firstLoad = fresh;
        fresh = false;
        return new Importer(conn, catalog, file, firstLoad).run(reader, options, progress == null ? n -> { } : progress,
                cancelled);
    }

    /** Every gazetteer entry, in insertion order. */
    public synchronized List<Place> places() {
        try {
            return PlaceRows.all(conn);
        } catch (SQLException e) {
            throw fault("cannot read the gazetteer", e);
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
            throw fault("cannot store the gazetteer", e);
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
            throw fault("cannot read import batches", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (!conn.isClosed()) conn.close();
        } catch (SQLException e) {
            throw fault("cannot close the store", e);
        }
    }
}
