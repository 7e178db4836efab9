package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sitmap.model.Incident;

/**
 * Decides, on the importing thread, the rows of an import into an empty store whose key hash the planner had met
 * before ({@link KeyHashes}, {@link RowPlanner.Action#CHECK}): after the rows before it were written, the store
 * itself says whether the key is there (the {@code source_key} UNIQUE index), with its row, content hash and
 * revision time. So the decision is the one {@link RowPlanner} makes from an exact key table: skip (same content),
 * older (the stored version was revised later), update, or, for another key that only shares the hash, insert
 * under the fid the planner kept for the row. The bounds and places of the rows it lets be written are kept here
 * and added to the planner's at the end.
 *
 * <p>Not thread-safe: used by the importing thread alone.
 */
final class DuplicateKeys {
    private final Connection conn;
    private PreparedStatement find;
    private final double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    private final PlaceTally places = new PlaceTally();
    private int checked;

    DuplicateKeys(Connection conn) {
        this.conn = conn;
    }

    /**
     * The decision about {@code p} (a CHECK). The caller has written every row before it (so the store answers
     * for them too).
     */
    RowPlanner.Planned decide(RowPlanner.Planned p) throws SQLException {
        checked++;
        if (find == null) {
            find = conn.prepareStatement("SELECT fid, content_hash, coalesce(source_revised, ?) FROM incident"
                    + " WHERE source_key = ?");
        }
        Incident inc = p.values().incident();
        long hash = IncidentBinding.hash64(p.values().hash());
        long revised = inc.revised() == null ? RowPlanner.UNREVISED : inc.revised().getEpochSecond();
        find.setLong(1, RowPlanner.UNREVISED);
        find.setString(2, inc.sourceKey());
        long fid;
        long storedHash;
        long storedRevised;
        try (ResultSet rs = find.executeQuery()) {
            if (!rs.next()) {
                RowPlanner.written(inc, true, bounds, places);
                return new RowPlanner.Planned(p.row(), p.values(), RowPlanner.Action.INSERT, p.fid(), false);
            }
            fid = rs.getLong(1);
            storedHash = IncidentBinding.hash64(rs.getString(2));
            storedRevised = rs.getLong(3);
        }
        if (storedHash == hash) return new RowPlanner.Planned(p.row(), p.values(), RowPlanner.Action.SKIP, fid, false);
        if (revised != RowPlanner.UNREVISED && storedRevised != RowPlanner.UNREVISED && revised < storedRevised) {
            return new RowPlanner.Planned(p.row(), p.values(), RowPlanner.Action.OLDER, fid, false);
        }
        // the store was empty: every row is this import's, indexed for full text at its end
        RowPlanner.written(inc, false, bounds, places);
        return new RowPlanner.Planned(p.row(), p.values(), RowPlanner.Action.UPDATE, fid, false);
    }

    /** How many rows were decided here. */
    int checked() {
        return checked;
    }

    /** Adds the bounds and places of the rows decided here to the planner's (after the rows). */
    void addTo(RowPlanner planner) {
        double[] b = planner.bounds();
        b[0] = Math.min(b[0], bounds[0]);
        b[1] = Math.min(b[1], bounds[1]);
        b[2] = Math.max(b[2], bounds[2]);
        b[3] = Math.max(b[3], bounds[3]);
        planner.places().addAll(places);
    }

    void close() {
        try {
            if (find != null) find.close();
        } catch (SQLException ignored) {
            // closing a query cannot lose data
        }
    }
}
