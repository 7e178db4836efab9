package org.sitmap.store.gpkg;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentValues;

/** How an incident becomes a row: its column values, parameter binding, the content hash, country codes. */
final class IncidentBinding {
    /** The incident columns written by an import, in parameter order; {@code fid} is parameter {@link #FID}. */
    static final String COLUMNS = "geom, source_key, event_date, date_precision, end_date, span_end, place, admin1,"
            + " country, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
            + " batch_id, faction_codes, content_hash, actors, source_revised";

    /** The parameter of {@code fid} in the INSERT and UPDATE, after the {@link #COLUMNS}. */
    static final int FID = COLUMNS.split(",").length + 1;

    private IncidentBinding() { }

    /**
     * An incident with the column values that take work to make (geometry blob, date texts, faction list, actors
     * JSON, content hash). An import makes them on its reading thread, so the writing thread only binds.
     * {@code endDate} is the end the source gives (null when none); the column {@code end_date} gets
     * {@code spanEnd}, the last day the event may have happened on (since migration 4).
     */
    record Row(Incident incident, byte[] geom, String date, String endDate, String spanEnd, String factions,
               String actors, String hash) {
        /** Makes the values of {@code i}; {@code sha} is used by the calling thread alone. */
        static Row of(Incident i, MessageDigest sha) {
            return new Row(i, i.located() ? GeoPackageBinary.point(i.longitude(), i.latitude()) : null,
                    i.date().toString(), i.endDate() == null ? null : i.endDate().toString(), i.spanEnd().toString(),
                    String.join(",", i.factions()), IncidentValues.actorsJson(i), IncidentBinding.hash(sha, i));
        }
    }

    /** Binds parameters 1-22 of the incident INSERT/UPDATE (the order of {@link #COLUMNS}). */
    static void bind(PreparedStatement ps, Row r, long batchId) throws SQLException {
        Incident i = r.incident();
        ps.setBytes(1, r.geom());
        ps.setString(2, i.sourceKey());
        ps.setString(3, r.date());
        ps.setInt(4, i.datePrecision().code());
        ps.setString(5, r.spanEnd());
        ps.setString(6, r.spanEnd());
        ps.setString(7, i.place());
        ps.setString(8, i.admin1());
        ps.setString(9, i.country());
        ps.setInt(10, i.geoPrecision().code());
        ps.setString(11, i.eventType().label());
        ps.setString(12, i.subEventType() == null ? null : i.subEventType().label());
        if (i.fatalities() == null) ps.setNull(13, Types.INTEGER); else ps.setInt(13, i.fatalities());
        ps.setString(14, i.summary());
        ps.setString(15, i.source());
        ps.setString(16, i.origin());
        ps.setString(17, i.evidence());
        ps.setLong(18, batchId);
        ps.setString(19, r.factions());
        ps.setString(20, r.hash());
        ps.setString(21, r.actors());
        if (i.revised() == null) ps.setNull(22, Types.INTEGER); else ps.setLong(22, i.revised().getEpochSecond());
    }

    /** The content hash (see {@link IncidentValues#hash(MessageDigest, Incident)}). */
    static String hash(MessageDigest sha, Incident i) {
        return IncidentValues.hash(sha, i);
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
