package org.sitmap.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;

/**
 * Turns one parsed GeoJSON feature into an incident or a rejection. Properties (all optional unless noted):
 * {@code source_key}; {@code id}; {@code date} (required, yyyy-mm-dd); {@code date_precision} (1-4 or
 * day/week/month/year); {@code end_date}; {@code place}; {@code admin1}; {@code country}; {@code geo_precision}
 * (1-3); {@code event_type} (required, ACLED label); {@code sub_event_type}; {@code factions} (codes);
 * {@code actors} (names, or objects {@code {name, faction}}); {@code actor_factions} (codes parallel to
 * {@code actors}); {@code fatalities} (null: unknown); {@code summary}; {@code source}; {@code origin} (when absent: this file and line);
 * {@code evidence}. A null geometry is an unresolved place; any geometry but a Point is rejected.
 *
 * <p>The key that recognises the event on re-import is {@code source_key}, else {@code geojson:<id>} for a
 * non-numeric id, else a hash of the feature's content (numeric ids are row numbers of some store, not stable).
 */
public final class GeoJsonFeatures {
    private final String file;
    private final FactionCatalog catalog;
    /** Parsed labels: the same few dozen repeat on every row, and parsing one is costly. */
    private final Map<String, Optional<EventType>> eventTypes = new java.util.HashMap<>();
    private final Map<String, Optional<SubEventType>> subEventTypes = new java.util.HashMap<>();
    private final Map<String, String> actorCodes = new java.util.HashMap<>();

    public GeoJsonFeatures(String file, FactionCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    /** A rejection with a reason a user can act on. */
    private static final class Bad extends Exception {
        Bad(String message) { super(message, null, false, false); }
    }

    /** The incident of one feature (a Map as a JSON parser gives it), or the reason it is rejected. */
    public ParsedRow toRow(long line, Object feature) {
        try {
            return ParsedRow.ok(line, toIncident(line, asMap(feature, "feature")));
        } catch (Bad e) {
            return ParsedRow.rejected(line, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ParsedRow.rejected(line, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) throws Bad {
        if (o == null) return Map.of();
        if (!(o instanceof Map)) throw new Bad(what + " must be an object");
        return (Map<String, Object>) o;
    }

    private Incident toIncident(long line, Map<String, Object> f) throws Bad {
        Object type = f.get("type");
        if (type != null && !"Feature".equals(type)) throw new Bad("expected a Feature, found '" + type + "'");
        Map<String, Object> p = GeoJsonAliases.apply(asMap(f.get("properties"), "properties"));
        Incident.Builder b = Incident.builder();
        double[] lonLat = point(f.get("geometry"));
        if (lonLat != null) b.position(lonLat[1], lonLat[0]);
        LocalDate date = date(p, "date");
        if (date == null) throw new Bad("no date");
        b.date(date).endDate(date(p, "end_date"));
        b.datePrecision(datePrecision(p.get("date_precision")));
        b.place(text(p, "place")).admin1(text(p, "admin1")).country(text(p, "country"));
        Object gp = p.get("geo_precision");
        if (gp != null) {
            int code = integer(gp, "geo_precision");
            if (code < 0 || code > 3) throw new Bad("geo_precision must be 1, 2 or 3, not " + code);
            b.geoPrecision(GeoPrecision.ofCode(code));
        }
        String et = text(p, "event_type");
        if (et == null) throw new Bad("no event_type");
        EventType eventType = eventTypes.computeIfAbsent(et, EventType::parse)
                .orElseThrow(() -> new Bad("unknown event_type '" + et + "'"));
        b.eventType(eventType);
        String st = text(p, "sub_event_type");
        if (st != null) {
            SubEventType sub = subEventTypes.computeIfAbsent(st, SubEventType::parse)
                    .orElseThrow(() -> new Bad("unknown sub_event_type '" + st + "'"));
            if (sub.type() != eventType) {
                throw new Bad("sub_event_type '" + st + "' is not a kind of '" + et + "'");
            }
            b.subEventType(sub);
        }
        b.actors(actors(p));
        Object fat = p.get("fatalities");
        if (fat != null) {
            int n = integer(fat, "fatalities");
            if (n < 0) throw new Bad("fatalities must not be negative");
            b.fatalities(n);
        }
        b.summary(text(p, "summary")).source(text(p, "source")).evidence(text(p, "evidence"));
        String origin = text(p, "origin");
        b.origin(origin != null || p.containsKey("origin") ? origin : file + ":" + line);
        b.sourceKey(sourceKey(f, p));
        String revised = text(p, "revised");
        if (revised != null) {
            try {
                java.time.Instant at = java.time.Instant.parse(revised);
                if (!InputGrammar.inRange(at.atZone(java.time.ZoneOffset.UTC).toLocalDate())) {
                    throw new Bad("revised " + cut(revised) + " is outside the years " + InputGrammar.MIN_YEAR + "-"
                            + InputGrammar.MAX_YEAR);
                }
                b.revised(at);
            } catch (java.time.format.DateTimeParseException e) {
                throw new Bad("revised '" + revised + "' is not a UTC time such as 2024-11-27T08:15:00Z");
            }
        }
        return b.build();
    }

    private String sourceKey(Map<String, Object> f, Map<String, Object> p) {
        String key = text(p, "source_key");
        if (key != null) return key;
        Object id = p.containsKey("id") ? p.get("id") : f.get("id");
        if (id instanceof String s && !s.isBlank()) return "geojson:" + s.strip();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(p, f.get("geometry"))
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("geojson:");
            for (int k = 0; k < 12; k++) hex.append(String.format("%02x", d[k] & 0xff));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Map<String, Object> p, Object geometry) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(p).forEach((k, v) -> {
            if (!"id".equals(k)) sb.append(k).append('=').append(v).append('\u001f');
        });
        return sb.append(geometry).toString();
    }

    private double[] point(Object geometry) throws Bad {
        if (geometry == null) return null;
        Map<String, Object> g = asMap(geometry, "geometry");
        if (!"Point".equals(g.get("type"))) throw new Bad("geometry must be a Point, not " + g.get("type"));
        if (!(g.get("coordinates") instanceof List<?> c) || c.size() < 2
                || !(c.get(0) instanceof Number lon) || !(c.get(1) instanceof Number lat)) {
            throw new Bad("a Point needs coordinates [longitude, latitude]");
        }
        double x = lon.doubleValue(), y = lat.doubleValue();
        if (!(x >= -180 && x <= 180) || !(y >= -90 && y <= 90)) {  // also NaN and infinities
            throw new Bad("coordinates [" + x + ", " + y + "] are not longitude, latitude in degrees");
        }
        return new double[] {x, y};
    }

    private static LocalDate date(Map<String, Object> p, String key) throws Bad {
        String s = text(p, key);
        if (s == null) return null;
        LocalDate d = InputGrammar.isoDate(s.strip());
        if (d == null) throw new Bad(key + " '" + cut(s) + "' is not a date (yyyy-mm-dd)");
        String range = InputGrammar.outOfRange(d, key);
        if (range != null) throw new Bad(range);
        return d;
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static DatePrecision datePrecision(Object o) throws Bad {
        if (o == null) return DatePrecision.DAY;
        if (o instanceof Number n) {
            int code = n.intValue();
            if (code < 1 || code > 4 || n.doubleValue() != code) throw new Bad("date_precision must be 1-4, not " + o);
            return DatePrecision.ofCode(code);
        }
        String s = o.toString().strip().toUpperCase(Locale.ROOT);
        try {
            return DatePrecision.valueOf(s);
        } catch (IllegalArgumentException e) {
            if (s.matches("[1-4]")) return DatePrecision.ofCode(Integer.parseInt(s));
            throw new Bad("date_precision must be day, week, month or year (or 1-4), not '" + o + "'");
        }
    }

    private static int integer(Object o, String key) throws Bad {
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9) {
            return n.intValue();
        }
        if (o instanceof String s && s.strip().matches("-?\\d{1,9}")) return Integer.parseInt(s.strip());
        throw new Bad(key + " must be a whole number, not '" + o + "'");
    }

    private static String text(Map<String, Object> p, String key) {
        Object o = p.get(key);
        if (o == null) return null;
        if (o instanceof Map || o instanceof List) return null;
        String s = o.toString();
        return s.isEmpty() ? null : s;
    }

    private List<Actor> actors(Map<String, Object> p) throws Bad {
        List<String> codes = new ArrayList<>();
        Object fo = p.get("factions");
        if (fo != null) {
            if (!(fo instanceof List<?> l)) throw new Bad("factions must be a list of codes");
            for (Object c : l) {
                String code = c == null ? "" : c.toString().strip();
                if (catalog.byCode(code).isEmpty()) throw new Bad("unknown faction code '" + code + "'");
                codes.add(code);
            }
        }
        List<?> parallel = p.get("actor_factions") instanceof List<?> l ? l : List.of();
        List<Actor> actors = new ArrayList<>();
        Object ao = p.get("actors");
        if (ao != null && !(ao instanceof List)) throw new Bad("actors must be a list");
        List<?> list = ao == null ? List.of() : (List<?>) ao;
        for (int i = 0; i < list.size(); i++) {
            Object a = list.get(i);
            String name;
            String code = null;
            if (a instanceof Map<?, ?> m) {
                Object n = m.get("name");
                if (n == null || n.toString().isBlank()) throw new Bad("an actor has no name");
                name = n.toString();
                if (m.get("faction") != null) code = m.get("faction").toString().strip();
            } else if (a instanceof String s && !s.isBlank()) {
                name = s;
            } else {
                throw new Bad("an actor must be a name or an object {name, faction}");
            }
            if (code == null && i < parallel.size() && parallel.get(i) != null) code = parallel.get(i).toString().strip();
            if (code != null && catalog.byCode(code).isEmpty()) throw new Bad("unknown faction code '" + code + "'");
            if (code == null) {
                String byName = actorCodes.computeIfAbsent(name, n -> catalog.codeFor(n).orElse(""));
                code = !byName.isEmpty() ? byName : codes.size() == 1 ? codes.get(0) : Faction.UNKNOWN_CODE;
            }
            actors.add(new Actor(name, code));
        }
        LinkedHashSet<String> covered = new LinkedHashSet<>();
        for (Actor a : actors) covered.add(a.factionCode());
        for (String code : codes) {
            if (!covered.contains(code)) actors.add(new Actor(catalog.byCode(code).get().name(), code));
        }
        if (actors.isEmpty()) throw new Bad("no actors and no factions");
        return actors;
    }
}
