package org.sitmap.store;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.sitmap.model.Actor;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * One import run: reads every row, upserts by {@code source_key} with a content hash (new, unchanged, changed),
 * all in one transaction that is rolled back on any failure, in strict mode at the first rejection, and in a dry
 * run at the end. Existing keys are preloaded once; writes go through batched prepared statements.
 */
final class Importer {
    private static final int FLUSH_ROWS = 2000;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Importer.class.getName());

    private final Connection conn;
    private final FactionCatalog catalog;
    private final Map<String, long[]> known = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Set<String> placeNames = new HashSet<>();
    private final Set<Long> touched = new HashSet<>();
    /** Whether an actor name is a known alias of UNK (alias matching is costly; names repeat). */
    private final Map<String, Boolean> unknownAliases = new HashMap<>();
    /** minLon, minLat, maxLon, maxLat of the rows written. */
    private final double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    private final MessageDigest sha;
    private PreparedStatement insert;
    private PreparedStatement update;
    private PreparedStatement deleteActors;
    private PreparedStatement insertActor;
    private PreparedStatement insertPlace;
    private PreparedStatement ftsDelete;
    private final Set<Long> ftsDeleted = new HashSet<>();
    private int pendingRows;

    Importer(Connection conn, FactionCatalog catalog) {
        this.conn = conn;
        this.catalog = catalog;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportReport run(IncidentReader reader, ImportOptions options, LongConsumer progress) {
        String file = reader.file();
        int rowsRead = 0, imported = 0, updated = 0, skipped = 0;
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        Set<String> unmapped = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        long batchId;
        Prefetch<Prepared> rows = null;
        try {
            foreignKeys(false);
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            try {
                foreignKeys(true);
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw new StoreException("cannot start the import: " + e.getMessage(), e);
        }
        final long t0 = System.nanoTime();
        try {
            batchId = startBatch(file, reader.format());
            preload();
            List<String> dropped = known.size() < BulkMode.REINDEX_BELOW ? BulkMode.dropIndexes(conn) : List.of();
            long nextFid = nextFid();
            final long firstFid = nextFid;
            boolean fts = dropFtsTrigger();
            prepare();
            rows = new Prefetch<>(reader, row -> row.isRejected() ? new Prepared(row, null, null)
                    : prepared(row, unmapped));
            Prepared p;
            while ((p = rows.next()) != null) {
                ParsedRow row = p.row();
                rowsRead++;
                if ((rowsRead & 4095) == 0) progress.accept(rowsRead);
                if (row.isRejected()) {
                    if (options.strict()) throw new InputException(file, row.line(), row.rejection());
                    rejections.add(new ImportReport.Rejection(file, row.line(), row.rejection()));
                    continue;
                }
                Incident inc = p.incident();
                if (!inc.located()) unresolved.add(inc.place() == null || inc.place().isBlank() ? "(no place name)" : inc.place());
                String hash = p.hash();
                long[] k = known.get(inc.sourceKey());
                if (k == null) {
                    long fid = nextFid++;
                    if (touched.contains(fid)) flush();
                    IncidentBinding.bind(insert, inc, batchId, hash);
                    insert.setLong(23, fid);
                    insert.addBatch();
                    queueActors(fid, inc, false);
                    known.put(inc.sourceKey(), new long[] {fid});
                    hashes.put(inc.sourceKey(), hash);
                    imported++;
                } else if (hash.equals(hashes.get(inc.sourceKey()))) {
                    skipped++;
                    continue;
                } else {
                    long fid = k[0];
                    if (touched.contains(fid)) flush();
                    if (ftsDelete != null && fid < firstFid && ftsDeleted.add(fid)) {
                        ftsDelete.setLong(1, fid);
                        ftsDelete.addBatch();
                    }
                    IncidentBinding.bind(update, inc, batchId, hash);
                    update.setLong(23, fid);
                    update.addBatch();
                    queueActors(fid, inc, true);
                    hashes.put(inc.sourceKey(), hash);
                    updated++;
                }
                if (inc.located()) {
                    bounds[0] = Math.min(bounds[0], inc.longitude());
                    bounds[1] = Math.min(bounds[1], inc.latitude());
                    bounds[2] = Math.max(bounds[2], inc.longitude());
                    bounds[3] = Math.max(bounds[3], inc.latitude());
                }
                if (inc.located() && inc.place() != null && !inc.place().isBlank() && placeNames.add(inc.place())) {
                    queuePlace(inc, file);
                }
                if (++pendingRows >= FLUSH_ROWS) flush();
            }
            flush();
            long tRows = System.nanoTime();
            if (fts) indexNewRows(firstFid, nextFid);
            BulkMode.createIndexes(conn, dropped);
            long tFts = System.nanoTime();
            progress.accept(rowsRead);
            finishBatch(batchId, rowsRead, imported, updated, skipped, rejections.size());
            if (options.dryRun()) conn.rollback(); else conn.commit();
            long tEnd = System.nanoTime();
            final int rowsReadFinal = rowsRead;
            LOG.fine(() -> String.format("import of %s: %d rows read and written in %.2f s, full-text and other indexes %.2f s,"
                    + " commit %.2f s", file, rowsReadFinal, (tRows - t0) / 1e9, (tFts - tRows) / 1e9,
                    (tEnd - tFts) / 1e9));
        } catch (SQLException e) {
            rollback();
            throw new StoreException("the import of " + file + " failed and was rolled back: " + e.getMessage(), e);
        } catch (IOException e) {
            rollback();
            throw new InputException(file, 0, "cannot read the file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            if (rows != null) rows.close();
            closeStatements();
            try {
                conn.setAutoCommit(true);
                foreignKeys(true);
            } catch (SQLException e) {
                throw new StoreException("cannot end the import: " + e.getMessage(), e);
            }
        }
        return new ImportReport(file, reader.format(), batchId, rowsRead, imported, updated, skipped, rejections,
                new ArrayList<>(unmapped), new ArrayList<>(unresolved));
    }

    /**
     * Foreign-key checks cost about a sixth of an import's SQLite time. The import writes only rows whose references
     * it has made valid itself (fids it assigns, its own batch), so it turns the checks off for its transaction
     * (the pragma cannot change inside one) and back on after it, whatever happened.
     */
    private void foreignKeys(boolean on) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"))) {
            ps.execute();
        }
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            throw new StoreException("the rollback failed: " + e.getMessage(), e);
        }
    }

    private long startBatch(String file, String format) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO import_batch(file, format, started) VALUES (?,?,?)")) {
            ps.setString(1, file);
            ps.setString(2, format);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
        long id;
        try (PreparedStatement ps = conn.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO source(location, format, first_batch_id) VALUES (?,?,?) ON CONFLICT(location) DO NOTHING")) {
            ps.setString(1, file);
            ps.setString(2, format);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        return id;
    }

    private void finishBatch(long id, int rows, int imported, int updated, int skipped, int rejected) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE import_batch SET finished=?, rows_read=?,"
                + " imported=?, updated=?, skipped=?, rejected=? WHERE id=?")) {
            ps.setString(1, Instant.now().toString());
            ps.setInt(2, rows);
            ps.setInt(3, imported);
            ps.setInt(4, updated);
            ps.setInt(5, skipped);
            ps.setInt(6, rejected);
            ps.setLong(7, id);
            ps.executeUpdate();
        }
        // the bounds grow with the rows written (a superset after updates that moved an incident is allowed)
        try (PreparedStatement ps = conn.prepareStatement("UPDATE gpkg_contents SET"
                + " last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now'), min_x=min(coalesce(min_x, ?1), ?1),"
                + " min_y=min(coalesce(min_y, ?2), ?2), max_x=max(coalesce(max_x, ?3), ?3),"
                + " max_y=max(coalesce(max_y, ?4), ?4) WHERE table_name='incident'")) {
            if (bounds[0] > bounds[2]) return;
            for (int k = 0; k < 4; k++) ps.setDouble(k + 1, bounds[k]);
            ps.executeUpdate();
        }
    }

    /** Drops the per-row full-text trigger for this transaction; false when the schema has no full-text index. */
    private boolean dropFtsTrigger() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name='incident_fts_ai'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) == 0) return false;
        }
        for (String sql : new String[] {"DROP TRIGGER incident_fts_ai", "DROP TRIGGER incident_fts_au"}) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
        ftsDelete = conn.prepareStatement("INSERT INTO incident_fts(incident_fts, rowid, place, summary, evidence)"
                + " SELECT 'delete', fid, place, summary, evidence FROM incident WHERE fid = ?");
        return true;
    }

    /**
     * Indexes the rows inserted by this import in one statement, re-indexes the older rows it updated (their old
     * entries were deleted before the update) and restores the triggers.
     */
    private void indexNewRows(long firstFid, long endFid) throws SQLException {
        String insert = "INSERT INTO incident_fts(rowid, place, summary, evidence) SELECT fid, place, summary,"
                + " evidence FROM incident WHERE ";
        try (PreparedStatement ps = conn.prepareStatement(insert + "fid >= ? AND fid < ?")) {
            ps.setLong(1, firstFid);
            ps.setLong(2, endFid);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement(insert + "fid = ?")) {
            for (long fid : ftsDeleted) {
                ps.setLong(1, fid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (String sql : new String[] {Migrations.FTS_INSERT_TRIGGER, Migrations.FTS_UPDATE_TRIGGER}) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }

    private void preload() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT source_key, fid, content_hash FROM incident");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                known.put(rs.getString(1), new long[] {rs.getLong(2)});
                hashes.put(rs.getString(1), rs.getString(3));
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM place"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) placeNames.add(rs.getString(1));
        }
    }

    private long nextFid() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT max(coalesce((SELECT max(fid) FROM incident), 0),"
                + " coalesce((SELECT seq FROM sqlite_sequence WHERE name='incident'), 0))");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) + 1 : 1;
        }
    }

    private void prepare() throws SQLException {
        String cols = "geom, source_key, event_date, date_precision, end_date, span_end, place, admin1, country,"
                + " latitude, longitude, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin,"
                + " evidence, batch_id, faction_codes, content_hash";
        insert = conn.prepareStatement("INSERT INTO incident(" + cols + ", fid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        update = conn.prepareStatement("UPDATE incident SET geom=?, source_key=?, event_date=?, date_precision=?,"
                + " end_date=?, span_end=?, place=?, admin1=?, country=?, latitude=?, longitude=?, geo_precision=?,"
                + " event_type=?, sub_event_type=?, fatalities=?, summary=?, source=?, origin=?, evidence=?,"
                + " batch_id=?, faction_codes=?, content_hash=? WHERE fid=?");
        deleteActors = conn.prepareStatement("DELETE FROM incident_actor WHERE incident_fid=?");
        insertActor = conn.prepareStatement("INSERT INTO incident_actor(incident_fid, ord, name, faction_code) VALUES (?,?,?,?)");
        insertPlace = conn.prepareStatement(PlaceRows.insertSql());
    }

    private void closeStatements() {
        for (PreparedStatement ps : new PreparedStatement[] {insert, update, deleteActors, insertActor, insertPlace, ftsDelete}) {
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
        deleteActors.executeBatch();
        insertActor.executeBatch();
        insertPlace.executeBatch();
        touched.clear();
        pendingRows = 0;
    }

    private void queueActors(long fid, Incident inc, boolean replace) throws SQLException {
        touched.add(fid);
        if (replace) {
            deleteActors.setLong(1, fid);
            deleteActors.addBatch();
        }
        int ord = 0;
        for (Actor a : inc.actors()) {
            insertActor.setLong(1, fid);
            insertActor.setInt(2, ord++);
            insertActor.setString(3, a.name());
            insertActor.setString(4, a.factionCode());
            insertActor.addBatch();
        }
    }

    private void queuePlace(Incident inc, String file) throws SQLException {
        PlaceRows.bind(insertPlace, new org.sitmap.model.Place(inc.place(), null, List.of(), inc.latitude(),
                inc.longitude(), null, IncidentBinding.countryCode(inc.country()), inc.admin1(), 0, file));
        insertPlace.addBatch();
    }

    /** A row with its actors mapped and its content hash, made on the reading thread. */
    private record Prepared(ParsedRow row, Incident incident, String hash) { }

    /** Runs on the {@link Prefetch} thread only (it alone touches {@code sha} and {@code unknownAliases}). */
    private Prepared prepared(ParsedRow row, Set<String> unmapped) {
        Incident inc = normaliseActors(row.incident(), unmapped);
        return new Prepared(row, inc, IncidentBinding.hash(sha, inc));
    }

    /** Actors whose code the catalog does not know go under UNK; names that no alias maps are reported. */
    private Incident normaliseActors(Incident inc, Set<String> unmapped) {
        boolean changed = false;
        List<Actor> actors = new ArrayList<>(inc.actors().size());
        for (Actor a : inc.actors()) {
            Actor kept = a;
            if (catalog.byCode(a.factionCode()).isEmpty()) {
                kept = new Actor(a.name(), Faction.UNKNOWN_CODE);
                changed = true;
            }
            if (kept.factionCode().equals(Faction.UNKNOWN_CODE) && !unknownAliases.computeIfAbsent(kept.name(),
                    n -> catalog.codeFor(n).equals(Optional.of(Faction.UNKNOWN_CODE)))) {
                unmapped.add(kept.name());
            }
            actors.add(kept);
        }
        return changed ? inc.toBuilder().actors(actors).build() : inc;
    }

}
