package org.sitmap.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, in the order measured, with their targets; printed as a table and written as
 * JSON with the keys of the issue ({@code incidents}, {@code import_rows_per_s}, {@code filter_ms} ...; each
 * timing an object {@code {"median": .., "p95": ..}}).
 */
public final class BenchResult {
    private final int incidents;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    public BenchResult(int incidents) {
        this.incidents = incidents;
    }

    public int incidents() { return incidents; }

    /** Records a timing under {@code key} (ending in {@code _ms}). */
    public void timing(String key, Timing t, String target) {
        values.put(key, t);
        if (target != null) targets.put(key, target);
    }

    /** Records a plain number (rows/s, MB). */
    public void number(String key, double v, String target) {
        values.put(key, v);
        if (target != null) targets.put(key, target);
    }

    /** A remark printed under the table (e.g. the SQLite/in-memory ratio). */
    public void note(String key, String text) { notes.put(key, text); }

    public Object get(String key) { return values.get(key); }

    /** The JSON document. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n  \"incidents\": ").append(incidents);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(",\n  \"").append(e.getKey()).append("\": ");
            if (e.getValue() instanceof Timing t) {
                sb.append(String.format(Locale.ROOT, "{\"median\": %.3f, \"p95\": %.3f}", t.median(), t.p95()));
            } else {
                sb.append(String.format(Locale.ROOT, "%.1f", (Double) e.getValue()));
            }
        }
        return sb.append("\n}\n").toString();
    }

    /** A fixed-width table for the terminal. */
    public String toTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %12s %12s   %s%n", "measure (" + incidents + ")",
                "median", "p95", "target"));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String target = targets.getOrDefault(e.getKey(), "");
            if (e.getValue() instanceof Timing t) {
                sb.append(String.format(Locale.ROOT, "%-24s %12.2f %12.2f   %s%n", e.getKey(), t.median(), t.p95(), target));
            } else {
                sb.append(String.format(Locale.ROOT, "%-24s %12.0f %12s   %s%n", e.getKey(), (Double) e.getValue(), "", target));
            }
        }
        for (String n : notes.values()) sb.append(n).append('\n');
        return sb.toString();
    }
}
