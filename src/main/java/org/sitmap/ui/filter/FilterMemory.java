package org.sitmap.ui.filter;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.sitmap.model.BBox;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;

/**
 * Keeps the window's filter between sessions in a small properties file: {@code $XDG_CONFIG_HOME/sitmap/filter.properties},
 * else {@code ~/.config/sitmap/filter.properties} (the location is injectable for tests). A missing or unreadable
 * file means "no filter"; a value that no longer parses is dropped, never an error.
 *
 * <p>Threading: blocking file I/O; call {@link #save} on the worker. {@link #load} runs once at start-up.
 */
public final class FilterMemory {
    private static final Logger LOG = Logger.getLogger(FilterMemory.class.getName());
    private final Path file;

    /** @param file the properties file, or null to keep nothing (tests, demos) */
    public FilterMemory(Path file) {
        this.file = file;
    }

    /** Keeps nothing: loads {@link FilterSpec#ALL}, saves nowhere. */
    public static FilterMemory none() { return new FilterMemory(null); }

    /** The default location in the user's config folder. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("sitmap").resolve("filter.properties");
    }

    public Path file() { return file; }

    /** The saved filter, or {@link FilterSpec#ALL}. */
    public FilterSpec load() {
        if (file == null || !Files.isRegularFile(file)) return FilterSpec.ALL;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return decode(p);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring the saved filter " + file, e);
            return FilterSpec.ALL;
        }
    }

    /** Writes the filter (atomically: a temporary file moved over the old one). Failures are logged only. */
    public void save(FilterSpec spec) {
        if (file == null) return;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                encode(spec).store(w, "Sitmap filter (kept between sessions)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot save the filter to " + file, e);
        }
    }

    static Properties encode(FilterSpec s) {
        Properties p = new Properties();
        if (s.from() != null) p.setProperty("from", s.from().toString());
        if (s.to() != null) p.setProperty("to", s.to().toString());
        if (s.noFaction()) p.setProperty("noFaction", "true");
        if (!s.factions().isEmpty()) p.setProperty("factions", String.join(",", new java.util.TreeSet<>(s.factions())));
        if (!s.eventTypes().isEmpty()) p.setProperty("eventTypes", names(s.eventTypes()));
        if (!s.subEventTypes().isEmpty()) p.setProperty("subEventTypes", names(s.subEventTypes()));
        if (s.minFatalities() > 0) p.setProperty("minFatalities", Integer.toString(s.minFatalities()));
        if (!s.datePrecisions().isEmpty()) p.setProperty("datePrecisions", names(s.datePrecisions()));
        if (!s.text().isBlank()) p.setProperty("text", s.text());
        BBox b = s.bbox();
        if (b != null) {
            p.setProperty("bbox", String.format(Locale.ROOT, "%s,%s,%s,%s", b.minLon(), b.minLat(), b.maxLon(), b.maxLat()));
        }
        if (!s.area().isEmpty()) {
            p.setProperty("area", s.area().stream().map(a -> a[0] + " " + a[1]).collect(Collectors.joining(";")));
        }
        return p;
    }

    static FilterSpec decode(Properties p) {
        FilterSpec s = FilterSpec.ALL;
        LocalDate from = date(p.getProperty("from"));
        LocalDate to = date(p.getProperty("to"));
        if (from != null && to != null && to.isBefore(from)) to = null;
        s = s.withDates(from, to);
        String f = p.getProperty("factions", "");
        if (!f.isBlank()) {
            // codes only: a control character (the NUL "none" marker older versions saved) means "no faction"
            Set<String> codes = new LinkedHashSet<>();
            for (String c : f.split(",")) if (c.strip().matches("[A-Za-z0-9_.-]+")) codes.add(c.strip());
            s = codes.isEmpty() ? s.withNoFaction() : s.withFactions(codes);
        }
        if (Boolean.parseBoolean(p.getProperty("noFaction", "false"))) s = s.withNoFaction();
        s = s.withEventTypes(enums(EventType.class, p.getProperty("eventTypes")));
        s = s.withSubEventTypes(enums(SubEventType.class, p.getProperty("subEventTypes")));
        s = s.withDatePrecisions(enums(DatePrecision.class, p.getProperty("datePrecisions")));
        try {
            s = s.withMinFatalities(Math.max(0, Integer.parseInt(p.getProperty("minFatalities", "0").strip())));
        } catch (NumberFormatException e) {
            LOG.fine("minFatalities dropped");
        }
        s = s.withText(p.getProperty("text", ""));
        try {
            if (p.getProperty("bbox") != null) s = s.withBbox(BBox.parse(p.getProperty("bbox")));
        } catch (RuntimeException e) {
            LOG.fine("bbox dropped");
        }
        String area = p.getProperty("area", "");
        if (!area.isBlank()) {
            List<double[]> pts = new ArrayList<>();
            try {
                for (String pair : area.split(";")) {
                    String[] xy = pair.strip().split(" ");
                    pts.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
                if (pts.size() >= 3) s = s.withArea(pts);
            } catch (RuntimeException e) {
                LOG.fine("area dropped");
            }
        }
        return s;
    }

    private static LocalDate date(String v) {
        try {
            return v == null ? null : LocalDate.parse(v.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String names(Set<? extends Enum<?>> set) {
        return set.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String v) {
        Set<E> out = EnumSet.noneOf(type);
        if (v == null || v.isBlank()) return out;
        for (String n : v.split(",")) {
            try {
                out.add(Enum.valueOf(type, n.strip()));
            } catch (IllegalArgumentException e) {
                LOG.fine("unknown " + type.getSimpleName() + " " + n);
            }
        }
        return out;
    }
}
