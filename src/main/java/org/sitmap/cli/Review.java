package org.sitmap.cli;

import java.util.Locale;
import org.sitmap.model.Actor;
import org.sitmap.model.Incident;

/** One-incident summaries for {@code import --review}. */
final class Review {
    private Review() { }

    /** Date, place, position, type, actors with factions, fatalities; then the evidence on an indented line. */
    static String line(Incident i) {
        StringBuilder sb = new StringBuilder("  + ").append(i.date());
        if (i.endDate() != null) sb.append("..").append(i.endDate());
        sb.append(" (").append(i.datePrecision().name().toLowerCase(Locale.ROOT)).append(") ")
                .append(i.place() == null ? "(no place)" : i.place());
        if (i.located()) {
            sb.append(String.format(Locale.ROOT, " [%.4f, %.4f %s]", i.latitude(), i.longitude(),
                    i.geoPrecision().name().toLowerCase(Locale.ROOT)));
        } else {
            sb.append(" [unresolved]");
        }
        sb.append(" ").append(i.eventType().label());
        if (i.subEventType() != null) sb.append(" / ").append(i.subEventType().label());
        sb.append(":");
        for (Actor a : i.actors()) sb.append(" ").append(a.factionCode()).append("=").append(a.name()).append(";");
        sb.append(" fatalities ").append(i.fatalities() == null ? "unknown" : i.fatalities());
        if (i.evidence() != null && !i.evidence().isBlank()) {
            sb.append("\n      evidence: ").append(i.evidence().replaceAll("\\s+", " ").strip());
        }
        return sb.toString();
    }
}
