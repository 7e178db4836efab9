package org.sitmap.store.gpkg;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentValues;

/** How an incident becomes a row: its column values, parameter binding, the content hash, country codes. */
final class IncidentBinding {
    /**
     * The incident columns an import writes and their values: numbered parameters, {@code span_end} the same
     * parameter as {@code end_date} (both get the last day the event may have happened on) and {@code batch_id}
     * the import's batch written into the statement, so a row binds {@link #FID} values instead of 23 (each bound
     * value is a call into SQLite through JNI and a conversion, the larger part of the writing thread's time).
     */
    private static final String[][] WRITTEN = {{"geom", "?1"}, {"source_key", "?2"}, {"event_date", "?3"},
            {"date_precision", "?4"}, {"end_date", "?5"}, {"span_end", "?5"}, {"place", "?6"}, {"admin1", "?7"},
            {"country", "?8"}, {"geo_precision", "?9"}, {"event_type", "?10"}, {"sub_event_type", "?11"},
            {"fatalities", "?12"}, {"summary", "?13"}, {"source", "?14"}, {"origin", "?15"}, {"evidence", "?16"},
            {"batch_id", null}, {"faction_codes", "?17"}, {"content_hash", "?18"}, {"actors", "?19"},
            {"source_revised", "?20"}};

    /** The parameter of {@code fid} in the INSERT and UPDATE, after the values of {@link #bind}. */
    static final int FID = 21;

    /** The INSERT of a new incident row of batch {@code batchId} (parameters: {@link #bind}, then {@link #FID}). */
    static String insertSql(long batchId) {
        StringBuilder cols = new StringBuilder(), values = new StringBuilder();
        for (String[] c : WRITTEN) {
            cols.append(c[0]).append(", ");
            values.append(c[1] == null ? Long.toString(batchId) : c[1]).append(", ");
        }
        return "INSERT INTO incident(" + cols + "fid) VALUES (" + values + "?" + FID + ")";
    }

    /** The UPDATE of a stored incident row by batch {@code batchId} (parameters as {@link #insertSql}). */
    static String updateSql(long batchId) {
        StringBuilder set = new StringBuilder();
        for (String[] c : WRITTEN) {
            set.append(set.length() == 0 ? "" : ", ").append(c[0]).append(" = ")
                    .append(c[1] == null ? Long.toString(batchId) : c[1]);
        }
        return "UPDATE incident SET " + set + " WHERE fid = ?" + FID;
    }

    private IncidentBinding() { }

    /**
     * An incident with the column values that take work to make (geometry blob, date texts, faction list, actors
     * JSON, content hash). An import makes them on its reading thread, so the writing thread only binds.
     * The columns {@code end_date} and {@code span_end} both get {@code spanEnd}, the last day the event may have
     * happened on (since migration 4).
     */
    record Row(Incident incident, byte[] geom, String date, String spanEnd, String factions,
               String actors, String hash) {
        /**
         * The values of {@code i} not made yet ({@link #pending}): an import into an empty store decides by the key
         * alone, and its importing thread makes them ({@link #of}) so that both threads share the work.
         */
        static Row pending(Incident i) {
            return new Row(i, null, null, null, null, null, null);
        }

        /** Whether the values still have to be made ({@link #of} on {@link #incident}). */
        boolean isPending() {
            return hash == null;
        }

        /**
         * Makes the values of {@code i} (normalised): the texts {@code LocalDate.toString}, {@code String.join(",",
         * i.factions())}, {@link IncidentValues#actorsJson} and {@link IncidentValues#hash(MessageDigest, Incident)}
         * give, made by {@code values}' faster ways ({@link IncidentValues#date}, {@link
         * IncidentValues#factionCodes}, {@link IncidentValues#actors}, {@link IncidentValues#hash(Incident)});
         * {@code values} is used by the calling thread alone.
         */
        static Row of(Incident i, IncidentValues values) {
            String date = values.date(i.date());
            LocalDate end = i.spanEnd();
            String spanEnd = end.equals(i.date()) ? date : values.date(end);
            return new Row(i, i.located() ? GeoPackageBinary.point(i.longitude(), i.latitude()) : null, date, spanEnd,
                    IncidentValues.factionCodes(i), values.actors(i), values.hash(i));
        }
    }

    /** Binds parameters 1-20 of {@link #insertSql} and {@link #updateSql}. */
    static void bind(PreparedStatement ps, Row r) throws SQLException {
        Incident i = r.incident();
        ps.setBytes(1, r.geom());
        ps.setString(2, i.sourceKey());
        ps.setString(3, r.date());
        ps.setInt(4, i.datePrecision().code());
        ps.setString(5, r.spanEnd());
        ps.setString(6, i.place());
        ps.setString(7, i.admin1());
        ps.setString(8, i.country());
        ps.setInt(9, i.geoPrecision().code());
        ps.setString(10, i.eventType().label());
        ps.setString(11, i.subEventType() == null ? null : i.subEventType().label());
        if (i.fatalities() == null) ps.setNull(12, Types.INTEGER); else ps.setInt(12, i.fatalities());
        ps.setString(13, i.summary());
        ps.setString(14, i.source());
        ps.setString(15, i.origin());
        ps.setString(16, i.evidence());
        ps.setString(17, r.factions());
        ps.setString(18, r.hash());
        ps.setString(19, r.actors());
        if (i.revised() == null) ps.setNull(20, Types.INTEGER); else ps.setLong(20, i.revised().getEpochSecond());
    }

    /** The first 64 bits of a hex content hash (0 for a null or short one, as stores made by hand may have). */
    static long hash64(String hex) {
        if (hex == null || hex.length() < 16) return 0;
        try {
            return Long.parseUnsignedLong(hex, 0, 16, 16);
        } catch (NumberFormatException e) {
            return hex.hashCode();
        }
    }

    /** ISO 3166-1 alpha-2 for the countries of the theatre, else null (see {@link IncidentValues#countryCode}). */
    static String countryCode(String country) {
        return IncidentValues.countryCode(country);
    }
}
