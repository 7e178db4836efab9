package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/** Reads incident rows: whole incidents with their actors, and the index columns in one streaming query. */
final class IncidentRows {
    static final String COLUMNS = "fid, source_key, event_date, date_precision, end_date, place, admin1, country,"
            + " latitude, longitude, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin,"
            + " evidence, batch_id, actors, source_revised";

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
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident " + whereAndOrder)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Incident.Builder b = builder(rs);
                    List<Actor> actors;
                    try {
                        actors = ActorsJson.read(rs.getString(20));
                    } catch (IllegalArgumentException e) {
                        throw new StoreException("incident " + rs.getLong(1) + " of the store has unreadable actors ("
                                + e.getMessage() + "); correct its actors column", e);
                    }
                    long revised = rs.getLong(21);
                    if (!rs.wasNull()) b.revised(java.time.Instant.ofEpochSecond(revised));
                    sink.accept(b.actors(actors).build());
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
}
