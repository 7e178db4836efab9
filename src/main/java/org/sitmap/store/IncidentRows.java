package org.sitmap.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/**
 * Reads incident rows: whole incidents with their actors, and the index columns in one streaming query. The
 * row-to-incident rule is shared with the team store ({@link #read}), which gives its position as degrees.
 */
public final class IncidentRows {
    /** The columns {@link #read} expects, in order. */
    public static final String COLUMNS = "fid, source_key, event_date, date_precision, end_date, place, admin1, country,"
            + " geom, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
            + " batch_id, actors, source_revised";

    private IncidentRows() { }

    /** How a row's position (column 9) is read into longitude, latitude; false when it has none. */
    public interface Position {
        boolean read(ResultSet rs, int column, long fid, double[] xy) throws SQLException;
    }

    /**
     * The incident of the current row of a query of {@link #COLUMNS} (in that order), its position read by
     * {@code position}.
     */
    public static Incident read(ResultSet rs, Position position) throws SQLException {
        Incident.Builder b = builder(rs, position);
        List<Actor> actors;
        try {
            actors = ActorsJson.read(rs.getString(19));
        } catch (IllegalArgumentException e) {
            throw new StoreException("incident " + rs.getLong(1) + " of the store has unreadable actors ("
                    + e.getMessage() + "); correct its actors column", e);
        }
        long revised = rs.getLong(20);
        if (!rs.wasNull()) b.revised(java.time.Instant.ofEpochSecond(revised));
        return b.actors(actors).build();
    }

    private static Incident.Builder builder(ResultSet rs, Position position) throws SQLException {
        LocalDate date = LocalDate.parse(rs.getString(3));
        Incident.Builder b = Incident.builder().id(rs.getLong(1)).sourceKey(rs.getString(2))
                .date(date).datePrecision(DatePrecision.ofCode(rs.getInt(4)));
        // end_date holds the last possible day (migration 4); the incident's end is null where that is the day
        // its date and precision give anyway (Incident drops such an end). An end before the date (edited by
        // hand) is ignored.
        String end = rs.getString(5);
        LocalDate endDate = end == null || end.length() < 10 ? null : LocalDate.parse(end.substring(0, 10));
        b.endDate(endDate == null || endDate.isBefore(date) ? null : endDate).place(rs.getString(6))
                .admin1(rs.getString(7)).country(rs.getString(8));
        double[] xy = new double[2];
        if (position.read(rs, 9, rs.getLong(1), xy)) b.position(xy[1], xy[0]);
        b.geoPrecision(GeoPrecision.ofCode(rs.getInt(10)));
        b.eventType(EventType.parse(rs.getString(11)).orElseThrow(
                () -> new IllegalStateException("unknown event type in store")));
        String sub = rs.getString(12);
        if (sub != null) b.subEventType(SubEventType.parse(sub).orElse(null));
        int f = rs.getInt(13);
        b.fatalities(rs.wasNull() ? null : f);
        return b.summary(rs.getString(14)).source(rs.getString(15)).origin(rs.getString(16)).evidence(rs.getString(17))
                .batchId(rs.getLong(18));
    }
}
