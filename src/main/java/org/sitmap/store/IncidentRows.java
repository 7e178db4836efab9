package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/** Reads incident rows: whole incidents with their actors, and the index columns in one streaming query. */
final class IncidentRows {
    static final String COLUMNS = "fid, source_key, event_date, date_precision, end_date, place, admin1, country,"
            + " latitude, longitude, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin,"
            + " evidence, batch_id";

    private IncidentRows() { }

    /** Incidents selected by {@code whereAndOrder} (with {@code ?} parameters bound from {@code params}). */
    static List<Incident> select(Connection c, String whereAndOrder, List<Object> params) throws SQLException {
        LinkedHashMap<Long, Incident.Builder> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident " + whereAndOrder)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.put(rs.getLong(1), builder(rs));
            }
        }
        List<Incident> out = new ArrayList<>(rows.size());
        if (rows.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, faction_code FROM incident_actor WHERE incident_fid = ? ORDER BY ord")) {
            for (Map.Entry<Long, Incident.Builder> e : rows.entrySet()) {
                ps.setLong(1, e.getKey());
                List<Actor> actors = new ArrayList<>(2);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) actors.add(new Actor(rs.getString(1), rs.getString(2)));
                }
                out.add(e.getValue().actors(actors).build());
            }
        }
        return out;
    }

    private static Incident.Builder builder(ResultSet rs) throws SQLException {
        Incident.Builder b = Incident.builder().id(rs.getLong(1)).sourceKey(rs.getString(2))
                .date(LocalDate.parse(rs.getString(3))).datePrecision(DatePrecision.ofCode(rs.getInt(4)));
        String end = rs.getString(5);
        b.endDate(end == null ? null : LocalDate.parse(end)).place(rs.getString(6)).admin1(rs.getString(7))
                .country(rs.getString(8));
        double lat = rs.getDouble(9);
        boolean located = !rs.wasNull();
        double lon = rs.getDouble(10);
        if (located) b.position(lat, lon);
        b.geoPrecision(GeoPrecision.ofCode(rs.getInt(11)));
        b.eventType(EventType.parse(rs.getString(12)).orElseThrow(
                () -> new IllegalStateException("unknown event type in store")));
        String sub = rs.getString(13);
        if (sub != null) b.subEventType(SubEventType.parse(sub).orElse(null));
        int f = rs.getInt(14);
        b.fatalities(rs.wasNull() ? null : f);
        return b.summary(rs.getString(15)).source(rs.getString(16)).origin(rs.getString(17)).evidence(rs.getString(18))
                .batchId(rs.getLong(19));
    }

    /** Streams the index columns of every incident into a builder; one query, no per-row objects. */
    static IncidentIndex loadIndex(Connection c, FactionCatalog catalog, int count) throws SQLException {
        IncidentIndex.Builder b = new IncidentIndex.Builder(catalog, count + 16);
        Map<String, long[]> factionCache = new HashMap<>();
        Map<String, Integer> typeCache = new HashMap<>();
        Map<String, Integer> subCache = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fid, event_date, span_end, latitude, longitude,"
                + " faction_codes, event_type, sub_event_type, date_precision, geo_precision, fatalities, place"
                + " FROM incident")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double lat = rs.getDouble(4);
                    if (rs.wasNull()) lat = Double.NaN;
                    double lon = rs.getDouble(5);
                    if (rs.wasNull()) lon = Double.NaN;
                    long[] fm = factionCache.computeIfAbsent(rs.getString(6), codes -> factionMask(catalog, codes));
                    int type = typeCache.computeIfAbsent(rs.getString(7),
                            t -> EventType.parse(t).map(Enum::ordinal).orElse(EventType.STRATEGIC_DEVELOPMENTS.ordinal()));
                    String subText = rs.getString(8);
                    int sub = subText == null ? -1 : subCache.computeIfAbsent(subText,
                            t -> SubEventType.parse(t).map(Enum::ordinal).orElse(-1));
                    int fat = rs.getInt(11);
                    if (rs.wasNull()) fat = -1;
                    b.add(rs.getLong(1), epochDay(rs.getString(2)), epochDay(rs.getString(3)), lat, lon, fm[0],
                            (int) fm[1], type, sub, rs.getInt(9), rs.getInt(10), fat, rs.getString(12));
                }
            }
        }
        return b.build();
    }

    private static long[] factionMask(FactionCatalog catalog, String codes) {
        long mask = 0;
        int primary = -1;
        for (String code : codes.split(",")) {
            if (code.isEmpty()) continue;
            int o = catalog.ordinal(code);
            if (primary < 0) primary = o;
            mask |= 1L << o;
        }
        if (primary < 0) {
            primary = catalog.ordinal(org.sitmap.model.Faction.UNKNOWN_CODE);
            mask = 1L << primary;
        }
        return new long[] {mask, primary};
    }

    /** Epoch day of an ISO {@code yyyy-mm-dd} string without allocating a parser. */
    static int epochDay(String iso) {
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            int y = digits(iso, 0, 4), m = digits(iso, 5, 7), d = digits(iso, 8, 10);
            if (y >= 0 && m >= 1 && d >= 1) return (int) LocalDate.of(y, m, d).toEpochDay();
        }
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
