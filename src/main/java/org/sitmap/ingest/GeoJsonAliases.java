package org.sitmap.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitmap.ingest.csv.CsvDates;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.GeoPrecision;

/**
 * GeoJSON written by other tools, with their property names, turned into the names {@link GeoJsonFeatures}
 * reads. Applied only to a feature without Sitmap's {@code date} property, so Sitmap's own GeoJSON is read as
 * before. Covers what GDAL writes from Sitmap's store ({@code ogr2ogr -f GeoJSON out.geojson store.gpkg incident}:
 * {@code event_date}, {@code faction_codes}, {@code source_revised}, {@code actors} as JSON), ACLED-like and
 * UCDP-like properties, and the common names: date from {@code event_date, date_start, start_date, start,
 * begin, datetime, time, day, when}; end from {@code end_date, date_end, end, stop, until}; place from
 * {@code location, where_coordinates, name, place_name}; actors from {@code actor1, assoc_actor_1, actor2,
 * assoc_actor_2, side_a, side_b, actor} (or a text list); summary from {@code notes, description}. A feature
 * still without actors is kept under UNK, one without event type as Strategic developments / Other (as KML).
 */
public final class GeoJsonAliases {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String[] DATE = {"event_date", "date_start", "start_date", "start", "begin", "datetime",
            "time", "day", "when"};
    private static final String[] END = {"end_date", "date_end", "end", "stop", "until"};
    private static final String[] PLACE = {"location", "where_coordinates", "name", "place_name"};

    private GeoJsonAliases() { }

    /** The properties with Sitmap's names filled in; the same map when it already has {@code date}. */
    public static Map<String, Object> apply(Map<String, Object> in) {
        if (in.containsKey("date")) return in;
        Map<String, Object> lower = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : in.entrySet()) lower.putIfAbsent(e.getKey().strip().toLowerCase(Locale.ROOT), e.getValue());
        Map<String, Object> p = new LinkedHashMap<>(lower);
        Object date = first(lower, DATE);
        if (date != null) p.put("date", isoDate(date));
        Object end = first(lower, END);
        p.remove("end_date");
        if (end != null && !isoDate(end).equals(p.get("date"))) p.put("end_date", isoDate(end));
        rename(p, lower, "place", PLACE);
        rename(p, lower, "admin1", "adm_1", "admin_1");
        rename(p, lower, "summary", "notes", "description");
        rename(p, lower, "source", "source_office");
        if (!p.containsKey("fatalities") && lower.get("best") != null) p.put("fatalities", lower.get("best"));
        precisions(p, lower);
        ids(p, lower);
        actors(p, lower);
        revision(p, lower);
        if (p.get("event_type") == null) {
            Object tv = lower.get("type_of_violence");
            String v = tv == null ? "" : tv.toString().strip();
            if (v.equals("3")) {
                p.put("event_type", "Violence against civilians");
                p.put("sub_event_type", "Attack");
            } else if (v.equals("1") || v.equals("2")) {
                p.put("event_type", "Battles");
                p.put("sub_event_type", "Armed clash");
            } else {
                p.put("event_type", "Strategic developments");
                if (p.get("sub_event_type") == null) p.put("sub_event_type", "Other");
            }
        }
        return p;
    }

    private static Object first(Map<String, Object> p, String... keys) {
        for (String k : keys) {
            Object v = p.get(k);
            if (v != null && !(v instanceof String s && s.isBlank())) return v;
        }
        return null;
    }

    private static void rename(Map<String, Object> p, Map<String, Object> lower, String to, String... from) {
        if (p.get(to) != null) return;
        Object v = first(lower, from);
        if (v != null) p.put(to, v);
    }

    /** A date written any of the usual ways as yyyy-mm-dd; left as it is when it is none (then rejected). */
    private static String isoDate(Object v) {
        String s = v.toString().strip();
        LocalDate d = CsvDates.parse(s);
        return d != null ? d.toString() : s;
    }

    private static void precisions(Map<String, Object> p, Map<String, Object> lower) {
        if (p.get("date_precision") == null) {
            if (lower.get("time_precision") != null) p.put("date_precision", lower.get("time_precision"));
            else if (lower.get("date_prec") instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5) {
                p.put("date_precision", DatePrecision.ofUcdp(n.intValue()).code());
            }
        }
        if (p.get("geo_precision") == null && lower.get("where_prec") instanceof Number n && n.intValue() >= 1) {
            p.put("geo_precision", GeoPrecision.ofUcdp(Math.min(7, n.intValue())).code());
        }
    }

    private static void ids(Map<String, Object> p, Map<String, Object> lower) {
        if (p.get("source_key") != null) return;
        Object acled = lower.get("event_id_cnty");
        if (acled != null && !acled.toString().isBlank()) {
            p.put("source_key", "acled:" + acled.toString().strip());
        } else if (lower.get("side_a") != null && lower.get("id") != null) {
            p.put("source_key", "ucdp:" + lower.get("id").toString().strip());
        }
    }

    private static void actors(Map<String, Object> p, Map<String, Object> lower) {
        Object a = p.get("actors");
        if (a instanceof String s) {
            String t = s.strip();
            List<Object> parsed = t.startsWith("[") ? jsonList(t) : null;
            p.put("actors", parsed != null ? parsed : split(t, ";|"));
        }
        if (p.get("factions") == null && lower.get("faction_codes") instanceof String codes && !codes.isBlank()) {
            p.put("factions", split(codes, ",;|"));
        } else if (p.get("factions") instanceof String codes) {
            p.put("factions", split(codes, ",;|"));
        }
        if (p.get("actors") == null) {
            List<Object> list = new ArrayList<>();
            for (String k : new String[] {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "actor"}) {
                if (lower.get(k) instanceof String s) list.addAll(split(s, ";"));
            }
            for (String k : new String[] {"side_a", "side_b"}) {
                if (lower.get(k) instanceof String s) list.addAll(split(s, ",;"));
            }
            if (!list.isEmpty()) p.put("actors", list);
        }
        if (p.get("actors") == null && p.get("factions") == null) p.put("factions", List.of("UNK"));
    }

    /** The revision time: {@code source_revised} or ACLED's {@code timestamp}, in Unix seconds. */
    private static void revision(Map<String, Object> p, Map<String, Object> lower) {
        if (p.get("revised") != null) return;
        Object v = first(lower, "source_revised", "timestamp");
        if (v == null) return;
        String s = v.toString().strip();
        if (s.matches("\\d{1,11}")) p.put("revised", Instant.ofEpochSecond(Long.parseLong(s)).toString());
        else p.put("revised", s);
    }

    private static List<Object> split(String s, String separators) {
        List<Object> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : separators.charAt(0);
            if (separators.indexOf(c) >= 0) {
                String t = cur.toString().strip();
                if (!t.isEmpty()) out.add(t);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    /** A JSON list of names or {@code {name, faction}} objects held in a text property; null when it is not one. */
    private static List<Object> jsonList(String text) {
        if (text.length() > 1 << 20) return null;
        try (JsonParser jp = JSON.createParser(text)) {
            if (jp.nextToken() != JsonToken.START_ARRAY) return null;
            List<Object> out = new ArrayList<>();
            JsonToken t;
            while ((t = jp.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    out.add(jp.getText());
                } else if (t == JsonToken.START_OBJECT) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    while (jp.nextToken() == JsonToken.FIELD_NAME) {
                        String k = jp.currentName();
                        JsonToken v = jp.nextToken();
                        if (v == JsonToken.VALUE_STRING) m.put(k, jp.getText());
                        else jp.skipChildren();
                    }
                    out.add(m);
                } else {
                    return null;
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
