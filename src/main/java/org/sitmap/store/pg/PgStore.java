package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.Place;
import org.sitmap.store.CheckReport;
import org.sitmap.store.ImportBatch;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentRows;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.StoreException;
import org.sitmap.store.StoreFault;
import org.sitmap.store.StoredPlace;

/**
 * An open team store on a PostgreSQL/PostGIS server: the {@link IncidentStorage} of a cell of analysts. One
 * connection (bounded connect and login waits, TCP keep-alive); imports through {@link PgImporter} (staging, one
 * merge, one transaction), the window's index through {@link PgIndexLoader} (COPY), queries and exports through a
 * server-side cursor ({@link PgQuery}), text search with the stored {@code tsvector}. Whether imports are allowed
 * is the role's: {@value ServerInit#EDITOR} imports, {@value ServerInit#READER} only reads.
 *
 * <p>Threading: one connection, so every method but {@link #interrupt()} is synchronized; call them from background
 * threads only, never from the FX thread.
 */
public final class PgStore implements IncidentStorage {
    private static final Logger LOG = Logger.getLogger(PgStore.class.getName());

    private final PgLocation where;
    private final Connection conn;
    private final FactionCatalog catalog;
    private final boolean editor;
    private final boolean standby;
    /** The connection of an import that goes to the primary while this store reads a standby (for interrupt). */
    private volatile Connection writing;

    private PgStore(PgLocation where, Connection conn, FactionCatalog catalog, boolean editor, boolean standby) {
        this.where = where;
        this.conn = conn;
        this.catalog = catalog;
        this.editor = editor;
        this.standby = standby;
    }

    /**
     * Connects to the team store at {@code where}.
     *
     * @throws org.sitmap.model.InputException one line when the server cannot be reached or refuses, when the
     *                                         database is not a team store yet, or was made by a newer Sitmap
     */
    public static PgStore open(PgLocation where) {
        Connection c = PgConnections.open(where);
        try {
            int version = PgSchema.version(c);
            if (version == 0) {
                throw PgLocation.bad(where.display() + " is not a team store yet; its owner runs sitmap server init"
                        + " --db " + where.display() + " first.");
            }
            if (version > PgSchema.VERSION) {
                throw PgLocation.bad(where.display() + " was made by a newer Sitmap (schema " + version
                        + "); update Sitmap to use it.");
            }
            return new PgStore(where, c, FactionCatalog.shipped(), ServerInit.mayImport(c), inRecovery(c));
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                LOG.log(Level.FINE, "closing after a failed open", ignored);
            }
            if (e instanceof RuntimeException r) throw r;
            throw failure(where, "open", (SQLException) e);
        }
    }

    private static boolean inRecovery(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The server and database, as named to the user (never with a password). */
    public PgLocation location() { return where; }

    /** True when this store reads a streaming standby; its imports then go to the primary on a connection of their own. */
    public boolean onStandby() { return standby; }

    @Override public String display() { return where.display(); }

    @Override public Path file() { return null; }

    @Override public FactionCatalog factions() { return catalog; }

    @Override public boolean writable() { return editor; }

    @Override
    public synchronized int schemaVersion() {
        try {
            return PgSchema.version(conn);
        } catch (SQLException e) {
            throw failure("read the schema version of", e);
        }
    }

    @Override
    public synchronized int count() {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM sitmap.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("count the incidents of", e);
        }
    }

    @Override
    public IncidentIndex loadIndex() { return loadIndex(null); }

    /**
     * The index from the server: its packed index when that matches the table ({@link IndexPacks}), else the rows
     * streamed and decoded on {@code helper} while they arrive (null: a thread of its own).
     */
    @Override
    public synchronized IncidentIndex loadIndex(Executor helper) {
        try {
            IncidentIndex packed = IndexPacks.read(conn, catalog);
            return packed != null ? packed : PgIndexLoader.load(conn, catalog, n -> { }, helper);
        } catch (SQLException e) {
            throw failure("load the incidents of", e);
        }
    }

    @Override
    public void interrupt() {
        try {
            Connection w = writing;
            if (w != null) w.unwrap(PGConnection.class).cancelQuery();
            conn.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            throw failure("interrupt the work on", e);
        }
    }

    /**
     * Ids (ascending) matching {@code words} by PostgreSQL's full-text search. The server sends them as one value,
     * eight bytes an id ({@code string_agg} of {@code int8send}), so a word in every row crosses as one field of
     * 8 MB a million rows instead of a million rows; settings for that statement alone in {@link PgQuery#searchIds}.
     */
    @Override
    public synchronized long[] searchText(String words) {
        String match = PgQuery.tsQuery(words);
        if (match.isEmpty()) return new long[0];
        try {
            return ids(PgQuery.searchIds(conn, match));
        } catch (SQLException e) {
            throw failure("search the text of", e);
        }
    }

    /** Big-endian eight-byte ids, ascending (sorted here when the scan gave them otherwise). */
    static long[] ids(byte[] packed) {
        if (packed == null) return new long[0];
        java.nio.LongBuffer in = java.nio.ByteBuffer.wrap(packed).asLongBuffer();
        long[] out = new long[in.remaining()];
        in.get(out);
        for (int k = 1; k < out.length; k++) {
            if (out[k] < out[k - 1]) {
                java.util.Arrays.sort(out);
                break;
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Incident> incident(long id) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + PgQuery.COLUMNS + " FROM sitmap.incident"
                + " WHERE fid = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(IncidentRows.read(rs, PgQuery.POSITION)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read incident " + id + " of", e);
        }
    }

    @Override
    public synchronized long forEach(FilterSpec spec, Consumer<Incident> sink) {
        long[] n = {0};
        try {
            PgQuery.run(conn, spec, i -> {
                n[0]++;
                sink.accept(i);
            });
            return n[0];
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    @Override
    public synchronized List<String[]> sources(FilterSpec spec) {
        try {
            return PgQuery.sources(conn, spec);
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    /**
     * Imports through {@link PgImporter}; a reader's import is refused in one line before anything is read. A
     * cancellation is noticed between rows; the server then rolls the whole import back.
     */
    @Override
    public synchronized ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress,
                                               BooleanSupplier cancelled) {
        Connection c = conn;
        try {
            c = forWriting();
            ServerInit.requireEditor(c, where);
            return new PgImporter(c, where.forWrites(), catalog).run(new Cancellable(reader, cancelled, where),
                    options, progress == null ? n -> { } : progress);
        } catch (SQLException e) {
            throw failure("import into", e);
        } catch (IOException e) {
            // as the GeoPackage store says it: which file, what went wrong; nothing of it was stored
            if (Thread.currentThread().isInterrupted()) {
                throw new StoreFault(StoreFault.Kind.CANCELLED, "the import of " + reader.file() + " into "
                        + where.display() + " was cancelled: nothing was imported, the store is unchanged", e);
            }
            throw new InputException(reader.file(), 0, "cannot read the file: " + e.getMessage(), e);
        } catch (StoreException e) {
            // interrupt() during the merge: the server cancelled the statement and rolled the import back
            if (!(e instanceof StoreFault) && e.getCause() instanceof SQLException s && "57014".equals(s.getSQLState())) {
                throw new StoreFault(StoreFault.Kind.CANCELLED, "the import of " + reader.file() + " into "
                        + where.display() + " was cancelled: nothing was imported, the store is unchanged", e);
            }
            throw e;
        } finally {
            doneWriting(c);
        }
    }

    @Override
    public synchronized List<Place> places() {
        try {
            return PgPlaces.all(conn);
        } catch (SQLException e) {
            throw failure("read the gazetteer of", e);
        }
    }

    @Override
    public synchronized List<StoredPlace> storedPlaces() {
        try {
            return PgPlaces.stored(conn);
        } catch (SQLException e) {
            throw failure("read the gazetteer of", e);
        }
    }

    @Override
    public synchronized int upsertPlaces(List<Place> places) {
        Connection c = conn;
        try {
            c = forWriting();
            ServerInit.requireEditor(c, where);
            return PgPlaces.upsert(c, places);
        } catch (SQLException e) {
            throw failure("write the gazetteer of", e);
        } finally {
            doneWriting(c);
        }
    }

    @Override
    public synchronized List<ImportBatch> batches() {
        String time = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
        List<ImportBatch> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, file, format, " + time.formatted("started")
                + ", " + time.formatted("finished") + ", rows_read, imported, updated, skipped, rejected"
                + " FROM sitmap.import_batch WHERE finished IS NOT NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ImportBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the import batches of", e);
        }
    }

    @Override
    public synchronized CheckReport check(boolean quick) {
        return PgCheck.run(conn, where, catalog, quick);
    }

    @Override
    public synchronized void close() {
        try {
            if (!conn.isClosed()) conn.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing the connection to " + where.display(), e);
        }
    }

    /**
     * The connection a write goes through: this store's own, or, when it reads a standby, a new one to the primary
     * ({@link PgLocation#forWrites()}), closed by {@link #doneWriting}. Caller holds the lock.
     */
    private Connection forWriting() throws SQLException {
        if (!standby) return conn;
        Connection w = PgConnections.open(where.forWrites());
        if (inRecovery(w)) {
            w.close();
            throw new StoreFault(StoreFault.Kind.READ_ONLY, where.display() + " names no server that accepts writes"
                    + " (every host is a standby); imports go to the primary: add it to the address", null);
        }
        writing = w;
        return w;
    }

    private void doneWriting(Connection c) {
        if (c == conn) return;
        writing = null;
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing the import connection to " + where.display(), e);
        }
    }

    /** A failed round trip as one line naming the store: cancelled, connection lost, not allowed, or the SQL state. */
    private StoreException failure(String what, SQLException e) {
        return failure(where, what, e);
    }

    private static StoreException failure(PgLocation where, String what, SQLException e) {
        LOG.log(Level.FINE, "could not " + what + " " + where.display(), e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return new StoreFault(StoreFault.Kind.CANCELLED, "the work on " + where.display() + " was cancelled", e);
        }
        if (state.startsWith("08")) {
            return new StoreFault(StoreFault.Kind.OTHER, "the connection to " + where.display() + " was lost; check"
                    + " the network and that the server runs, then try again", e);
        }
        if (state.equals("42501")) {
            return new StoreFault(StoreFault.Kind.READ_ONLY, "user " + where.user() + " may not " + what + " "
                    + where.display() + "; ask its owner for the role " + ServerInit.EDITOR + " or "
                    + ServerInit.READER, e);
        }
        return new StoreException("could not " + what + " " + where.display() + " (SQL state "
                + (state.isEmpty() ? "none" : state) + "); run with --verbose for the cause", e);
    }

    /** A reader that stops the import when it is cancelled or its thread interrupted. */
    private record Cancellable(IncidentReader in, BooleanSupplier cancelled, PgLocation where) implements IncidentReader {
        @Override public String file() { return in.file(); }

        @Override public String format() { return in.format(); }

        @Override public List<String> notes() { return in.notes(); }

        @Override
        public ParsedRow next() throws IOException {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new StoreFault(StoreFault.Kind.CANCELLED, "the import of " + in.file() + " into "
                        + where.display() + " was cancelled: nothing was imported, the store is unchanged", null);
            }
            return in.next();
        }

        @Override public void close() throws IOException { in.close(); }
    }
}
