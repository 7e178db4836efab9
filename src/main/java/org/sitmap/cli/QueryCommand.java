package org.sitmap.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sitmap.export.CsvWriter;
import org.sitmap.export.DataExport;
import org.sitmap.export.GeoJsonWriter;
import org.sitmap.model.BBox;
import org.sitmap.model.FilterSpec;
import org.sitmap.store.IncidentStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sitmap query [--db FILE|SERVER] [--from D] [--to D] [--faction C]... [--type T]... [--bbox B] [--text W]
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

    @CommandLine.Mixin
    FilterOptions filterOptions;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Bounding box in degrees.")
    String bbox;

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
        try (IncidentStorage store = StoreTarget.openForReading(parent.db, spec)) {
            FilterSpec filter = filterOptions.toFilter(store.factions(), box, spec.commandLine());
            if (out == null) {
                write(store, filter, fmt, new NonClosing(spec.commandLine().getOut()));
            } else {
                Writer w;
                try {
                    Path parentDir = out.toAbsolutePath().getParent();
                    if (parentDir != null) Files.createDirectories(parentDir);
                    w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new org.sitmap.model.InputException(out.toString(), 0, "cannot write the file ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
                }
                long n;
                try {
                    n = write(store, filter, fmt, w);
                } catch (IOException e) {
                    throw new org.sitmap.model.InputException(out.toString(), 0, ErrorHandling.ioLine(e), e);
                }
                spec.commandLine().getOut().println(n + " incidents written to " + out);
            }
        }
        return 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Streams the matching incidents into {@code w} (closed at the end); returns how many. */
    private static long write(IncidentStorage store, FilterSpec filter, String fmt, Writer w) throws IOException {
        if (fmt.equals("csv")) {
            try (CsvWriter csv = new CsvWriter(w)) {
                return DataExport.stream(store, filter, csv::write);
            }
        }
        try (GeoJsonWriter json = new GeoJsonWriter(w)) {
            return DataExport.stream(store, filter, json::write);
        }
    }

    /** Standard output must stay open after a writer is closed. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(PrintWriter w) { super(w); }

        @Override
        public void close() throws IOException { flush(); }
    }
}
