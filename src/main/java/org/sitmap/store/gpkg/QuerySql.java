package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.geo.Geodesy;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;

/** Translates a {@link FilterSpec} into one parameterised SELECT (the drawn area is checked afterwards). */
final class QuerySql {
    private QuerySql() { }

    static List<Incident> run(Connection c, FilterSpec spec) throws SQLException {
        List<Incident> out = new ArrayList<>();
        run(c, spec, out::add);
        return out;
    }

    /** Streams the matching incidents, ordered by date then id, to {@code sink}. */
    static void run(Connection c, FilterSpec spec, java.util.function.Consumer<Incident> sink) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!where(c, spec, where, params)) return;
        if (!spec.area().isEmpty()) where.add("geom IS NOT NULL");
        String sql = (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)) + " ORDER BY event_date, fid";
        if (spec.area().size() < 3) {
            RowSelect.select(c, sql, params, sink);
        } else {
            RowSelect.select(c, sql, params, i -> {
                if (Geodesy.inPolygon(spec.area(), i.longitude(), i.latitude())) sink.accept(i);
            });
        }
    }

    /**
     * The ids of the incidents that pass {@code spec} (the drawn area excepted), in no particular order: the
     * benchmark's SQL counterpart of the in-memory filter.
     */
    static long[] ids(Connection c, FilterSpec spec) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!where(c, spec, where, params)) return new long[0];
        String sql = "SELECT fid FROM incident" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        long[] out = new long[1024];
        int n = 0;
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < params.size(); k++) ps.setObject(k + 1, params.get(k));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                    out[n++] = rs.getLong(1);
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The data sets and sources of the incidents that pass {@code spec} (the drawn area excepted), most incidents
     * first: each row is {key prefix before ':' (lower case, may be empty), source (may be null)}. One aggregate
     * query, so crediting a million incidents reads no incident.
     */
    static List<String[]> sources(Connection c, FilterSpec spec) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<String[]> out = new ArrayList<>();
        if (!where(c, spec, where, params)) return out;
        String sql = "SELECT lower(substr(source_key, 1, max(instr(source_key, ':') - 1, 0))), source, count(*)"
                + " FROM incident" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2";
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < params.size(); k++) ps.setObject(k + 1, params.get(k));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /** Adds the conditions of {@code spec}; false when nothing can match (a text search with no usable word). */
    private static boolean where(Connection c, FilterSpec spec, List<String> where, List<Object> params)
            throws SQLException {
        if (spec.to() != null) {
            where.add("event_date <= ?");
            params.add(spec.to().toString());
        }
        if (spec.from() != null) {
            where.add("span_end >= ?");
            params.add(spec.from().toString());
        }
        if (spec.noFaction()) return false;
        if (!spec.factions().isEmpty()) {
            // faction_codes lists an incident's codes ("SAA,RUS"; UNK when it has no actor), as the index has them;
            // the primary faction is the first of them
            String codes = spec.factionRule() == org.sitmap.model.FactionRule.PRIMARY
                    ? "',' || substr(faction_codes || ',', 1, instr(faction_codes || ',', ',')) "
                    : "',' || faction_codes || ',' ";
            where.add("(" + String.join(" OR ", java.util.Collections.nCopies(spec.factions().size(),
                    "instr(" + codes + ", ?) > 0")) + ")");
            for (String code : spec.factions().stream().sorted().toList()) params.add("," + code + ",");
        }
        org.sitmap.store.AttributeTerms.add(spec, where, params);
        if (spec.bbox() != null) {
            // the position is the geometry's (GDAL and QGIS edit it), tested exactly on the rows the other terms
            // leave. Without a date window the R-tree finds the candidates first (its float bounds are rounded
            // outwards); with one, the date index leaves fewer rows than a box of a region does (1M incidents,
            // 90 days in the north-west of 100,000 incidents: 45-60 ms without the R-tree, 240 ms with it; a box
            // alone: 5-20 ms with it, 55-140 ms for the full scan before migration 4).
            if (spec.from() == null && spec.to() == null && SpatialIndex.exists(c)) {
                where.add("fid IN (SELECT id FROM " + SpatialIndex.TABLE + " WHERE minx <= ? AND maxx >= ?"
                        + " AND miny <= ? AND maxy >= ?)");
                params.add(spec.bbox().maxLon());
                params.add(spec.bbox().minLon());
                params.add(spec.bbox().maxLat());
                params.add(spec.bbox().minLat());
            }
            where.add("ST_MinX(geom) BETWEEN ? AND ? AND ST_MinY(geom) BETWEEN ? AND ?");
            params.add(spec.bbox().minLon());
            params.add(spec.bbox().maxLon());
            params.add(spec.bbox().minLat());
            params.add(spec.bbox().maxLat());
        }
        String match = FtsQuery.of(spec.text());
        if (!spec.text().isEmpty()) {
            if (match.isEmpty()) return false;
            where.add("fid IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)");
            params.add(match);
        }
        return true;
    }
}
