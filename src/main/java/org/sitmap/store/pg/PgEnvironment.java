package org.sitmap.store.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What libpq would read besides the address itself: the {@code PG*} environment variables, the connection service
 * files and the password file. Tests give their own variables and home folder, so nothing of the machine leaks in.
 *
 * <p>Order, as libpq documents it: a parameter given in the address wins, then the service file's, then the
 * environment variable, then the default. The password comes from the address, else {@code PGPASSWORD}, else the
 * first matching line of the password file ({@code passfile}, {@code PGPASSFILE} or {@code ~/.pgpass}), which is
 * ignored with a warning when others may read it.
 */
public final class PgEnvironment {
    private static final Logger LOG = Logger.getLogger(PgEnvironment.class.getName());
    private static final Map<String, String> VARIABLES = Map.of("host", "PGHOST", "port", "PGPORT",
            "dbname", "PGDATABASE", "user", "PGUSER", "sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT",
            "connect_timeout", "PGCONNECT_TIMEOUT", "target_session_attrs", "PGTARGETSESSIONATTRS",
            "application_name", "PGAPPNAME");

    private final Map<String, String> variables;
    private final Path home;
    private final String osUser;

    /** An environment of {@code variables}, a home folder and the operating-system user name. */
    public PgEnvironment(Map<String, String> variables, Path home, String osUser) {
        this.variables = Map.copyOf(variables);
        this.home = home;
        this.osUser = osUser;
    }

    /** This process's environment. */
    public static PgEnvironment system() {
        return new PgEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"));
    }

    String get(String variable) {
        String v = variables.get(variable);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The service files searched, user file first. */
    List<Path> serviceFiles() {
        List<Path> files = new ArrayList<>();
        if (get("PGSERVICEFILE") != null) files.add(Path.of(get("PGSERVICEFILE")));
        else files.add(home.resolve(".pg_service.conf"));
        if (get("PGSYSCONFDIR") != null) files.add(Path.of(get("PGSYSCONFDIR"), "pg_service.conf"));
        else files.add(Path.of("/etc/postgresql-common/pg_service.conf"));
        return files;
    }

    String serviceFilesSearched() {
        return String.join(" or ", serviceFiles().stream().map(Path::toString).toList());
    }

    /** The parameters of {@code service} from the first file that defines it, or null. */
    Map<String, String> service(String service) {
        for (Path file : serviceFiles()) {
            if (!Files.isReadable(file)) continue;
            try {
                Map<String, String> found = readService(Files.readAllLines(file, StandardCharsets.UTF_8), service);
                if (found != null) return found;
            } catch (IOException e) {
                LOG.warning("cannot read the service file " + file + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static Map<String, String> readService(List<String> lines, String service) {
        Map<String, String> found = null;
        boolean inside = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                if (found != null) return found;
                inside = line.substring(1, line.length() - 1).strip().equals(service);
                if (inside) found = new LinkedHashMap<>();
            } else if (inside) {
                int eq = line.indexOf('=');
                if (eq > 0) found.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return found;
    }

    /** Completes {@code params} from the environment, the defaults and the password sources. */
    void fillDefaults(Map<String, String> params) {
        for (Map.Entry<String, String> e : VARIABLES.entrySet()) {
            if (params.get(e.getKey()) == null && get(e.getValue()) != null) params.put(e.getKey(), get(e.getValue()));
        }
        params.putIfAbsent("host", "localhost");
        params.putIfAbsent("port", "5432");
        params.putIfAbsent("user", osUser);
        params.putIfAbsent("dbname", params.get("user"));
        if (params.get("password") == null && get("PGPASSWORD") != null) params.put("password", get("PGPASSWORD"));
        if (params.get("password") == null) {
            String p = fromPasswordFile(params);
            if (p != null) params.put("password", p);
        }
    }

    private String fromPasswordFile(Map<String, String> params) {
        String name = params.getOrDefault("passfile", get("PGPASSFILE"));
        Path file = name != null ? Path.of(name) : home.resolve(".pgpass");
        if (!Files.isRegularFile(file)) return null;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                LOG.warning("password file " + file + " can be read by others; it is ignored (chmod 0600 it)");
                return null;
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: libpq does not check there either
        }
        String host = params.get("host").split(",")[0];
        String port = params.get("port").split(",")[0];
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                List<String> f = splitPassLine(line);
                if (f.size() < 5) continue;
                if (matches(f.get(0), host) && matches(f.get(1), port) && matches(f.get(2), params.get("dbname"))
                        && matches(f.get(3), params.get("user"))) {
                    return f.get(4);
                }
            }
        } catch (IOException e) {
            LOG.warning("cannot read the password file " + file + ": " + e.getMessage());
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        return "*".equals(pattern) || pattern.equals(value);
    }

    /** Splits a password-file line at unescaped colons; {@code \:} and {@code \\} stand for themselves. */
    static List<String> splitPassLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                b.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        fields.add(b.toString());
        return fields;
    }
}
