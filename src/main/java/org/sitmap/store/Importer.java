package org.sitmap.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private final Connection conn;
    private final FactionCatalog catalog;
    private final Map<String, long[]> known = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Set<String> placeNames = new HashSet<>();
    private final Set<Long> touched = new HashSet<>();
    private final MessageDigest sha;
    private PreparedStatement insert;
    private PreparedStatement update;
    private PreparedStatement deleteActors;
    private PreparedStatement insertActor;
    private PreparedStatement insertPlace;
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
        try {
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException("cannot start the import: " + e.getMessage(), e);
        }
        try {
            batchId = startBatch(file, reader.format());
            preload();
            long nextFid = nextFid();
            prepare();
            ParsedRow row;
            while ((row = reader.next()) != null) {
                rowsRead++;
                if ((rowsRead & 4095) == 0) progress.accept(rowsRead);
                if (row.isRejected()) {
                    if (options.strict()) throw new InputException(file, row.line(), row.rejection());
                    rejections.add(new ImportReport.Rejection(file, row.line(), row.rejection()));
                    continue;
                }
                Incident inc = normaliseActors(row.incident(), unmapped);
                if (!inc.located()) unresolved.add(inc.place() == null || inc.place().isBlank() ? "(no place name)" : inc.place());
                String hash = hash(inc);
                long[] k = known.get(inc.sourceKey());
                if (k == null) {
                    long fid = nextFid++;
                    if (touched.contains(fid)) flush();
                    bindIncident(insert, inc, batchId, hash);
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
                    bindIncident(update, inc, batchId, hash);
                    update.setLong(23, fid);
                    update.addBatch();
                    queueActors(fid, inc, true);
                    hashes.put(inc.sourceKey(), hash);
                    updated++;
                }
                if (inc.located() && inc.place() != null && !inc.place().isBlank() && placeNames.add(inc.place())) {
                    queuePlace(inc, file);
                }
                if (++pendingRows >= FLUSH_ROWS) flush();
            }
            flush();
            progress.accept(rowsRead);
            finishBatch(batchId, rowsRead, imported, updated, skipped, rejections.size());
            if (options.dryRun()) conn.rollback(); else conn.commit();
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
            closeStatements();
            try {
                conn.setAutoCommit(true);
            } catch (SQLException e) {
                throw new StoreException("cannot end the import: " + e.getMessage(), e);
            }
        }
        return new ImportReport(file, reader.format(), batchId, rowsRead, imported, updated, skipped, rejections,
                new ArrayList<>(unmapped), new ArrayList<>(unresolved));
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
        try (PreparedStatement ps = conn.prepareStatement("UPDATE gpkg_contents SET"
                + " last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now'), min_x=(SELECT min(longitude) FROM incident),"
                + " min_y=(SELECT min(latitude) FROM incident), max_x=(SELECT max(longitude) FROM incident),"
                + " max_y=(SELECT max(latitude) FROM incident) WHERE table_name='incident'")) {
            ps.executeUpdate();
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
        for (PreparedStatement ps : new PreparedStatement[] {insert, update, deleteActors, insertActor, insertPlace}) {
            try {
                if (ps != null) ps.close();
            } catch (SQLException ignored) {
                // closing a statement after commit or rollback cannot lose data
            }
        }
    }

    private void flush() throws SQLException {
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
                inc.longitude(), null, countryCode(inc.country()), inc.admin1(), 0, file));
        insertPlace.addBatch();
    }

    private static String countryCode(String country) {
        if (country == null) return null;
        return switch (country.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "syria", "syrian arab republic" -> "SY";
            case "turkey", "türkiye", "turkiye" -> "TR";
            case "iraq" -> "IQ";
            case "lebanon" -> "LB";
            case "jordan" -> "JO";
            case "israel" -> "IL";
            default -> null;
        };
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
            if (kept.factionCode().equals(Faction.UNKNOWN_CODE)
                    && !catalog.codeFor(kept.name()).equals(Optional.of(Faction.UNKNOWN_CODE))) {
                unmapped.add(kept.name());
            }
            actors.add(kept);
        }
        return changed ? inc.toBuilder().actors(actors).build() : inc;
    }

    private void bindIncident(PreparedStatement ps, Incident i, long batchId, String hash) throws SQLException {
        ps.setBytes(1, i.located() ? org.sitmap.geo.GeoPackageBinary.point(i.longitude(), i.latitude()) : null);
        ps.setString(2, i.sourceKey());
        ps.setString(3, i.date().toString());
        ps.setInt(4, i.datePrecision().code());
        ps.setString(5, i.endDate() == null ? null : i.endDate().toString());
        ps.setString(6, i.spanEnd().toString());
        ps.setString(7, i.place());
        ps.setString(8, i.admin1());
        ps.setString(9, i.country());
        if (i.located()) {
            ps.setDouble(10, i.latitude());
            ps.setDouble(11, i.longitude());
        } else {
            ps.setNull(10, java.sql.Types.DOUBLE);
            ps.setNull(11, java.sql.Types.DOUBLE);
        }
        ps.setInt(12, i.geoPrecision().code());
        ps.setString(13, i.eventType().label());
        ps.setString(14, i.subEventType() == null ? null : i.subEventType().label());
        if (i.fatalities() == null) ps.setNull(15, java.sql.Types.INTEGER); else ps.setInt(15, i.fatalities());
        ps.setString(16, i.summary());
        ps.setString(17, i.source());
        ps.setString(18, i.origin());
        ps.setString(19, i.evidence());
        ps.setLong(20, batchId);
        ps.setString(21, String.join(",", i.factions()));
        ps.setString(22, hash);
    }

    /** A hash of every stored field except the id and batch: equal hashes mean an unchanged event. */
    private String hash(Incident i) {
        StringBuilder sb = new StringBuilder(256);
        Object[] parts = {i.sourceKey(), i.date(), i.datePrecision().code(), i.endDate(), i.place(), i.admin1(),
                i.country(), i.latitude(), i.longitude(), i.geoPrecision().code(), i.eventType().label(),
                i.subEventType() == null ? null : i.subEventType().label(), i.fatalities(), i.summary(), i.source(),
                i.origin(), i.evidence()};
        for (Object p : parts) sb.append(p == null ? "\u0000" : p.toString()).append('\u001f');
        for (Actor a : i.actors()) sb.append(a.name()).append('\u001e').append(a.factionCode()).append('\u001f');
        byte[] d = sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(32);
        for (int k = 0; k < 16; k++) hex.append(Character.forDigit((d[k] >> 4) & 15, 16)).append(Character.forDigit(d[k] & 15, 16));
        return hex.toString();
    }
}
