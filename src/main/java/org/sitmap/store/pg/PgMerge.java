package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The second half of a server import: the staged rows merged into {@code sitmap.incident} by source key, under the
 * merge lock (so merges of concurrent imports run one after the other and see each other's rows).
 *
 * <ul>
 *   <li>When the file repeats a key, the last row of each key is kept first ({@code DISTINCT ON}, a sort); otherwise
 *       the staged rows are used as they are.</li>
 *   <li>Into an empty table the rows are inserted with one plain {@code INSERT … SELECT}.</li>
 *   <li>Otherwise one {@code UPDATE … FROM} changes the stored rows whose content differs (unless the stored version
 *       was revised later by the source), then one {@code INSERT … SELECT … WHERE NOT EXISTS} adds the new keys. Both
 *       are joins the planner may do by hashing, instead of one index probe and speculative insertion per row as
 *       {@code ON CONFLICT} does; {@code ON CONFLICT DO NOTHING} stays on the insert as a net for a row written
 *       meanwhile by a tool that does not take the merge lock (QGIS editing the layer).</li>
 * </ul>
 *
 * <p>Threading: the importing thread, inside its transaction.
 */
final class PgMerge {
    /** The staging table's columns, in COPY order ({@link PgImporter#stage}). */
    static final String STAGED = "line, source_key, lon, lat, event_date, date_precision, span_end, place, admin1,"
            + " country, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
            + " faction_codes, content_hash, actors, source_revised";
    static final String STAGING_COLUMNS = "line bigint, source_key text, lon float8, lat float8, event_date date,"
            + " date_precision integer, span_end date, place text, admin1 text, country text, geo_precision integer,"
            + " event_type text, sub_event_type text, fatalities integer, summary text, source text, origin text,"
            + " evidence text, faction_codes text, content_hash text, actors text, source_revised bigint";
    /** The incident columns an import writes, each with its value from a staged row {@code s} (? is the batch). */
    private static final String[][] WRITTEN = {
        {"geom", "CASE WHEN s.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END"},
        {"source_key", "s.source_key"}, {"event_date", "s.event_date"}, {"date_precision", "s.date_precision"},
        {"end_date", "s.span_end"}, {"span_end", "s.span_end"}, {"place", "s.place"}, {"admin1", "s.admin1"},
        {"country", "s.country"}, {"geo_precision", "s.geo_precision"}, {"event_type", "s.event_type"},
        {"sub_event_type", "s.sub_event_type"}, {"fatalities", "s.fatalities"}, {"summary", "s.summary"},
        {"source", "s.source"}, {"origin", "s.origin"}, {"evidence", "s.evidence"}, {"batch_id", "?"},
        {"faction_codes", "s.faction_codes"}, {"content_hash", "s.content_hash"}, {"actors", "s.actors::jsonb"},
        {"source_revised", "s.source_revised"}};
    /** The text-search value, written by the merge from schema 4 on (before, the column was generated). */
    private static final String[] SEARCH = {"search", String.format(SearchVectors.EXPRESSION, "s.")};
    /** A staged row whose stored version differs and was revised later by the source: the stored one stays. */
    private static final String OLDER = "t.content_hash <> s.content_hash AND s.source_revised < t.source_revised";

    private PgMerge() {
    }

    /**
     * What the merge did: rows inserted, rows updated, staged rows kept out because the stored version is newer,
     * distinct keys staged; {@code steps} says which way it went, for the log.
     */
    record Result(long inserted, long updated, long older, long distinct, String steps) { }

    /**
     * Merges the rows staged in {@code sitmap_staging} ({@code staged} of them; {@code mayRepeat}: the file may hold
     * a key twice) as batch {@code batch}.
     */
    static Result run(Connection c, long batch, long staged, boolean mayRepeat) throws SQLException {
        boolean search = PgSchema.version(c) >= PgSchema.SEARCH_WRITTEN;
        String columns = join(0, false, " ", search);
        String values = join(1, false, " ", search);
        String set = join(-1, true, " = ", search);
        StringBuilder steps = new StringBuilder();
        long t = System.nanoTime();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, PgImporter.MERGE_LOCK);
            lock.execute();
        }
        t = step(steps, "lock", t);
        String src = "sitmap_staging";
        long distinct = staged;
        try (Statement s = c.createStatement()) {
            if (mayRepeat) {
                distinct = s.executeUpdate("CREATE TEMP TABLE sitmap_last ON COMMIT DROP AS SELECT DISTINCT ON"
                        + " (source_key) * FROM sitmap_staging ORDER BY source_key, line DESC");
                src = "sitmap_last";
                t = step(steps, "last of each key", t);
            }
        }
        boolean empty;
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM sitmap.incident)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            empty = rs.getBoolean(1);
        }
        long inserted;
        long updated = 0;
        long older = 0;
        if (empty) {
            inserted = update(c, "INSERT INTO sitmap.incident (" + columns + ") SELECT " + values + " FROM " + src
                    + " s", batch);
            step(steps, "insert into the empty table", t);
        } else {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + src);
            }
            updated = update(c, "UPDATE sitmap.incident t SET " + set + " FROM " + src + " s"
                    + " WHERE t.source_key = s.source_key AND t.content_hash <> s.content_hash"
                    + " AND NOT coalesce(s.source_revised < t.source_revised, false)", batch);
            t = step(steps, "update", t);
            inserted = update(c, "INSERT INTO sitmap.incident AS t (" + columns + ") SELECT " + values + " FROM " + src
                    + " s WHERE NOT EXISTS (SELECT 1 FROM sitmap.incident i WHERE i.source_key = s.source_key)"
                    + " ON CONFLICT (source_key) DO NOTHING", batch);
            t = step(steps, "insert", t);
            if (inserted + updated < distinct) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + src + " s JOIN sitmap.incident t"
                        + " USING (source_key) WHERE " + OLDER); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    older = rs.getLong(1);
                }
                step(steps, "count older", t);
            }
        }
        return new Result(inserted, updated, older, distinct, steps.toString());
    }

    /** Column names ({@code part} 0), values (1), or {@code name = value} pairs without the key (-1), comma-separated. */
    private static String join(int part, boolean withoutKey, String between, boolean search) {
        StringBuilder sb = new StringBuilder();
        List<String[]> written = new ArrayList<>(List.of(WRITTEN));
        if (search) written.add(SEARCH);
        for (String[] w : written) {
            if (withoutKey && w[0].equals("source_key")) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(part < 0 ? w[0] + between + w[1] : w[part]);
        }
        return sb.toString();
    }

    private static long update(Connection c, String sql, long batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, batch);
            return ps.executeLargeUpdate();
        }
    }

    private static long step(StringBuilder steps, String what, long since) {
        long now = System.nanoTime();
        steps.append(steps.length() == 0 ? "" : ", ").append(what)
                .append(String.format(Locale.ROOT, " %.2f s", (now - since) / 1e9));
        return now;
    }
}
