package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
        List<Incident> out = new ArrayList<>();
        select(c, whereAndOrder, params, out::add);
        return out;
    }

    /** Streams the selected incidents, each with its actors, to {@code sink} without holding them all. */
    static void select(Connection c, String whereAndOrder, List<Object> params, Consumer<Incident> sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident " + whereAndOrder);
             PreparedStatement actors = c.prepareStatement(
                     "SELECT name, faction_code FROM incident_actor WHERE incident_fid = ? ORDER BY ord")) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Incident.Builder b = builder(rs);
                    actors.setLong(1, rs.getLong(1));
                    List<Actor> list = new ArrayList<>(2);
                    try (ResultSet ar = actors.executeQuery()) {
                        while (ar.next()) list.add(new Actor(ar.getString(1), ar.getString(2)));
                    }
                    sink.accept(b.actors(list).build());
                }
            }
        }
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
        try (PreparedStatement ps = c.prepareStatement("SELECT fid, unixepoch(event_date) / 86400,"
                + " unixepoch(span_end) / 86400, latitude, longitude, faction_codes, " + ordinalCase("event_type",
                EventType.values()) + ", " + ordinalCase("sub_event_type", SubEventType.values())
                + ", date_precision, geo_precision, fatalities, place FROM incident")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double lat = rs.getDouble(4);
                    if (rs.wasNull()) lat = Double.NaN;
                    double lon = rs.getDouble(5);
                    if (rs.wasNull()) lon = Double.NaN;
                    long[] fm = factionCache.computeIfAbsent(rs.getString(6), codes -> factionMask(catalog, codes));
                    int type = rs.getInt(7);
                    if (type < 0) type = EventType.STRATEGIC_DEVELOPMENTS.ordinal();
                    int fat = rs.getInt(11);
                    if (rs.wasNull()) fat = -1;
                    b.add(rs.getLong(1), rs.getInt(2), rs.getInt(3), lat, lon, fm[0], (int) fm[1], type,
                            rs.getInt(8), rs.getInt(9), rs.getInt(10), fat, rs.getString(12));
                }
            }
        }
        return b.build();
    }

    /**
     * A CASE expression turning an ACLED label column into the enum ordinal (-1 when NULL or unknown), so the
     * label strings never cross into Java. Labels are constants of the enum, never user input.
     */
    private static String ordinalCase(String column, Enum<?>[] values) {
        StringBuilder sb = new StringBuilder("CASE ").append(column);
        for (Enum<?> v : values) {
            String label = v instanceof EventType t ? t.label() : ((SubEventType) v).label();
            sb.append(" WHEN '").append(label.replace("'", "''")).append("' THEN ").append(v.ordinal());
        }
        return sb.append(" ELSE -1 END").toString();
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
}
