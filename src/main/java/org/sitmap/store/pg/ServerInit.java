package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.model.InputException;

/**
 * {@code sitmap server init}: makes a PostGIS database a team store. Run by the database's owner, it creates the
 * PostGIS extension when allowed, the {@code sitmap} schema at the current version, and two group roles:
 * {@value #READER} (may read every table) and {@value #EDITOR} (may also import). Roles belong to the whole server,
 * so a second database of the same server finds them and only grants. Running it again changes nothing.
 */
public final class ServerInit {
    /** The group role of analysts who browse and export. */
    public static final String READER = "sitmap_reader";
    /** The group role of analysts who also import. */
    public static final String EDITOR = "sitmap_editor";

    private ServerInit() {
    }

    /**
     * Connects to {@code where} and makes it a team store.
     *
     * @return what was done, one line each
     * @throws InputException one line when the server cannot be reached, refuses, or a privilege is missing
     */
    public static List<String> run(PgLocation where) {
        try (Connection c = PgConnections.open(where.forWrites())) {
            return run(c);
        } catch (SQLException e) {
            java.util.logging.Logger.getLogger(ServerInit.class.getName())
                    .log(java.util.logging.Level.FINE, "server init failed", e);
            throw PgLocation.bad("The server of " + where.display() + " failed during init (SQL state "
                    + e.getSQLState() + "); run with --verbose for the cause.");
        }
    }

    /**
     * Makes the database behind {@code c} a team store.
     *
     * @return what was done, one line each, for the command's report
     * @throws InputException with one line telling whom to ask when a privilege is missing
     */
    public static List<String> run(Connection c) throws SQLException {
        List<String> done = new ArrayList<>();
        ensurePostgis(c, done);
        int before = PgSchema.version(c);
        PgSchema.migrate(c);
        int after = PgSchema.version(c);
        done.add(before == after ? "schema sitmap is at version " + after
                : "schema sitmap brought from version " + before + " to " + after);
        syncFactions(c, org.sitmap.model.FactionCatalog.shipped());
        ensureRole(c, READER, null, done);
        ensureRole(c, EDITOR, READER, done);
        grant(c);
        done.add("granted " + READER + " reading and " + EDITOR + " importing in database " + database(c));
        int packed = IndexPacks.packIfStale(c, org.sitmap.model.FactionCatalog.shipped());
        if (packed >= 0) done.add(String.format(java.util.Locale.ROOT, "packed the index of %,d incidents for fast"
                + " opening", packed));
        return done;
    }

    private static void ensurePostgis(Connection c, List<String> done) throws SQLException {
        if (exists(c, "SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) return;
        if (!exists(c, "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
            throw PgLocation.bad("PostGIS is not installed on the server; install it (Debian: postgresql-15-postgis-3)"
                    + " and run this again.");
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            done.add("created the PostGIS extension");
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw PgLocation.bad("You may not create the PostGIS extension in database " + database(c)
                        + "; ask a superuser to run CREATE EXTENSION postgis there, then run this again.");
            }
            throw e;
        }
    }

    private static void ensureRole(Connection c, String role, String memberOf, List<String> done) throws SQLException {
        if (!roleExists(c, role)) {
            try (Statement s = c.createStatement()) {
                // CREATE ROLE takes no bind parameters; the names are constants of this class.
                s.execute("CREATE ROLE " + role + " NOLOGIN");
                done.add("created the group role " + role);
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    throw PgLocation.bad("You may not create the role " + role + "; ask a superuser to run"
                            + " CREATE ROLE " + role + " NOLOGIN, then run this again.");
                }
                // another client created it meanwhile: the server says duplicate_object or unique_violation
                if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) throw e;
            }
        }
        if (memberOf != null && !exists(c, "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                + " JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = ? AND u.rolname = ?", memberOf, role)) {
            try (Statement s = c.createStatement()) {
                s.execute("GRANT " + memberOf + " TO " + role);
            }
        }
    }

    /** Writes the shipped factions (names, aliases, colours, order) so QGIS and SQL users can join on codes. */
    private static void syncFactions(Connection c, org.sitmap.model.FactionCatalog catalog) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sitmap.faction (code, name, aliases, colour, ord)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,"
                + " aliases = EXCLUDED.aliases, colour = EXCLUDED.colour, ord = EXCLUDED.ord"
                + " WHERE (faction.name, faction.aliases, faction.colour, faction.ord)"
                + " IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.aliases, EXCLUDED.colour, EXCLUDED.ord)")) {
            for (int i = 0; i < catalog.size(); i++) {
                org.sitmap.model.Faction f = catalog.get(i);
                ps.setString(1, f.code());
                ps.setString(2, f.name());
                ps.setString(3, String.join("|", f.aliases()));
                ps.setString(4, f.hexColour());
                ps.setInt(5, i);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void grant(Connection c) throws SQLException {
        String db = database(c).replace("\"", "\"\"");
        try (Statement s = c.createStatement()) {
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE \"" + db + "\" TO " + READER);
            s.execute("GRANT USAGE ON SCHEMA sitmap TO " + READER);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA sitmap TO " + READER);
            s.execute("GRANT INSERT, UPDATE, DELETE ON sitmap.incident, sitmap.place, sitmap.import_batch,"
                    + " sitmap.source, sitmap.faction TO " + EDITOR);
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA sitmap TO " + EDITOR);
            // an import locks the change counter (SELECT … FOR UPDATE needs UPDATE) and writes its packed index
            s.execute("GRANT UPDATE ON sitmap.incident_change TO " + EDITOR);
            s.execute("GRANT INSERT, DELETE ON sitmap.index_pack TO " + EDITOR);
            // an import that writes no pack notes so in the edit log (schema 6)
            if (PgSchema.version(c) >= PgSchema.EDITS) s.execute("GRANT INSERT ON sitmap.incident_edit TO " + EDITOR);
            s.execute("REVOKE CREATE ON SCHEMA sitmap FROM PUBLIC");
        }
    }

    /** True when the session's user may import (holds {@value #EDITOR}'s rights on the incident table). */
    public static boolean mayImport(Connection c) throws SQLException {
        return exists(c, "SELECT 1 WHERE has_table_privilege('sitmap.incident', 'INSERT')"
                + " AND has_table_privilege('sitmap.incident', 'UPDATE')");
    }

    /**
     * Refuses an import by a reader before anything is written.
     *
     * @throws InputException one line naming the role needed and whom to ask
     */
    public static void requireEditor(Connection c, PgLocation where) throws SQLException {
        if (PgSchema.version(c) == 0) {
            throw PgLocation.bad(where.display() + " is not a team store yet; its owner runs"
                    + " sitmap server init --db " + where.display() + " first.");
        }
        if (!mayImport(c)) {
            throw PgLocation.bad("User " + where.user() + " may read " + where.display() + " but not import: it needs"
                    + " the role " + EDITOR + " (the owner runs GRANT " + EDITOR + " TO " + where.user() + ").");
        }
    }

    static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean exists(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setString(i + 1, values[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String database(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_database()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
