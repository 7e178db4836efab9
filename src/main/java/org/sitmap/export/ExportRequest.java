package org.sitmap.export;

import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitmap.model.BBox;
import org.sitmap.model.EventType;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;

/**
 * The {@code sitmap export} command line that reproduces a snapshot spec: the window shows it under its export
 * dialog so a briefer can redo the same picture from a script, and tests feed it back into the command to prove
 * both paths build the same spec.
 */
public final class ExportRequest {
    private ExportRequest() { }

    /** Arguments after {@code sitmap export} for {@code spec} written to {@code out} ({@code db} may be null). */
    public static List<String> arguments(SnapshotSpec spec, Path db, Path out, Period step) {
        List<String> a = new ArrayList<>();
        if (db != null) add(a, "--db", db.toString());
        add(a, "--out", out.toString());
        FilterSpec f = spec.filter();
        if (f.from() != null) add(a, "--from", f.from().toString());
        if (f.to() != null) add(a, "--to", f.to().toString());
        if (f.noFaction()) throw new IllegalArgumentException("every faction is off: there is nothing to export");
        for (String c : new java.util.TreeSet<>(f.factions())) add(a, "--faction", c);
        if (!f.factions().isEmpty() && f.factionRule() == org.sitmap.model.FactionRule.PRIMARY) {
            add(a, "--faction-rule", "primary");
        }
        for (EventType t : EventType.values()) if (f.eventTypes().contains(t)) add(a, "--type", t.label());
        for (SubEventType t : SubEventType.values()) if (f.subEventTypes().contains(t)) add(a, "--type", t.label());
        if (!f.text().isBlank()) add(a, "--text", f.text());
        BBox fb = f.bbox();
        if (fb != null) add(a, "--filter-bbox", box(fb));
        if (spec.bbox() != null) add(a, "--bbox", box(spec.bbox()));
        if (spec.centerLat() != null) {
            add(a, "--center", num(spec.centerLat()) + "," + num(spec.centerLon()));
            add(a, "--zoom", num(spec.zoom()));
        }
        if (spec.paper() != null) {
            add(a, "--paper", spec.paper().name());
            add(a, "--dpi", Integer.toString(spec.dpi()));
            if (!spec.landscape()) a.add("--portrait");
        } else {
            add(a, "--width", Integer.toString(spec.width()));
            add(a, "--height", Integer.toString(spec.height()));
            if (spec.dpi() != SnapshotSpec.SCREEN_DPI) add(a, "--dpi", Integer.toString(spec.dpi()));
        }
        if (!spec.title().isBlank()) add(a, "--title", spec.title());
        if (!spec.subtitle().isBlank()) add(a, "--subtitle", spec.subtitle());
        if (!spec.marking().isBlank()) add(a, "--marking", spec.marking());
        if (spec.mode() != IncidentPainter.Mode.AUTO) add(a, "--mode", spec.mode().name().toLowerCase(Locale.ROOT));
        Map<Element, Corner> els = spec.elements();
        for (Element e : Element.values()) {
            if (e == Element.MARKING) continue;
            if (!els.containsKey(e)) {
                a.add("--no-" + e.option());
            } else if (e.defaultCorner() != null && els.get(e) != e.defaultCorner()) {
                add(a, "--" + e.option() + "-corner", compass(els.get(e)));
            }
        }
        if (step != null && MapExport.extension(out).equals("gif") && !step.equals(Period.ofWeeks(1))) {
            add(a, "--step", step.getMonths() > 0 ? step.getMonths() + "m" : step.getDays() + "d");
        }
        if (spec.offline()) a.add("--offline");
        return a;
    }

    /** The arguments as one shell line ({@code sitmap export ...}), single-quoting where needed. */
    public static String shellLine(List<String> args) {
        StringBuilder sb = new StringBuilder("sitmap export");
        for (String s : args) {
            sb.append(' ');
            sb.append(s.matches("[A-Za-z0-9_./:,=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** NW, NE, SW, SE. */
    public static String compass(Corner c) {
        return switch (c) {
            case TOP_LEFT -> "NW";
            case TOP_RIGHT -> "NE";
            case BOTTOM_LEFT -> "SW";
            case BOTTOM_RIGHT -> "SE";
        };
    }

    private static String box(BBox b) {
        return num(b.minLon()) + "," + num(b.minLat()) + "," + num(b.maxLon()) + "," + num(b.maxLat());
    }

    /** A number as Java prints a double (round-trips exactly). */
    private static String num(double d) {
        return Double.toString(d);
    }

    private static void add(List<String> a, String opt, String value) {
        a.add(opt);
        a.add(value);
    }
}
