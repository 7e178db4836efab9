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
            String tls = tlsProblem(e, where);
            if (tls != null) throw PgLocation.bad(tls);
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

    /**
     * One line for a connection that failed on TLS (as {@code sslmode} asked), or null when TLS was not the cause:
     * a certificate not signed by {@code sslrootcert} or not naming the host, no root certificate to check it
     * with, a server that offers no TLS, or a server that accepts this user only over TLS.
     */
    static String tlsProblem(SQLException e, PgLocation where) {
        String mode = where.parameter("sslmode") == null ? "prefer" : where.parameter("sslmode");
        StringBuilder text = new StringBuilder();
        boolean certificate = false;
        for (Throwable t = e; t != null && text.length() < 4000; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
            certificate |= t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException;
        }
        String all = text.toString().toLowerCase(java.util.Locale.ROOT);
        String server = "The server of " + where.display();
        if (all.contains("root certificate file")) {
            return "sslmode=" + mode + " checks the server's certificate, but there is no certificate of its authority"
                    + " to check it with: give sslrootcert=FILE in the address (or put it in ~/.postgresql/root.crt).";
        }
        if (certificate || all.contains("certificate") || all.contains("hostname") && all.contains("ssl")) {
            return server + " did not pass the TLS check (sslmode=" + mode + "): its certificate is not signed by the"
                    + " authority in sslrootcert, or does not name the host; check sslrootcert and the host name, or"
                    + " ask the server's administrator.";
        }
        if (all.contains("does not support ssl")) {
            return server + " offers no TLS, but sslmode=" + mode + " requires it; ask its administrator to turn TLS"
                    + " on, or lower sslmode.";
        }
        if (all.contains("pg_hba.conf") && all.contains("no encryption")) {
            return server + " accepts user " + where.user() + " only over TLS (pg_hba.conf), but sslmode=" + mode
                    + " does not use it; use sslmode=prefer (the default) or require.";
        }
        return null;
    }
}
