package org.sitmap.store.pg;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.SubEventType;

/**
 * The window's in-memory index from a team store, streamed with {@code COPY … TO STDOUT} (one round trip, rows as
 * they come, no per-row objects): the server turns dates into day numbers and geometries into degrees, this class
 * parses the text rows into an {@link IncidentIndex.Builder}.
 *
 * <p>Threading: a blocking call; run it on the workspace's worker, never on the FX thread.
 */
public final class PgIndexLoader {
    private static final String COLUMNS = "fid, event_date - DATE '1970-01-01', span_end - DATE '1970-01-01',"
            + " ST_Y(geom), ST_X(geom), faction_codes, event_type, sub_event_type, date_precision, geo_precision,"
            + " fatalities, place";

    private PgIndexLoader() {
    }

    /** Every incident of the store behind {@code c}; {@code progress} gets the rows read so far. */
    public static IncidentIndex load(Connection c, FactionCatalog catalog, LongConsumer progress) throws SQLException {
        int count;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sitmap.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getInt(1);
        }
        return copy(c, catalog, "", count + 1024, progress);
    }

    /**
     * The incidents of the imports committed after commit number {@code afterCommit} (a window catching up with
     * its snapshot or with a live notification): each row in its current version, streamed as {@link #load}
     * streams. Run it in the same transaction as the query that reads the newest commit number, so the two agree.
     */
    public static IncidentIndex loadCommittedAfter(Connection c, FactionCatalog catalog, long afterCommit)
            throws SQLException {
        int count;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sitmap.incident i JOIN sitmap.import_batch b"
                + " ON b.id = i.batch_id WHERE b.commit_seq > ?")) {
            ps.setLong(1, afterCommit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getInt(1);
            }
        }
        // COPY takes no parameters: the number is written from a long, so nothing of a user's text reaches the SQL
        return copy(c, catalog, " WHERE batch_id IN (SELECT id FROM sitmap.import_batch WHERE commit_seq > "
                + afterCommit + ")", count + 16, n -> { });
    }

    private static IncidentIndex copy(Connection c, FactionCatalog catalog, String where, int capacity,
                                      LongConsumer progress) throws SQLException {
        IncidentIndex.Builder b = new IncidentIndex.Builder(catalog, capacity);
        RowParser parser = new RowParser(catalog);
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (SELECT " + COLUMNS + " FROM sitmap.incident" + where + ") TO STDOUT");
        long n = 0;
        try {
            for (byte[] row; (row = out.readFromCopy()) != null; ) {
                parser.addTo(b, row);
                if ((++n & 0xffff) == 0) progress.accept(n);
            }
        } finally {
            if (out.isActive()) out.cancelCopy();
        }
        progress.accept(n);
        return b.build();
    }

    /** Parses COPY text rows; repeated faction lists, types and place names are decoded once. */
    private static final class RowParser {
        private final FactionCatalog catalog;
        private final Map<String, long[]> masks = new HashMap<>();
        private final Map<String, Integer> types = new HashMap<>();
        private final Map<String, String> places = new HashMap<>();
        private final String[] f = new String[12];

        RowParser(FactionCatalog catalog) {
            this.catalog = catalog;
        }

        void addTo(IncidentIndex.Builder b, byte[] row) {
            split(new String(row, StandardCharsets.UTF_8));
            int day = Integer.parseInt(f[1]);
            long[] fm = masks.computeIfAbsent(f[5] == null ? "" : f[5], catalog::maskAndPrimary);
            int type = types.computeIfAbsent("t" + f[6], k -> EventType.parse(f[6])
                    .orElse(EventType.STRATEGIC_DEVELOPMENTS).ordinal());
            int sub = f[7] == null ? -1 : types.computeIfAbsent("s" + f[7], k -> SubEventType.parse(f[7])
                    .map(Enum::ordinal).orElse(-1));
            b.add(Long.parseLong(f[0]), day, Integer.parseInt(f[2]),
                    f[3] == null ? Double.NaN : Double.parseDouble(f[3]), f[4] == null ? Double.NaN : Double.parseDouble(f[4]),
                    fm[0], (int) fm[1], type, sub, Integer.parseInt(f[8]), Integer.parseInt(f[9]),
                    f[10] == null ? -1 : Integer.parseInt(f[10]), f[11] == null ? null : places.computeIfAbsent(f[11], k -> k));
        }

        /** Splits a COPY text row at tabs into {@link #f}, undoing its escapes; {@code \N} is null. */
        private void split(String line) {
            int field = 0;
            StringBuilder cur = new StringBuilder();
            int end = line.endsWith("\n") ? line.length() - 1 : line.length();
            for (int i = 0; i <= end; i++) {
                char ch = i < end ? line.charAt(i) : '\t';
                if (ch == '\t') {
                    String v = cur.toString();
                    f[field++] = "\\N".equals(v) ? null : unescape(v);
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
        }

        private static String unescape(String v) {
            if (v.indexOf('\\') < 0) return v;
            StringBuilder o = new StringBuilder(v.length());
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch != '\\' || i + 1 == v.length()) {
                    o.append(ch);
                    continue;
                }
                char e = v.charAt(++i);
                o.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> '\u000b';
                    default -> e;
                });
            }
            return o.toString();
        }
    }
}
