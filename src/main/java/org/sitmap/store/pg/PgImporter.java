package org.sitmap.store.pg;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentValues;
import org.sitmap.store.StoreException;

/**
 * An import into a team store, all or nothing: the rows are streamed with COPY into a temporary staging table, then
 * merged into {@code sitmap.incident} by source key in the same transaction ({@link PgMerge}: new key: insert;
 * changed content: update, unless the stored version was revised later by the source; same content: skip). Readers
 * see the import whole or not at all; a killed client leaves nothing, since the server rolls the transaction back.
 *
 * <p>The file is parsed, normalised and hashed on a second thread ({@link org.sitmap.store.Prefetch}) while this one
 * encodes the rows for COPY (binary on a first load, {@link CopyBinary}; text for staging, {@link CopyText}) and sends
 * them; whether the file repeats a key is noted on the way ({@link KeySeen}), so the merge sorts the
 * rows to keep the last of each key only when it must.
 *
 * <p>Two editors importing at once stage in parallel and merge one after the other (a transaction-level advisory
 * lock around the merge), so overlapping files end with every event once and never deadlock. At commit the server
 * sends {@code NOTIFY sitmap, '<batch id>'} to open windows and {@code NOTIFY qgis} to QGIS layers set to refresh on
 * notification.
 *
 * <p>Threading: one import per instance, on the calling thread (plus the read-ahead thread it starts and joins, and
 * on an owner's first load the thread that writes its packed index ahead, {@link PackAhead}, joined before the
 * commit or the rollback).
 */
public final class PgImporter {
    private static final Logger LOG = Logger.getLogger(PgImporter.class.getName());
    /** The lock that orders merges of concurrent imports (and anything else that writes incidents). */
    static final long MERGE_LOCK = 0x5173_6d61_7002L;
    /** The channel open windows listen on; the payload is the batch id. */
    public static final String CHANNEL = "sitmap";
    private static final int COPY_CHUNK = 1 << 20;

    private final Connection conn;
    private final PgLocation where;
    private final IncidentValues values;
    private final FactionCatalog catalog;
    /** Where this import's packed index starts (null: none is written: a dry run, or a store before schema 4). */
    private IndexPacks.Start pack;
    /** A first load's rows as the index holds them, kept as they are copied (null: not a first load). */
    private PackRows packRows;
    /** An owner's first load's pack, written on a second connection during the index builds (null: none). */
    private PackAhead ahead;

    /** An importer writing through {@code conn} (a connection of {@code where}), mapping factions by {@code catalog}. */
    public PgImporter(Connection conn, PgLocation where, FactionCatalog catalog) {
        this.conn = conn;
        this.where = where;
        this.values = new IncidentValues(catalog);
        this.catalog = catalog;
    }

    /** What streaming the file into the staging table found. */
    private static final class Staged {
        final List<ImportReport.Rejection> rejections = new ArrayList<>();
        final Set<String> unresolved = new LinkedHashSet<>();
        final KeySeen keys = new KeySeen();
        /** The places of the rows copied straight in (all of them inserted). */
        final PgPlaceTally places = new PgPlaceTally();
        /** CPU seconds of the reading thread and of the importing thread while the rows streamed (for the log). */
        double readCpu;
        double writeCpu;
        int rowsRead;
        int rejected;
        int staged;
        int direct;
    }

    /**
     * Imports every row of {@code reader}.
     *
     * @throws InputException one line when the user may not import, or in strict mode at the first rejection
     * @throws StoreException when the server fails; nothing of the file is stored then
     */
    public ImportReport run(IncidentReader reader, ImportOptions options, LongConsumer progress) throws IOException {
        String file = reader.file();
        try {
            ServerInit.requireEditor(conn, where);
            conn.setAutoCommit(false);
            long t0 = System.nanoTime();
            long batch = startBatch(file, reader.format());
            // every incident this import inserts gets a larger id (see PgPlaces.mark)
            long mark = PgPlaces.mark(conn);
            boolean searchSent = PgSchema.version(conn) >= PgSchema.SEARCH_WRITTEN;
            FirstLoad first = options.dryRun() ? null : FirstLoad.begin(conn, searchSent);
            // under the merge lock a first load holds from here: the change counter, before the first write
            pack = first != null ? IndexPacks.begin(conn) : null;
            packRows = pack != null && pack.base() ? new PackRows(catalog) : null;
            Staged st;
            try (SearchVectors search = first != null && searchSent
                    ? new SearchVectors(where, SearchVectors.plainFor(conn)) : null) {
                st = stage(reader, options, progress, first, batch, search);
                if (search != null && search.byServer() > 0) {
                    LOG.fine(file + ": " + search.byServer() + " text search values computed by the server");
                }
            }
            long t1 = System.nanoTime();
            // a first load's rows are put in day order for its pack while the server builds the table's indexes
            boolean packFromRows = pack != null && packRows != null && !packRows.dropped() && st.staged == 0
                    && packRows.size() == st.direct;
            FutureTask<IndexColumns> sorted = packFromRows ? packRows.sortApart() : null;
            ahead = sorted != null && first.defersIndexes() ? new PackAhead(where, catalog, pack, packRows, sorted) : null;
            PgMerge.Result m = merge(st, first, batch, options.dryRun());
            long tp = System.nanoTime();
            if (first != null && st.staged == 0) {
                PgPlaces.learn(conn, st.places, reader.format());
            } else {
                PgPlaces.learn(conn, batch, reader.format(), mark);
            }
            long t2 = System.nanoTime();
            if (ahead != null && ahead.publish(conn, batch)) {
                LOG.fine(() -> file + ": packed index written during the index builds");
            } else if (sorted != null) {
                IndexPacks.writeFirstLoad(conn, catalog, batch, pack, packRows, PackRows.result(sorted));
            } else if (pack != null) {
                IndexPacks.write(conn, catalog, batch, m.inserted() + m.updated(), pack);
            }
            packRows = null;
            ahead = null;
            long tk = System.nanoTime();
            int skipped = st.rowsRead - st.rejected - (int) (m.inserted() + m.updated() + m.older());
            finishBatch(batch, st.rowsRead, (int) m.inserted(), (int) m.updated(), skipped, st.rejected);
            if (options.dryRun()) {
                conn.rollback();
            } else {
                notifyListeners(batch);
                conn.commit();
            }
            long t3 = System.nanoTime();
            String timing = String.format(Locale.ROOT, "%s: %d rows staged in %.2f s (CPU: reading %.2f s, importing"
                    + " %.2f s), %d distinct keys merged into %s in %.2f s (%s), places learned in %.2f s, index packed in"
                    + " %.2f s, committed in %.2f s", file, st.rowsRead, (t1 - t0) / 1e9, st.readCpu, st.writeCpu,
                    m.distinct(), where.display(), (tp - t1) / 1e9, m.steps(),
                    (t2 - tp) / 1e9, (tk - t2) / 1e9, (t3 - tk) / 1e9);
            LOG.info(timing);
            return new ImportReport(file, reader.format(), options.dryRun() ? 0 : batch, st.rowsRead,
                    (int) m.inserted(), (int) m.updated(), skipped, (int) m.older(), st.rejected, st.rejections,
                    List.of(), List.copyOf(st.unresolved), reader.notes());
        } catch (SQLException e) {
            rollbackQuietly();
            LOG.log(Level.FINE, "import of " + file + " into " + where.display() + " failed", e);
            throw new StoreException("The import of " + file + " into " + where.display() + " failed on the server"
                    + " (SQL state " + e.getSQLState() + "); nothing of it was stored.", e);
        } catch (IOException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Streams the accepted rows: straight into the incident table on a first load, until a key comes twice; into the
     * staging table otherwise, and from that row on. The file is parsed on the read-ahead thread.
     */
    private Staged stage(IncidentReader reader, ImportOptions options, LongConsumer progress, FirstLoad first,
                         long batch, SearchVectors search) throws SQLException, IOException {
        Staged st = new Staged();
        String file = reader.file();
        CopyIn copy = first != null ? copyIn(first.copySql(search != null)) : startStaging();
        boolean direct = first != null;
        // normalising and hashing run on the read-ahead thread (the only user of `values` during the import), so the
        // two client threads share the work about evenly: parsing and hashing there, encoding and sending here
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
        try (org.sitmap.store.Prefetch<Prepared> rows = new org.sitmap.store.Prefetch<>(reader, this::prepare)) {
            CopyBinary bin = direct ? new CopyBinary(COPY_CHUNK + (64 << 10)) : null;
            CopyText buf = direct ? null : new CopyText(COPY_CHUNK + (64 << 10));
            DirectRows out = direct ? new DirectRows(first, bin, copy, batch, st, packRows) : null;
            for (Prepared p; (p = rows.next()) != null; ) {
                ParsedRow row = p.row();
                st.rowsRead++;
                if (row.isRejected()) {
                    if (options.strict()) {
                        throw new InputException(file, row.line(), row.rejection() + " (strict: nothing imported)");
                    }
                    st.rejected++;
                    if (st.rejections.size() < ImportReport.MAX_LISTED) {
                        st.rejections.add(new ImportReport.Rejection(file, row.line(), row.rejection()));
                    }
                    continue;
                }
                Incident inc = p.incident();
                if (!inc.located() && inc.place() != null && st.unresolved.size() < 200) st.unresolved.add(inc.place());
                st.keys.add(inc.sourceKey());
                if (direct && st.keys.mayRepeat()) {
                    // a key came again: what follows is staged and merged, so the last row of each key stays
                    if (search != null) search.flush(out);
                    bin.trailer();
                    copy.writeToCopy(bin.bytes(), 0, bin.length());
                    bin = null;
                    copy.endCopy();
                    copy = startStaging();
                    buf = new CopyText(COPY_CHUNK + (64 << 10));
                    direct = false;
                }
                String hash = p.hash();
                if (direct) {
                    if (search != null) search.add(inc, hash, out); else out.row(inc, hash, null, 0, 0);
                } else {
                    stage(buf, row.line(), inc, hash);
                    st.staged++;
                    if (buf.length() >= COPY_CHUNK) {
                        copy.writeToCopy(buf.bytes(), 0, buf.length());
                        buf.clear();
                    }
                }
                if ((st.rowsRead & 0x3fff) == 0) progress.accept(st.rowsRead);
            }
            if (direct) {
                if (search != null) search.flush(out);
                bin.trailer();
                copy.writeToCopy(bin.bytes(), 0, bin.length());
            } else if (buf.length() > 0) {
                copy.writeToCopy(buf.bytes(), 0, buf.length());
            }
            copy.endCopy();
            st.readCpu = rows.producerCpuNanos() / 1e9;
            st.writeCpu = mx.isCurrentThreadCpuTimeSupported() ? (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 : 0;
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
        return st;
    }

    /**
     * Writes a first load's rows into its binary COPY, in file order, tallies their places and keeps their index
     * columns for the pack ({@code pack}, null when none is made from the rows).
     */
    private static final class DirectRows implements SearchVectors.Sink {
        private final FirstLoad first;
        private final CopyBinary bin;
        private final CopyIn copy;
        private final long batch;
        private final Staged st;
        private final PackRows pack;

        DirectRows(FirstLoad first, CopyBinary bin, CopyIn copy, long batch, Staged st, PackRows pack) {
            this.first = first;
            this.bin = bin;
            this.copy = copy;
            this.batch = batch;
            this.st = st;
            this.pack = pack;
        }

        @Override
        public void row(Incident inc, String hash, byte[] search, int offset, int length) throws SQLException {
            String factions = IncidentValues.factionCodes(inc);
            first.row(bin, batch, inc, hash, factions, search, offset, length);
            if (pack != null) pack.add(inc, factions);
            st.places.add(inc);
            st.direct++;
            if (bin.length() >= COPY_CHUNK) {
                copy.writeToCopy(bin.bytes(), 0, bin.length());
                bin.clear();
            }
        }
    }

    /** A parsed row with its normalised incident and content hash (both null for a rejected row). */
    private record Prepared(ParsedRow row, Incident incident, String hash) { }

    /** Runs on the read-ahead thread. */
    private Prepared prepare(ParsedRow row) {
        if (row.isRejected()) return new Prepared(row, null, null);
        Incident inc = values.normalised(row.incident());
        return new Prepared(row, inc, values.hash(inc));
    }

    private CopyIn copyIn(String sql) throws SQLException {
        return conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    /** Creates the temporary staging table (dropped at commit) and starts copying into it. */
    private CopyIn startStaging() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE sitmap_staging (" + PgMerge.STAGING_COLUMNS.replace("source_key text",
                    "source_key text" + PgSchema.keyCollation(PgSchema.version(conn))) + ") ON COMMIT DROP");
        }
        return copyIn("COPY sitmap_staging (" + PgMerge.STAGED + ") FROM STDIN");
    }

    /** The rows copied straight in count as inserted; staged rows are merged ({@link PgMerge}). */
    private PgMerge.Result merge(Staged st, FirstLoad first, long batch, boolean dryRun) throws SQLException {
        if (first == null) {
            if (!dryRun) {
                // the merge lock first (PgMerge takes it again), then the change counter, before the merge writes
                try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, MERGE_LOCK);
                    lock.execute();
                }
                pack = IndexPacks.begin(conn);
            }
            return PgMerge.run(conn, batch, st.staged, st.keys.mayRepeat());
        }
        long removed = 0;
        PgMerge.Result m = new PgMerge.Result(0, 0, 0, 0, "");
        if (st.staged > 0) {
            first.restoreKeys(conn);
            removed = FirstLoad.dropRepeated(conn, batch);
            m = PgMerge.run(conn, batch, st.staged, true);
        }
        String how = first.finish(conn, ahead == null ? null : ahead::start);
        return new PgMerge.Result(st.direct - removed + m.inserted(), m.updated(), m.older(),
                st.direct - removed + m.distinct(), how + (m.steps().isEmpty() ? "" : "; then " + m.steps()));
    }

    private long startBatch(String file, String format) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sitmap.import_batch (file, format, started)"
                + " VALUES (?, ?, now()) RETURNING id")) {
            ps.setString(1, file);
            ps.setString(2, format);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One row of {@link PgMerge#STAGED} as COPY text. */
    static void stage(CopyText b, long line, Incident i, String hash) {
        b.num(line).text(i.sourceKey());
        if (i.located()) b.num(i.longitude()).num(i.latitude()); else b.nul().nul();
        b.date(i.date()).num(i.datePrecision().code()).date(i.spanEnd()).text(i.place()).text(i.admin1())
                .text(i.country()).num(i.geoPrecision().code()).text(i.eventType().label())
                .text(i.subEventType() == null ? null : i.subEventType().label());
        if (i.fatalities() == null) b.nul(); else b.num(i.fatalities());
        b.text(i.summary()).text(i.source()).text(i.origin()).text(i.evidence())
                .text(IncidentValues.factionCodes(i)).text(hash).text(IncidentValues.actorsJson(i));
        if (i.revised() == null) b.nul(); else b.num(i.revised().getEpochSecond());
        b.endRow();
    }

    private void finishBatch(long batch, int read, int imported, int updated, int skipped, int rejected)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE sitmap.import_batch SET finished = now(),"
                + " commit_seq = nextval('sitmap.import_commit_seq'),"
                + " rows_read = ?, imported = ?, updated = ?, skipped = ?, rejected = ? WHERE id = ?")) {
            ps.setInt(1, read);
            ps.setInt(2, imported);
            ps.setInt(3, updated);
            ps.setInt(4, skipped);
            ps.setInt(5, rejected);
            ps.setLong(6, batch);
            ps.executeUpdate();
        }
    }

    /** Queues the notifications; the server delivers them at commit, never for a rolled-back import. */
    private void notifyListeners(long batch) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_notify(?, ?), pg_notify('qgis', ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, Long.toString(batch));
            ps.setString(3, "sitmap import " + batch);
            ps.execute();
        }
    }

    private void rollbackQuietly() {
        if (ahead != null) ahead.abandon();   // its thread ends before the rollback frees the merge lock
        ahead = null;
        try {
            if (!conn.getAutoCommit()) conn.rollback();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "rollback after a failed import", e);
        }
    }
}
