package org.sitmap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sitmap.ingest.gazetteer.NameKey;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.StoredPlace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code sitmap gazetteer list} and {@code sitmap gazetteer stats}: what the store's gazetteer holds. */
final class GazetteerListing {
    private GazetteerListing() { }

    /** Reads the gazetteer of the store {@code db} names (a file or a team server); tests replace it. */
    @FunctionalInterface
    interface PlaceReader {
        List<StoredPlace> read(StoreTarget db, CommandLine.Model.CommandSpec spec);
    }

    static PlaceReader reader = (db, spec) -> {
        try (IncidentStorage s = StoreTarget.open(db, spec)) {
            return s.storedPlaces();
        }
    };

    /** {@code sitmap gazetteer list [--db FILE|SERVER] [--source S] [--name TEXT]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the store's gazetteer entries, tab-separated: name, latitude, longitude, precision"
                    + " (1 exact, 2 near, 3 region), events that name the place, source (events:ucdp, events:acled ..."
                    + " for places learned from imported event files; GeoNames ... for a gazetteer file), governorate."})
    static final class ListPlaces implements Callable<Integer> {
        @CommandLine.ParentCommand
        GazetteerCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--source", paramLabel = "S", description = "Only entries whose source starts with S (e.g. events:ucdp).")
        String source;

        @Option(names = "--name", paramLabel = "TEXT", description = "Only entries whose name matches TEXT in any spelling.")
        String name;

        @Override
        public Integer call() {
            String key = name == null ? null : NameKey.key(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("name\tlatitude\tlongitude\tprecision\tevents\tsource\tadmin1");
            for (StoredPlace p : reader.read(parent.db(), spec)) {
                if (source != null && (p.place().source() == null || !p.place().source().startsWith(source))) continue;
                if (key != null && !NameKey.key(p.place().name()).contains(key)) continue;
                out.printf(Locale.ROOT, "%s\t%.5f\t%.5f\t%d\t%d\t%s\t%s%n", p.place().name(), p.place().latitude(),
                        p.place().longitude(), p.precision(), p.events(), p.place().source(),
                        p.place().admin1() == null ? "" : p.place().admin1());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code sitmap gazetteer stats [--db FILE|SERVER]}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Counts the store's gazetteer entries by source and precision, with the events that name"
                    + " them. Articles resolve places against these entries and the shipped gazetteer."})
    static final class Stats implements Callable<Integer> {
        @CommandLine.ParentCommand
        GazetteerCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, long[]> bySource = new TreeMap<>();
            for (StoredPlace p : reader.read(parent.db(), spec)) {
                String src = p.place().source() == null ? "(none)" : p.learned() ? p.place().source()
                        : p.place().source().replaceAll(" \\d+$", "");
                long[] c = bySource.computeIfAbsent(src, k -> new long[5]);
                c[0]++;
                c[Math.max(1, Math.min(3, p.precision()))]++;
                c[4] += p.events();
            }
            PrintWriter out = spec.commandLine().getOut();
            long total = 0;
            out.println("source\tplaces\texact\tnear\tregion\tevents");
            for (Map.Entry<String, long[]> e : bySource.entrySet()) {
                long[] c = e.getValue();
                total += c[0];
                out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%d%n", e.getKey(), c[0], c[1], c[2], c[3], c[4]);
            }
            out.println("total\t" + total);
            out.flush();
            return 0;
        }
    }
}
