package org.sitmap.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitmap.model.BBox;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The incident filter options shared by {@code query} and {@code export} ({@code --from --to --faction --type
 * --text}), turned into a {@link FilterSpec} with one usage error per bad value.
 */
final class FilterOptions {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--faction", paramLabel = "CODE", description = "Faction code (SAA, RUS, ISIS ...); repeatable: any of them.")
    List<String> factions = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE",
            description = "ACLED event type or sub-event type (e.g. Battles, \"Air/drone strike\"); repeatable.")
    List<String> types = new ArrayList<>();

    @Option(names = "--text", paramLabel = "WORDS", description = "Words in place, summary or evidence (all must occur).")
    String text;

    /**
     * The filter, with {@code box} as its area ({@code --bbox} of query, {@code --filter-bbox} of export).
     *
     * @throws CommandLine.ParameterException for an unknown faction or type, or {@code --to} before {@code --from}
     */
    FilterSpec toFilter(FactionCatalog catalog, BBox box, CommandLine cmd) {
        Set<String> codes = new LinkedHashSet<>();
        for (String f : factions) {
            String code = f.strip().toUpperCase(Locale.ROOT);
            if (catalog.byCode(code).isEmpty()) {
                throw new CommandLine.ParameterException(cmd, "unknown faction '" + f + "' (known: "
                        + String.join(" ", catalog.byCodeInOrder().keySet()) + ")");
            }
            codes.add(code);
        }
        Set<EventType> eventTypes = EnumSet.noneOf(EventType.class);
        Set<SubEventType> subTypes = EnumSet.noneOf(SubEventType.class);
        for (String t : types) {
            var et = EventType.parse(t);
            if (et.isPresent()) {
                eventTypes.add(et.get());
                continue;
            }
            subTypes.add(SubEventType.parse(t).orElseThrow(() ->
                    new CommandLine.ParameterException(cmd, "unknown event type '" + t + "'")));
        }
        try {
            return new FilterSpec(from, to, codes, eventTypes, subTypes, 0, Set.of(), text, box, List.of(),
                    org.sitmap.model.FactionRule.ANY, false);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }
}
