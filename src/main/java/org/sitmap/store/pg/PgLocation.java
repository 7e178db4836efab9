package org.sitmap.store.pg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.sitmap.model.InputException;

/**
 * A team store on a PostgreSQL server, named as libpq names it: a connection URI
 * ({@code postgresql://alice@db.example:5432/team?sslmode=verify-full}, several hosts separated by commas) or
 * keyword/value text ({@code service=team}, {@code host=db dbname=team}). Missing parameters come from the service
 * file, then from the {@code PG*} environment variables, then from libpq's defaults; the password from the URI (not
 * advised), {@code PGPASSWORD} or the password file, in that order (see {@link PgEnvironment}).
 *
 * <p>The password is held only in {@link #jdbcProperties()}; {@link #toString()} and {@link #display()} never show
 * it, so a location may be logged or reported.
 */
public final class PgLocation {
    /** Parameters Sitmap passes on; others are refused by name, as libpq refuses unknown ones. */
    private static final Set<String> KNOWN = Set.of("host", "hostaddr", "port", "dbname", "user", "password",
            "service", "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name",
            "target_session_attrs", "options", "passfile");

    private final Map<String, String> params;
    private boolean passwordInAddress;
    private final List<String> hosts;
    private final List<Integer> ports;

    private PgLocation(Map<String, String> params) throws InputException {
        this.params = params;
        this.hosts = List.of(params.getOrDefault("host", "localhost").split(",", -1));
        String[] portTexts = params.getOrDefault("port", "5432").split(",", -1);
        if (portTexts.length != 1 && portTexts.length != hosts.size()) {
            throw bad("The server address names " + hosts.size() + " hosts but " + portTexts.length
                    + " ports; give one port, or one per host.");
        }
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String t = portTexts[portTexts.length == 1 ? 0 : i].trim();
            p.add(parsePort(t.isEmpty() ? "5432" : t));
        }
        this.ports = List.copyOf(p);
        for (String h : hosts) {
            if (h.isBlank()) throw bad("The server address has an empty host name.");
        }
    }

    /** True when {@code text} names a server rather than a file (a URI, or libpq keyword/value text). */
    public static boolean isServer(String text) {
        if (text == null) return false;
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.matches("^[a-z_]+\\s*=.*");
    }

    /**
     * Reads {@code text} and completes it from the service file, the environment and the password file.
     *
     * @throws InputException with a one-line message (never containing a password) when the text is malformed, the
     *     service is not found or a parameter is unknown
     */
    public static PgLocation parse(String text, PgEnvironment env) throws InputException {
        Map<String, String> given = text.trim().matches("(?i)^postgres(ql)?://.*") ? fromUri(text.trim())
                : fromKeywords(text.trim());
        for (String k : given.keySet()) {
            if (!KNOWN.contains(k)) {
                throw bad("Unknown connection parameter \"" + k + "\" in the server address.");
            }
        }
        Map<String, String> all = new LinkedHashMap<>();
        String service = given.getOrDefault("service", env.get("PGSERVICE"));
        if (service != null && !service.isBlank()) {
            Map<String, String> fromService = env.service(service);
            if (fromService == null) {
                throw bad("No service \"" + service + "\" in " + env.serviceFilesSearched()
                        + "; check the name or the file.");
            }
            for (String k : fromService.keySet()) {
                if (!KNOWN.contains(k)) {
                    throw bad("Unknown connection parameter \"" + k + "\" in service \"" + service
                            + "\".");
                }
            }
            all.putAll(fromService);
        }
        all.putAll(given);
        env.fillDefaults(all);
        PgLocation l = new PgLocation(all);
        l.passwordInAddress = given.containsKey("password");
        return l;
    }

    private static Map<String, String> fromUri(String uri) throws InputException {
        Map<String, String> m = new LinkedHashMap<>();
        String rest = uri.substring(uri.indexOf("://") + 3);
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        if (q >= 0) rest = rest.substring(0, q);
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && slash + 1 < rest.length()) m.put("dbname", decode(rest.substring(slash + 1)));
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                m.put("password", decode(userInfo.substring(colon + 1)));
                userInfo = userInfo.substring(0, colon);
            }
            if (!userInfo.isEmpty()) m.put("user", decode(userInfo));
        }
        if (!authority.isEmpty()) {
            List<String> hs = new ArrayList<>();
            List<String> ps = new ArrayList<>();
            for (String hp : authority.split(",", -1)) {
                String host = hp;
                String port = "";
                if (hp.startsWith("[")) {
                    int close = hp.indexOf(']');
                    if (close < 0) throw bad("The server address has an unclosed \"[\" in its host.");
                    host = hp.substring(1, close);
                    if (hp.length() > close + 1 && hp.charAt(close + 1) == ':') port = hp.substring(close + 2);
                } else if (hp.lastIndexOf(':') >= 0) {
                    host = hp.substring(0, hp.lastIndexOf(':'));
                    port = hp.substring(hp.lastIndexOf(':') + 1);
                }
                hs.add(decode(host));
                ps.add(port);
            }
            if (hs.stream().anyMatch(h -> !h.isEmpty())) m.put("host", String.join(",", hs));
            if (ps.stream().anyMatch(p -> !p.isEmpty())) m.put("port", String.join(",", ps));
        }
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) throw bad("The server address has a parameter without a value.");
                m.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return m;
    }

    private static Map<String, String> fromKeywords(String text) throws InputException {
        Map<String, String> m = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n) break;
            int eq = text.indexOf('=', i);
            if (eq < 0) throw bad("The server address has a word without \"=value\".");
            String key = text.substring(i, eq).trim();
            i = eq + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            StringBuilder v = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (i < n && text.charAt(i) != '\'') {
                    if (text.charAt(i) == '\\' && i + 1 < n) i++;
                    v.append(text.charAt(i++));
                }
                if (i >= n) throw bad("The server address has an unclosed quote.");
                i++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\\' && i + 1 < n) i++;
                    v.append(text.charAt(i++));
                }
            }
            m.put(key, v.toString());
        }
        return m;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int parsePort(String t) throws InputException {
        try {
            int p = Integer.parseInt(t);
            if (p > 0 && p < 65536) return p;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw bad("The server address has an invalid port \"" + t + "\".");
    }

    static InputException bad(String message) {
        return new InputException(null, 0, message);
    }

    /** The database name. */
    public String database() {
        return params.get("dbname");
    }

    /** The user name the server will see. */
    public String user() {
        return params.get("user");
    }

    /** The hosts, in the order they are tried. */
    public List<String> hosts() {
        return hosts;
    }

    /** The port of each host. */
    public List<Integer> ports() {
        return ports;
    }

    /** True when a password is known (from the URI, {@code PGPASSWORD} or the password file). */
    public boolean hasPassword() {
        return params.get("password") != null;
    }

    /**
     * True when the address itself holds the password: other users of the machine may see it in the process list,
     * so the commands advise {@code PGPASSWORD} or the password file instead.
     */
    public boolean passwordInAddress() {
        return passwordInAddress;
    }

    /** A copy of this location with {@code password} (e.g. typed into the window's prompt). */
    public PgLocation withPassword(char[] password) throws InputException {
        Map<String, String> m = new LinkedHashMap<>(params);
        m.put("password", new String(password));
        return new PgLocation(m);
    }

    /**
     * This location for imports and other writes. With several hosts (a primary and its standbys) the connection
     * goes to the one that accepts writes, as libpq's {@code target_session_attrs=read-write} chooses it, whatever
     * the address asked for browsing; with one host it is this location.
     */
    public PgLocation forWrites() {
        String asked = params.get("target_session_attrs");
        if (hosts.size() < 2 || "read-write".equals(asked) || "primary".equals(asked)) return this;
        return with("target_session_attrs", "read-write");
    }

    /**
     * This location for a window's browsing and read-only commands. With several hosts and no
     * {@code target_session_attrs} in the address (or the service and environment), a standby is preferred
     * ({@code prefer-standby}), so that readers spare the primary; an address that says what it wants keeps it.
     */
    public PgLocation forBrowsing() {
        if (hosts.size() < 2 || params.containsKey("target_session_attrs")) return this;
        return with("target_session_attrs", "prefer-standby");
    }

    private PgLocation with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(params);
        m.put(key, value);
        try {
            PgLocation l = new PgLocation(m);
            l.passwordInAddress = passwordInAddress;
            return l;
        } catch (InputException e) {
            throw new IllegalStateException("a valid location became invalid", e);
        }
    }

    /** The pgJDBC URL (hosts, ports, database; no user or password). */
    public String jdbcUrl() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://");
        for (int i = 0; i < hosts.size(); i++) {
            if (i > 0) b.append(',');
            String h = hosts.get(i);
            b.append(h.contains(":") ? "[" + h + "]" : h).append(':').append(ports.get(i));
        }
        return b.append('/').append(encodePath(database())).toString();
    }

    private static String encodePath(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The pgJDBC connection properties, password included: hand them to the driver only. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        put(p, "user", params.get("user"));
        put(p, "password", params.get("password"));
        put(p, "sslmode", params.getOrDefault("sslmode", "prefer"));
        put(p, "sslrootcert", params.get("sslrootcert"));
        put(p, "sslcert", params.get("sslcert"));
        put(p, "sslkey", params.get("sslkey"));
        put(p, "options", params.get("options"));
        put(p, "ApplicationName", params.getOrDefault("application_name", "sitmap"));
        String timeout = params.getOrDefault("connect_timeout", "10");
        put(p, "connectTimeout", timeout);
        put(p, "loginTimeout", timeout);
        put(p, "socketTimeout", "0");
        put(p, "tcpKeepAlive", "true");
        put(p, "targetServerType", targetServerType(params.get("target_session_attrs")));
        // pgJDBC must not look for passwords or services on its own: this class has done it, as libpq does.
        put(p, "service", null);
        return p;
    }

    private static String targetServerType(String attrs) {
        if (attrs == null) return "any";
        return switch (attrs) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> "any";
        };
    }

    private static void put(Properties p, String k, String v) {
        if (v != null) p.setProperty(k, v);
    }

    /** The location as a URI without password, for messages, logs and the window title. */
    public String display() {
        StringBuilder b = new StringBuilder("postgresql://");
        if (user() != null) b.append(user()).append('@');
        for (int i = 0; i < hosts.size(); i++) {
            if (i > 0) b.append(',');
            b.append(hosts.get(i)).append(':').append(ports.get(i));
        }
        return b.append('/').append(database()).toString();
    }

    /** A value of this location as given or completed, never the password. */
    public String parameter(String key) {
        return "password".equals(key) ? null : params.get(key);
    }

    @Override
    public String toString() {
        return display();
    }
}
