package org.sitmap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sitmap.ingest.CsvWriter;
import org.sitmap.ingest.GeoJsonWriter;
import org.sitmap.model.BBox;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;
import org.sitmap.store.DefaultStore;
import org.sitmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code sitmap query [--db FILE] [--from D] [--to D] [--faction C]... [--type T]... [--bbox B] [--text W]
 * [--format geojson|csv] [--out FILE]}: writes the matching incidents, ordered by date then id.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Write the incidents that match every given filter as GeoJSON or CSV.",
                "An incident matches the date window when any day it may have happened on lies inside it."})
final class QueryCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SitmapCommand parent;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", description = "Store file (GeoPackage); default: the user's default store.")
    Path db;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--faction", paramLabel = "CODE", description = "Faction code (SAA, RUS, ISIS ...); repeatable: any of them.")
    List<String> factions = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE",
            description = "ACLED event type or sub-event type (e.g. Battles, \"Air/drone strike\"); repeatable.")
    List<String> types = new ArrayList<>();

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Bounding box in degrees.")
    String bbox;

    @Option(names = "--text", paramLabel = "WORDS", description = "Words in place, summary or evidence (all must occur).")
    String text;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "geojson", description = "geojson (default) or csv.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file; default: standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("geojson") && !fmt.equals("csv")) throw usage("--format must be geojson or csv, not '" + format + "'");
        BBox box = null;
        if (bbox != null) {
            try {
                box = BBox.parse(bbox);
            } catch (IllegalArgumentException e) {
                throw usage("--bbox: " + e.getMessage());
            }
        }
        try (IncidentStore store = DefaultStore.open(db != null ? db : parent.db)) {
            FilterSpec filter = filter(store.factions(), box);
            List<Incident> rows = store.query(filter);
            if (out == null) {
                write(rows, fmt, new NonClosing(spec.commandLine().getOut()));
            } else {
                Path parentDir = out.toAbsolutePath().getParent();
                if (parentDir != null) Files.createDirectories(parentDir);
                write(rows, fmt, new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)));
                spec.commandLine().getOut().println(rows.size() + " incidents written to " + out);
            }
        }
        return 0;
    }

    private FilterSpec filter(FactionCatalog catalog, BBox box) {
        Set<String> codes = new LinkedHashSet<>();
        for (String f : factions) {
            String code = f.strip().toUpperCase(Locale.ROOT);
            if (catalog.byCode(code).isEmpty()) {
                throw usage("unknown faction '" + f + "' (known: " + String.join(" ", catalog.byCodeInOrder().keySet()) + ")");
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
            subTypes.add(SubEventType.parse(t).orElseThrow(() -> usage("unknown event type '" + t + "'")));
        }
        try {
            return new FilterSpec(from, to, codes, eventTypes, subTypes, 0, Set.of(), text, box, List.of());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static void write(List<Incident> rows, String fmt, Writer w) throws IOException {
        if (fmt.equals("csv")) {
            try (CsvWriter csv = new CsvWriter(w)) {
                for (Incident i : rows) csv.write(i);
            }
        } else {
            try (GeoJsonWriter json = new GeoJsonWriter(w)) {
                for (Incident i : rows) json.write(i);
            }
        }
    }

    /** Standard output must stay open after a writer is closed. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(PrintWriter w) { super(w); }

        @Override
        public void close() throws IOException { flush(); }
    }
}
