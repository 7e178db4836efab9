package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.Prefetch;
import org.sitmap.store.StoreException;
import org.sitmap.store.StoreFault;

/**
 * One import run: reads every row, upserts by {@code source_key} with a content hash (new, unchanged, changed),
 * all in one transaction that is rolled back on any failure, in strict mode at the first rejection, and in a dry
 * run at the end. A {@link RowPlanner} on the reading thread decides about each row (except those whose key hash
 * it met before, which {@link DuplicateKeys} decides on the calling thread from the store); this class writes
 * through batched prepared statements on the calling thread.
 */
final class Importer {
    private static final int FLUSH_ROWS = 2000;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Importer.class.getName());

    /** The most distinct unresolved place names a report lists. */
    private static final int MAX_UNRESOLVED_LISTED = 200;

    private final Connection conn;
    private final Path store;
    private final RowPlanner planner;
    /** Decides the rows whose key hash was met before, in an import into an empty store. */
    private final DuplicateKeys duplicates;
    /** For the values the planner leaves to this thread ({@link IncidentBinding.Row#pending}). */
    private final org.sitmap.store.IncidentValues values;
    private PreparedStatement insert;
    private PreparedStatement update;
    private PreparedStatement ftsDelete;
    /** The R-tree's writes, when the store has one (its triggers are dropped for the import). */
    private PreparedStatement rtreeUpsert;
    private PreparedStatement rtreeDelete;
    private boolean rtreeDeletes;
    /** The R-tree's entries kept for one packed write, when it was empty at the start (else null). */
    private RtreePack rtreePack;
    private int pendingRows;
    /** The store was created by this process and may get its first load with a rollback journal (BulkMode). */
    private final boolean fresh;
    /** This import runs as a first load ({@link BulkMode#beginFirstLoad}). */
    private boolean firstLoad;
    /** A first load's inserted rows as pages ({@link StageRows}), else null. */
    private StageRows stage;
    /** Rows the open stage could not take, inserted after it was moved. */
    private final List<RowPlanner.Planned> unstaged = new ArrayList<>();

    Importer(Connection conn, FactionCatalog catalog, Path store, boolean fresh) {
        this.conn = conn;
        this.store = store;
        this.planner = new RowPlanner(catalog);
        this.duplicates = new DuplicateKeys(conn);
        this.values = new org.sitmap.store.IncidentValues(catalog);
        this.fresh = fresh;
    }

    /**
     * Runs the import; {@code cancelled} (and the calling thread's interrupt) are checked every few rows and
     * before the commit: a cancelled import is rolled back and ends with a {@link StoreFault} of kind CANCELLED.
     */
    ImportReport run(IncidentReader reader, ImportOptions options, LongConsumer progress, BooleanSupplier cancelled) {
        String file = reader.file();
        int rowsRead = 0, imported = 0, updated = 0, skipped = 0, older = 0;
        int rejected = 0;
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        long batchId;
        Prefetch<RowPlanner.Planned> rows = null;
        java.util.concurrent.FutureTask<RtreePlan> packing = null;
        boolean bulk = true;
        try {
            BatchRows.foreignKeys(conn, false);
            firstLoad = fresh && BatchRows.noIncidents(conn) && BulkMode.beginFirstLoad(conn);
            if (!firstLoad) BulkMode.begin(conn);
            stage = StageRows.openFor(conn, store, firstLoad);
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            StoreException failure = plain(e, "cannot start the import of " + file);
            restore(true, failure);
            throw failure;
        }
        final long t0 = System.nanoTime();
        final long c0 = cpu();
        try {
            batchId = BatchRows.startBatch(conn, file, reader.format());
            long firstFid = BatchRows.nextFid(conn);
            planner.preload(conn, firstFid);
            List<String> dropped = planner.stored() < BulkMode.REINDEX_BELOW ? BulkMode.dropIndexes(conn) : List.of();
            ftsDelete = FtsBulk.dropTrigger(conn);
            boolean fts = ftsDelete != null;
            boolean counted = ChangeCounter.suspend(conn);
            boolean rtree = SpatialIndex.exists(conn);
            List<String> rtreeTriggers = rtree ? SpatialIndex.dropTriggers(conn) : List.of();
            prepare(rtree, batchId);
            if (rtree && RtreePack.empty(conn)) rtreePack = new RtreePack();
            rows = new Prefetch<>(reader, planner::plan);
            RowPlanner.Planned p;
            while ((p = rows.next()) != null) {
                rowsRead++;
                p = p.complete(values);
                if ((rowsRead & 1023) == 0) {
                    checkCancel(cancelled, file);
                    if ((rowsRead & 4095) == 0) progress.accept(rowsRead);
                }
                if (p.action() == RowPlanner.Action.CHECK) {
                    // deciding asks the store, so the rows staged so far must be in it
                    moveStage(batchId);
                    flush();
                    p = duplicates.decide(p);
                }
                switch (p.action()) {
                    case REJECT -> {
                        ParsedRow row = p.row();
                        if (options.strict()) throw new InputException(file, row.line(), row.rejection());
                        // the first few are listed, the rest only counted: a million bad rows take no memory
                        if (rejected++ < ImportReport.MAX_LISTED) {
                            rejections.add(new ImportReport.Rejection(file, row.line(), row.rejection()));
                        }
                        continue;
                    }
                    case SKIP -> skipped++;
                    case OLDER -> older++;
                    case INSERT -> {
                        insert(p, batchId);
                        spatialIndex(p.values().incident(), p.fid(), true);
                        imported++;
                    }
                    case UPDATE -> {
                        if (p.deleteFts() && ftsDelete != null) {
                            ftsDelete.setLong(1, p.fid());
                            ftsDelete.addBatch();
                        }
                        // within one flush the inserts run before the updates, so a row inserted and then changed
                        // by a later line of the same file ends as that later line
                        IncidentBinding.bind(update, p.values());
                        update.setLong(IncidentBinding.FID, p.fid());
                        update.addBatch();
                        spatialIndex(p.values().incident(), p.fid(), false);
                        updated++;
                    }
                }
                Incident inc = p.values().incident();
                if (!inc.located() && unresolved.size() < MAX_UNRESOLVED_LISTED) unresolved.add(inc.place() == null || inc.place().isBlank() ? "(no place name)" : inc.place());
                if (++pendingRows >= FLUSH_ROWS) flush();
            }
            long readCpu = rows.producerCpuNanos();
            rows.close();
            planner.forgetKeys();
            // every inserted row staged: a second thread indexes the stage meanwhile (StageFts)
            boolean apart = fts && stage != null && unstaged.isEmpty() && planner.reindexed().isEmpty()
                    && stage.indexApart(planner.endFid() - firstFid);
            if (!apart) moveStage(batchId);
            flush();
            duplicates.addTo(planner);
            long tRows = System.nanoTime();
            long cRows = cpu();
            // the R-tree is packed on a thread of its own while this one builds the full-text and date indexes
            if (rtreePack != null) packing = rtreePack.startPacking(conn);
            long tFts, tRtree, tPlaces;
            if (apart) {
                // the places first, while the second thread fills the stage's key index; the R-tree after the date
                // index, so that its packing has had time to end
                tRtree = tRows;
                if (!"article".equals(reader.format())) PlaceRows.learn(conn, planner.places(), reader.format());
                tPlaces = System.nanoTime();
                stage.moveRows();
                // the same schema changes in the same order as below, so the store's schema table is the same
                FtsBulk.createTriggers(conn);
                BulkMode.createIndexes(conn, dropped);
                SpatialIndex.createTriggers(conn, rtreeTriggers);
                if (rtreePack != null) rtreePack.write(conn, packing, rtreeUpsert, rtreeDelete);
                stage.copyFts();
                tFts = System.nanoTime();
            } else {
                if (fts) FtsBulk.indexNewRows(conn, firstFid, planner.endFid(), planner.reindexed());
                BulkMode.createIndexes(conn, dropped);
                SpatialIndex.createTriggers(conn, rtreeTriggers);
                tFts = System.nanoTime();
                if (rtreePack != null) rtreePack.write(conn, packing, rtreeUpsert, rtreeDelete);
                tRtree = System.nanoTime();
                if (!"article".equals(reader.format())) PlaceRows.learn(conn, planner.places(), reader.format());
                tPlaces = System.nanoTime();
            }
            progress.accept(rowsRead);
            BatchRows.finishBatch(conn, batchId, rowsRead, imported, updated, skipped, rejected, planner.bounds());
            if (counted) ChangeCounter.resume(conn, imported + updated > 0);
            checkCancel(cancelled, file);
            // a file whose every row was rejected leaves the store as it was (not even a batch record)
            boolean nothing = rejected > 0 && imported + updated + skipped + older == 0;
            if (options.dryRun() || nothing) conn.rollback(); else conn.commit();
            long tEnd = System.nanoTime();
            long cEnd = cpu();
            final int rowsReadFinal = rowsRead;
            String phases = apart ? String.format("places %.2f s, rows moved, date index, R-tree and full-text copy"
                    + " %.2f s, commit %.2f s", (tPlaces - tRows) / 1e9, (tFts - tPlaces) / 1e9, (tEnd - tFts) / 1e9)
                    : String.format("full-text and other indexes %.2f s, R-tree %.2f s, places %.2f s, commit %.2f s",
                    (tFts - tRows) / 1e9, (tRtree - tFts) / 1e9, (tPlaces - tRtree) / 1e9, (tEnd - tPlaces) / 1e9);
            LOG.fine(() -> String.format("import of %s%s: %d rows read (%d decided from the store) and written in"
                    + " %.2f s, %s; the writing thread's CPU %.2f s for the rows, %.2f s after them; the reading"
                    + " thread's CPU %.2f s", file, firstLoad ? " (first load)" : "", rowsReadFinal,
                    duplicates.checked(), (tRows - t0) / 1e9, phases, (cRows - c0) / 1e9, (cEnd - cRows) / 1e9,
                    readCpu / 1e9));
        } catch (SQLException e) {
            throw failed(plain(e, "the import of " + file + " failed and was rolled back"), bulk);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) throw failed(cancelledFault(file, e), bulk);
            throw failed(new InputException(file, 0, "cannot read the file: " + e.getMessage(), e), bulk);
        } catch (RuntimeException e) {
            throw failed(e, bulk);
        } finally {
            if (rows != null) rows.close();
            // after a failure the packing is not waited for: it only computes, and ends on its own
            if (packing != null) packing.cancel(true);
            duplicates.close();
            closeStatements();
        }
        RuntimeException restoring = restore(bulk, null);
        if (restoring == null && !options.dryRun()) BulkMode.checkpoint(conn);
        if (restoring != null) {
            throw new StoreException("the import of " + file + " was stored, but the store could not be set back to"
                    + " its normal mode (" + restoring.getMessage() + "); open it again", restoring);
        }
        return new ImportReport(file, reader.format(), batchId, rowsRead, imported, updated, skipped, older, rejected,
                rejections, new ArrayList<>(planner.unmapped()), new ArrayList<>(unresolved), reader.notes());
    }

    /**
     * Rolls the transaction back after {@code primary} and returns it, with any further failure suppressed in it.
     * When the rollback itself fails the connection is left as it is: ending the transaction otherwise (auto-commit
     * on) would commit the rows written so far.
     */
    private RuntimeException failed(RuntimeException primary, boolean bulk) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            primary.addSuppressed(new StoreException("the rollback failed: " + e.getMessage(), e));
            return primary;
        }
        restore(bulk, primary);
        return primary;
    }

    /**
     * After the transaction ended: auto-commit, foreign keys and WAL mode again, each tried whatever the others did.
     * Failures are added to {@code primary} when given, else the first is returned (null when all went well).
     */
    private RuntimeException restore(boolean bulk, RuntimeException primary) {
        RuntimeException first = null;
        List<SqlStep> steps = new ArrayList<>(List.of(() -> conn.setAutoCommit(true),
                () -> BatchRows.foreignKeys(conn, true)));
        if (stage != null) steps.add(() -> stage.close());
        if (bulk) steps.add(() -> BulkMode.end(conn));
        if (firstLoad) steps.add(() -> BulkMode.endFirstLoad(conn));
        for (SqlStep step : steps) {
            try {
                step.run();
            } catch (SQLException e) {
                StoreException failure = new StoreException(e.getMessage(), e);
                if (primary != null) primary.addSuppressed(failure);
                else if (first == null) first = failure;
                else first.addSuppressed(failure);
            }
        }
        return first;
    }

    /** The plain fault behind {@code e} (read-only, disk full, damaged, locked) or a store exception. */
    private StoreException plain(SQLException e, String what) {
        StoreFault f = SqliteFaults.of(store, e, true);
        return f != null ? f : new StoreException(what + ": " + e.getMessage(), e);
    }

    private static void checkCancel(BooleanSupplier cancelled, String file) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) throw cancelledFault(file, null);
    }

    private static StoreFault cancelledFault(String file, Throwable cause) {
        return new StoreFault(StoreFault.Kind.CANCELLED, "the import of " + file
                + " was cancelled: nothing was imported, the store is unchanged", cause);
    }

    /** One statement of {@link #restore}. */
    private interface SqlStep {
        void run() throws SQLException;
    }

    /** The calling thread's CPU time in ns (0 where the JVM cannot tell). */
    private static long cpu() {
        var b = java.lang.management.ManagementFactory.getThreadMXBean();
        return b.isCurrentThreadCpuTimeSupported() ? b.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Queues the R-tree entry of an incident written ({@code fresh}: inserted, so it has none yet). The standard
     * triggers would call back into Java five times a row. The two batches run in the order queued.
     */
    private void spatialIndex(Incident inc, long fid, boolean fresh) throws SQLException {
        if (rtreeUpsert == null) return;
        if (rtreePack != null) {
            if (inc.located()) rtreePack.put(fid, inc.longitude(), inc.latitude());
            else if (!fresh) rtreePack.remove(fid);
            return;
        }
        if (inc.located()) {
            if (rtreeDeletes) rtreeDelete.executeBatch();
            rtreeDeletes = false;
            rtreeUpsert.setLong(1, fid);
            rtreeUpsert.setDouble(2, inc.longitude());
            rtreeUpsert.setDouble(3, inc.longitude());
            rtreeUpsert.setDouble(4, inc.latitude());
            rtreeUpsert.setDouble(5, inc.latitude());
            rtreeUpsert.addBatch();
        } else if (!fresh) {
            rtreeUpsert.executeBatch();
            rtreeDelete.setLong(1, fid);
            rtreeDelete.addBatch();
            rtreeDeletes = true;
        }
    }

    /** Writes an inserted row: into the open stage, else (or when it does not fit there) bound. */
    private void insert(RowPlanner.Planned p, long batchId) throws SQLException, IOException {
        if (stage != null && stage.open()) {
            if (!stage.add(p.values(), p.fid(), batchId, values)) unstaged.add(p);
            return;
        }
        IncidentBinding.bind(insert, p.values());
        insert.setLong(IncidentBinding.FID, p.fid());
        insert.addBatch();
    }

    /** Moves the open stage's rows into the store, then queues the rows it could not take. */
    private void moveStage(long batchId) throws SQLException, IOException {
        if (stage == null || !stage.open()) return;
        stage.moveRows();
        for (RowPlanner.Planned p : unstaged) insert(p, batchId);
        unstaged.clear();
    }

    private void prepare(boolean rtree, long batchId) throws SQLException {
        insert = conn.prepareStatement(IncidentBinding.insertSql(batchId));
        update = conn.prepareStatement(IncidentBinding.updateSql(batchId));
        if (rtree) {
            rtreeUpsert = SpatialIndex.prepareUpsert(conn);
            rtreeDelete = SpatialIndex.prepareDelete(conn);
        }
    }

    private void closeStatements() {
        for (PreparedStatement ps : new PreparedStatement[] {insert, update, ftsDelete, rtreeUpsert, rtreeDelete}) {
            try {
                if (ps != null) ps.close();
            } catch (SQLException ignored) {
                // closing a statement after commit or rollback cannot lose data
            }
        }
    }

    private void flush() throws SQLException {
        if (ftsDelete != null) ftsDelete.executeBatch();
        insert.executeBatch();
        update.executeBatch();
        if (rtreeUpsert != null) {
            rtreeUpsert.executeBatch();
            rtreeDelete.executeBatch();
            rtreeDeletes = false;
        }
        pendingRows = 0;
    }
}
