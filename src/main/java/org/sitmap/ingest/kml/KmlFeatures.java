package org.sitmap.ingest.kml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what a Placemark said into a GeoJSON-like feature map for {@code GeoJsonFeatures}: ExtendedData as
 * properties (ACLED-style names such as {@code event_date}, {@code location}, {@code notes}, {@code actor1} are
 * understood too), completed from the name, description, time and Point.
 */
final class KmlFeatures {
    private static final Map<String, String> SYNONYMS = Map.of(
            "event_date", "date", "location", "place", "notes", "summary", "time_precision", "date_precision",
            "event_id_cnty", "source_key");

    private KmlFeatures() { }

    static Map<String, Object> feature(String id, String name, String description, String when, String begin,
                                       String end, String coordinates, Map<String, String> data) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            String k = e.getKey().strip();
            String key = SYNONYMS.getOrDefault(k.toLowerCase(java.util.Locale.ROOT), k);
            if (e.getValue() == null || e.getValue().isEmpty()) continue;
            p.putIfAbsent(key, e.getValue());
        }
        // Sitmap's KML exports before 2026-12 named the precision (exact, near, region) instead of its code
        if (p.get("geo_precision") instanceof String g) p.put("geo_precision", geoPrecisionCode(g));
        for (String listKey : new String[] {"actors", "factions", "actor_factions"}) {
            if (p.get(listKey) instanceof String s) p.put(listKey, split(s));
        }
        if (!p.containsKey("actors")) {
            List<Object> actors = new ArrayList<>();
            for (String k : new String[] {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"}) {
                if (p.get(k) instanceof String s) actors.addAll(split(s));
            }
            if (!actors.isEmpty()) p.put("actors", actors);
        }
        if (!p.containsKey("actors") && !p.containsKey("factions")) p.put("factions", List.of("UNK"));
        if (!p.containsKey("event_type")) {
            p.put("event_type", "Strategic developments");
            if (!p.containsKey("sub_event_type")) p.put("sub_event_type", "Other");
        }
        if (!p.containsKey("date")) time(p, when, begin, end);
        if (!p.containsKey("place") && name != null && !name.isEmpty()) p.put("place", name);
        if (!p.containsKey("summary") && description != null && !description.isEmpty()) {
            p.put("summary", stripTags(description));
        }
        Map<String, Object> geometry = null;
        if (coordinates != null) {
            String[] c = coordinates.strip().split("\\s*,\\s*");
            geometry = new LinkedHashMap<>();
            geometry.put("type", "Point");
            List<Object> xy = new ArrayList<>();
            // decimal numbers only (the shared grammar: no hex, NaN or Infinity); else the Point is rejected
            Double x = c.length >= 2 ? org.sitmap.ingest.InputGrammar.decimal(c[0]) : null;
            Double y = c.length >= 2 ? org.sitmap.ingest.InputGrammar.decimal(c[1]) : null;
            if (x != null && y != null) {
                xy.add(x);
                xy.add(y);
            }
            geometry.put("coordinates", xy);
        }
        if (!p.containsKey("source_key")) {
            p.put("source_key", "kml:" + (id != null && !id.isBlank() ? id.strip()
                    : hash(name, description, when, begin, end, coordinates, data)));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", p);
        return f;
    }

    /** A geo precision word as its code (1-3, 0 unresolved); anything else as it is, to be judged as a number. */
    private static String geoPrecisionCode(String s) {
        for (org.sitmap.model.GeoPrecision g : org.sitmap.model.GeoPrecision.values()) {
            if (g.name().equalsIgnoreCase(s.strip())) return Integer.toString(g.code());
        }
        return s;
    }

    /** TimeStamp or TimeSpan to date, precision and end date (a bad value goes on to be rejected as a date). */
    private static void time(Map<String, Object> p, String when, String begin, String end) {
        String start = when != null ? when : begin;
        if (start == null) return;
        String day = start.length() > 10 && (start.charAt(10) == 'T' || start.charAt(10) == ' ') ? start.substring(0, 10) : start;
        if (day.matches("\\d{4}")) {
            p.put("date", day + "-01-01");
            p.putIfAbsent("date_precision", "year");
        } else if (day.matches("\\d{4}-\\d{2}")) {
            p.put("date", day + "-01");
            p.putIfAbsent("date_precision", "month");
        } else {
            p.put("date", day);
        }
        if (when == null && end != null && !end.isEmpty()) {
            String e = end.length() > 10 ? end.substring(0, 10) : end;
            if (!e.equals(p.get("date")) && e.length() == 10) p.put("end_date", e);
        }
    }

    private static List<Object> split(String s) {
        List<Object> out = new ArrayList<>();
        for (String part : s.split("[;|]")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }

    /** Text without HTML tags and with runs of white space folded. */
    static String stripTags(String html) {
        StringBuilder sb = new StringBuilder(html.length());
        boolean tag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') tag = true;
            else if (c == '>' && tag) { tag = false; sb.append(' '); }
            else if (!tag) sb.append(c);
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static String hash(String name, String description, String when, String begin, String end,
                               String coordinates, Map<String, String> data) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {name, description, when, begin, end, coordinates}) sb.append(s).append('\u001f');
        new TreeMap<>(data).forEach((k, v) -> sb.append(k).append('=').append(v).append('\u001f'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int k = 0; k < 12; k++) hex.append(String.format("%02x", d[k] & 0xff));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
