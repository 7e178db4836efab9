package org.sitmap.store.pg;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.IncidentRows;
import org.sitmap.store.StoreException;

/**
 * Every incident of a team store as an import source, in id order, read through a server-side cursor (a fixed
 * number of rows in memory): how {@code sitmap export --db SERVER --out field.gpkg} makes a store to take away. Keys,
 * dates, origins and revisions are kept, so bringing that store back adds nothing.
 *
 * <p>Not thread-safe; it uses its connection's transaction until closed.
 */
public final class PgIncidentReader implements IncidentReader {
    static final String POSITION = "CASE WHEN geom IS NULL THEN NULL ELSE ST_X(geom)::text || ' ' ||"
            + " ST_Y(geom)::text END";
    /** Reads {@link #POSITION}'s "lon lat" text. */
    static final IncidentRows.Position DEGREES = (r, column, fid, xy) -> {
        String t = r.getString(column);
        if (t == null) return false;
        int sp = t.indexOf(' ');
        xy[0] = Double.parseDouble(t.substring(0, sp));
        xy[1] = Double.parseDouble(t.substring(sp + 1));
        return true;
    };
    private final Connection conn;
    private final String name;
    private final PreparedStatement ps;
    private final ResultSet rs;
    private final boolean autoCommit;

    /** Opens the cursor on {@code conn} (a connection of {@code where}). */
    public PgIncidentReader(Connection conn, PgLocation where) throws SQLException {
        this.conn = conn;
        this.name = where.display();
        this.autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);   // pgJDBC streams with a cursor only inside a transaction
        ps = conn.prepareStatement("SELECT " + IncidentRows.COLUMNS.replace("geom", POSITION)
                + " FROM sitmap.incident ORDER BY fid");
        ps.setFetchSize(5_000);
        rs = ps.executeQuery();
    }

    @Override
    public String file() {
        return name;
    }

    @Override
    public String format() {
        return "postgis";
    }

    @Override
    public ParsedRow next() throws IOException {
        try {
            if (!rs.next()) return null;
            return ParsedRow.ok(rs.getLong(1), IncidentRows.read(rs, DEGREES));
        } catch (SQLException e) {
            throw new StoreException("Reading the incidents of " + name + " failed (SQL state " + e.getSQLState()
                    + "); nothing was written.", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rs.close();
            ps.close();
            conn.rollback();
            conn.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new IOException("closing the cursor on " + name + ": " + e.getMessage(), e);
        }
    }
}
