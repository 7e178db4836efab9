package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitmap.geo.Geodesy;
import org.sitmap.model.FactionRule;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentRows;

/**
 * A {@link FilterSpec} as one parameterised SELECT on the team store, with the GeoPackage store's rules: an incident
 * is in a date window when any day it may have happened on lies inside it ({@code event_date} to {@code span_end}),
 * a faction matches among all of an incident's factions or only its primary one (the first code), the box is tested
 * exactly on the point (inclusive), the drawn area afterwards on the client with the same polygon test. Text search
 * uses the stored {@code tsvector} (configuration {@code simple}) with the GeoPackage's query rule: every word must
 * match, the last one also as the start of a word.
 */
final class PgQuery {
    /** The incident columns in {@link IncidentRows#COLUMNS}' order, the position as "lon lat" text. */
    static final String COLUMNS = IncidentRows.COLUMNS.replace("geom",
            "CASE WHEN geom IS NULL THEN NULL ELSE ST_X(geom)::text || ' ' || ST_Y(geom)::text END");
    /** Reads the "lon lat" text of {@link #COLUMNS}. */
    static final IncidentRows.Position POSITION = (rs, column, fid, xy) -> {
        String t = rs.getString(column);
        if (t == null) return false;
        int sp = t.indexOf(' ');
        xy[0] = Double.parseDouble(t.substring(0, sp));
        xy[1] = Double.parseDouble(t.substring(sp + 1));
        return true;
    };
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final int FETCH = 2_000;

    private final List<String> where = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private final boolean none;

    private PgQuery(FilterSpec spec) {
        none = !where(spec);
    }

    /** Streams the matching incidents, ordered by date then id, through a server-side cursor. */
    static void run(Connection c, FilterSpec spec, Consumer<Incident> sink) throws SQLException {
        PgQuery q = new PgQuery(spec);
        if (q.none) return;
        if (!spec.area().isEmpty()) q.where.add("geom IS NOT NULL");
        boolean area = spec.area().size() >= 3;
        String sql = "SELECT " + COLUMNS + " FROM sitmap.incident" + q.clause() + " ORDER BY event_date, fid";
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);   // pgJDBC fetches by cursor only inside a transaction
        try (PreparedStatement ps = q.prepare(c, sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Incident i = IncidentRows.read(rs, POSITION);
                    if (!area || Geodesy.inPolygon(spec.area(), i.longitude(), i.latitude())) sink.accept(i);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    /** The sources of the incidents that pass {@code spec} (the drawn area excepted), most incidents first. */
    static List<String[]> sources(Connection c, FilterSpec spec) throws SQLException {
        PgQuery q = new PgQuery(spec);
        List<String[]> out = new ArrayList<>();
        if (q.none) return out;
        String sql = "SELECT lower(CASE WHEN strpos(source_key, ':') > 1 THEN substr(source_key, 1,"
                + " strpos(source_key, ':') - 1) ELSE '' END) COLLATE \"C\" AS set, source COLLATE \"C\" AS src,"
                + " count(*) FROM sitmap.incident" + q.clause() + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2";
        try (PreparedStatement ps = q.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        return out;
    }

    /**
     * The ids matching the {@link #tsQuery} text {@code match}, as one value: {@code string_agg} of {@code int8send},
     * eight bytes an id (null when none match). The statement runs in a transaction of its own (or the caller's) with
     * two settings for it alone ({@code set_config(…, true)}, as {@code SET LOCAL}):
     * <ul>
     *   <li>{@code jit = off}: at ten million rows the plan's cost passes {@code jit_above_cost} and the server
     *       compiled the scan with inlining and optimisation, about 3 s of CPU (in each parallel worker) for a
     *       query that hands over eight bytes a row;</li>
     *   <li>{@code work_mem = 64MB}: the bitmap of a common word (Aleppo: 494,000 rows in 361,000 of 705,000 pages
     *       at 10M) then stays exact; with the default 4 MB most of its pages went lossy and every row on them
     *       (4.2 million) was checked again against the word.</li>
     * </ul>
     * The planner then reads the pages once in one process instead of two workers and the leader; the server's CPU
     * for the search halves (docs/design/performance.md, fifth session).
     */
    static byte[] searchIds(Connection c, String match) throws SQLException {
        boolean auto = c.getAutoCommit();
        if (auto) c.setAutoCommit(false);
        try {
            boolean jit = c.getMetaData().getDatabaseMajorVersion() >= 11;
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('work_mem', '64MB', true)"
                    + (jit ? ", set_config('jit', 'off', true)" : ""))) {
                ps.execute();
            }
            byte[] packed;
            try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(int8send(fid), ''::bytea)"
                    + " FROM sitmap.incident WHERE search @@ to_tsquery('simple', ?)")) {
                ps.setString(1, match);
                try (ResultSet rs = ps.executeQuery()) {
                    packed = rs.next() ? rs.getBytes(1) : null;
                }
            }
            if (auto) c.commit();
            return packed;
        } finally {
            if (auto) {
                try {
                    c.rollback();   // after a failure (after the commit: nothing to undo)
                    c.setAutoCommit(true);
                } catch (SQLException cut) {
                    // the connection is gone: the failure being thrown says so; the next call reports it again
                }
            }
        }
    }

    /**
     * The {@code to_tsquery} text of {@code words}: each run of letters and digits a term, all required, the last one
     * also as a prefix; "" when the words hold none. No query syntax typed by the user survives.
     */
    static String tsQuery(String words) {
        if (words == null) return "";
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(words.toLowerCase(Locale.ROOT));
        while (m.find()) tokens.add(m.group());
        if (tokens.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) sb.append(" & ");
            sb.append('\'').append(tokens.get(i)).append('\'');
            if (i == tokens.size() - 1) sb.append(":*");
        }
        return sb.toString();
    }

    private String clause() {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int k = 0; k < params.size(); k++) ps.setObject(k + 1, params.get(k));
        return ps;
    }

    /** Adds the conditions of {@code spec}; false when nothing can match. */
    private boolean where(FilterSpec spec) {
        if (spec.to() != null) {
            where.add("event_date <= ?");
            params.add(spec.to());
        }
        if (spec.from() != null) {
            where.add("span_end >= ?");
            params.add(spec.from());
        }
        if (spec.noFaction()) return false;
        if (!spec.factions().isEmpty()) {
            // faction_codes lists an incident's codes ("SAA,RUS"; UNK without actors); the primary is the first
            String codes = spec.factionRule() == FactionRule.PRIMARY
                    ? "',' || split_part(faction_codes, ',', 1) || ','" : "',' || faction_codes || ','";
            where.add("(" + String.join(" OR ", Collections.nCopies(spec.factions().size(),
                    "strpos(" + codes + ", ?) > 0")) + ")");
            for (String code : spec.factions().stream().sorted().toList()) params.add("," + code + ",");
        }
        org.sitmap.store.AttributeTerms.add(spec, where, params);
        if (spec.bbox() != null) {
            // the GiST index finds the candidates (its boxes are rounded outwards); the exact test decides
            where.add("geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_X(geom) BETWEEN ? AND ?"
                    + " AND ST_Y(geom) BETWEEN ? AND ?");
            params.add(spec.bbox().minLon());
            params.add(spec.bbox().minLat());
            params.add(spec.bbox().maxLon());
            params.add(spec.bbox().maxLat());
            params.add(spec.bbox().minLon());
            params.add(spec.bbox().maxLon());
            params.add(spec.bbox().minLat());
            params.add(spec.bbox().maxLat());
        }
        if (!spec.text().isEmpty()) {
            String match = tsQuery(spec.text());
            if (match.isEmpty()) return false;
            where.add("search @@ to_tsquery('simple', ?)");
            params.add(match);
        }
        return true;
    }
}
