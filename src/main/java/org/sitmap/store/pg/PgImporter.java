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
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
 * merged into {@code sitmap.incident} by source key in one statement of the same transaction (new key: insert;
 * changed content: update, unless the stored version was revised later by the source; same content: skip). Readers
 * see the import whole or not at all; a killed client leaves nothing, since the server rolls the transaction back.
 *
 * <p>Two editors importing at once stage in parallel and merge one after the other (a transaction-level advisory
 * lock around the merge), so overlapping files end with every event once and never deadlock. At commit the server
 * sends {@code NOTIFY sitmap, '<batch id>'} to open windows and {@code NOTIFY qgis} to QGIS layers set to refresh on
 * notification.
 *
 * <p>Threading: one import per instance, on the calling thread.
 */
public final class PgImporter {
    private static final Logger LOG = Logger.getLogger(PgImporter.class.getName());
    /** The lock that orders merges of concurrent imports. */
    static final long MERGE_LOCK = 0x5173_6d61_7002L;
    /** The channel open windows listen on; the payload is the batch id. */
    public static final String CHANNEL = "sitmap";
    private static final int COPY_CHUNK = 1 << 20;
    private static final String STAGED = "line, source_key, lon, lat, event_date, date_precision, end_date, span_end,"
            + " place, admin1, country, geo_precision, event_type, sub_event_type, fatalities, summary, source,"
            + " origin, evidence, faction_codes, content_hash, actors, source_revised";

    private final Connection conn;
    private final PgLocation where;
    private final IncidentValues values;

    /** An importer writing through {@code conn} (a connection of {@code where}), mapping factions by {@code catalog}. */
    public PgImporter(Connection conn, PgLocation where, FactionCatalog catalog) {
        this.conn = conn;
        this.where = where;
        this.values = new IncidentValues(catalog);
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
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE TEMP TABLE sitmap_staging (line bigint, source_key text, lon float8, lat float8,"
                        + " event_date date, date_precision integer, end_date date, span_end date, place text,"
                        + " admin1 text, country text, geo_precision integer, event_type text, sub_event_type text,"
                        + " fatalities integer, summary text, source text, origin text, evidence text,"
                        + " faction_codes text, content_hash text, actors jsonb, source_revised bigint)"
                        + " ON COMMIT DROP");
            }
            List<ImportReport.Rejection> rejections = new ArrayList<>();
            int rowsRead = 0;
            int rejected = 0;
            Set<String> unresolved = new LinkedHashSet<>();
            CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY sitmap_staging (" + STAGED + ") FROM STDIN");
            try {
                CopyText buf = new CopyText();
                for (ParsedRow row; (row = reader.next()) != null; ) {
                    rowsRead++;
                    if (row.isRejected()) {
                        if (options.strict()) {
                            throw new InputException(file, row.line(), row.rejection() + " (strict: nothing imported)");
                        }
                        rejected++;
                        if (rejections.size() < ImportReport.MAX_LISTED) {
                            rejections.add(new ImportReport.Rejection(file, row.line(), row.rejection()));
                        }
                        continue;
                    }
                    Incident inc = values.normalised(row.incident());
                    if (!inc.located() && inc.place() != null && unresolved.size() < 200) unresolved.add(inc.place());
                    stage(buf, values, row.line(), inc, values.hash(inc));
                    if (buf.length() >= COPY_CHUNK) {
                        byte[] b = buf.drain();
                        copy.writeToCopy(b, 0, b.length);
                    }
                    if ((rowsRead & 0x3fff) == 0) progress.accept(rowsRead);
                }
                byte[] b = buf.drain();
                if (b.length > 0) copy.writeToCopy(b, 0, b.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
            long t1 = System.nanoTime();
            long mark = PgPlaces.mark(conn);
            long[] merged = merge(batch);
            PgPlaces.learn(conn, batch, reader.format(), mark);
            long t2 = System.nanoTime();
            int imported = (int) merged[0];
            int updated = (int) merged[1];
            int older = (int) merged[2];
            int staged = (int) merged[3];
            int skipped = rowsRead - rejected - imported - updated - older;
            finishBatch(batch, rowsRead, imported, updated, skipped, rejected);
            if (options.dryRun()) {
                conn.rollback();
            } else {
                notifyListeners(batch);
                conn.commit();
            }
            long t3 = System.nanoTime();
            String timing = String.format(java.util.Locale.ROOT, "%s: %d rows staged in %.2f s, %d distinct keys"
                    + " merged into %s in %.2f s, committed in %.2f s", file, rowsRead, (t1 - t0) / 1e9, staged,
                    where.display(), (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            LOG.info(timing);
            return new ImportReport(file, reader.format(), options.dryRun() ? 0 : batch, rowsRead, imported, updated,
                    skipped, older, rejected, rejections, List.of(), List.copyOf(unresolved), reader.notes());
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

    static void stage(CopyText b, IncidentValues values, long line, Incident i, String hash) {
        b.num(line).text(i.sourceKey());
        if (i.located()) b.num(i.longitude()).num(i.latitude()); else b.nul().nul();
        b.text(i.date().toString()).num(i.datePrecision().code()).text(i.spanEnd().toString())
                .text(i.spanEnd().toString()).text(i.place()).text(i.admin1()).text(i.country())
                .num(i.geoPrecision().code()).text(i.eventType().label())
                .text(i.subEventType() == null ? null : i.subEventType().label());
        if (i.fatalities() == null) b.nul(); else b.num(i.fatalities());
        b.text(i.summary()).text(i.source()).text(i.origin()).text(i.evidence())
                .text(IncidentValues.factionCodes(i)).text(hash).text(IncidentValues.actorsJson(i));
        if (i.revised() == null) b.nul(); else b.num(i.revised().getEpochSecond());
        b.endRow();
    }

    /** Merges the staged rows; returns inserted, updated, older (kept the stored), distinct keys. */
    private long[] merge(long batch) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, MERGE_LOCK);
            lock.execute();
        }
        String last = "SELECT DISTINCT ON (source_key) * FROM sitmap_staging ORDER BY source_key, line DESC";
        long older;
        long distinct;
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*), count(*) FILTER (WHERE t.fid IS NOT NULL"
                + " AND t.content_hash <> s.content_hash AND s.source_revised < t.source_revised)"
                + " FROM (" + last + ") s LEFT JOIN sitmap.incident t USING (source_key)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            distinct = rs.getLong(1);
            older = rs.getLong(2);
        }
        String cols = "geom, source_key, event_date, date_precision, end_date, span_end, place, admin1, country,"
                + " geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
                + " batch_id, faction_codes, content_hash, actors, source_revised";
        StringBuilder set = new StringBuilder();
        for (String c : cols.split(",\\s*")) {
            if (!c.equals("source_key")) set.append(set.length() == 0 ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
        }
        String sql = "WITH up AS (INSERT INTO sitmap.incident AS t (" + cols + ")"
                + " SELECT CASE WHEN lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END,"
                + " source_key, event_date, date_precision, end_date, span_end, place, admin1, country, geo_precision,"
                + " event_type, sub_event_type, fatalities, summary, source, origin, evidence, ?, faction_codes,"
                + " content_hash, actors, source_revised FROM (" + last + ") s"
                + " ON CONFLICT (source_key) DO UPDATE SET " + set
                + " WHERE t.content_hash <> EXCLUDED.content_hash AND NOT coalesce(EXCLUDED.source_revised"
                + " < t.source_revised, false) RETURNING (xmax = 0) AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), older, distinct};
            }
        }
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
        try {
            if (!conn.getAutoCommit()) conn.rollback();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "rollback after a failed import", e);
        }
    }
}
