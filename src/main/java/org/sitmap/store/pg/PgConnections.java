package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.model.InputException;

/**
 * Opens connections to a team store. Every connection has a connect and login timeout and TCP keep-alive, so no
 * wait on a dead server is unbounded. A refusal becomes one plain line that names the server (never the password)
 * and what to do; the driver's own text goes to the log.
 */
public final class PgConnections {
    private static final Logger LOG = Logger.getLogger(PgConnections.class.getName());

    private PgConnections() {
    }

    /**
     * Connects to {@code where}.
     *
     * @throws InputException one line when the server cannot be reached or refuses the user
     */
    public static Connection open(PgLocation where) {
        return open(where, 0);
    }

    /**
     * Connects to {@code where}; a read waiting longer than {@code socketTimeoutSeconds} (0: no limit) fails, which
     * is how a connection that only listens notices that the link died.
     */
    public static Connection open(PgLocation where, int socketTimeoutSeconds) {
        try {
            java.util.Properties p = where.jdbcProperties();
            p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
            return DriverManager.getConnection(where.jdbcUrl(), p);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "connection to " + where.display() + " failed", e);
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String who = "user " + where.user() + " at " + where.display();
            if ("08004".equals(state) && !where.hasPassword()) {
                throw new PgPasswordRequired("The server asks a password of " + who + "; set PGPASSWORD, add a line to"
                        + " ~/.pgpass, or type it when the window asks.", false);
            }
            throw switch (state) {
                case "28P01" -> new PgPasswordRequired("The server refused the password of " + who
                        + "; check PGPASSWORD or ~/.pgpass.", true);
                case "28000" -> PgLocation.bad("The server does not let " + who + " in (pg_hba.conf, or no such"
                        + " role); ask the database's administrator.");
                case "3D000" -> PgLocation.bad("There is no database \"" + where.database() + "\" on "
                        + String.join(",", where.hosts()) + "; check the name.");
                case "08001", "08004", "08006" -> PgLocation.bad("Cannot reach the server of " + where.display()
                        + "; check the address and that the server runs.");
                default -> PgLocation.bad("The server of " + where.display() + " refused the connection ("
                        + (state.isEmpty() ? "no code" : "SQL state " + state) + "); run with --verbose for the cause.");
            };
        }
    }
}
