package org.sitmap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sitmap.bench.BenchResult;
import org.sitmap.bench.Benchmark;
import org.sitmap.bench.ServerBench;
import org.sitmap.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code sitmap bench [--db postgresql://…] [--incidents N] [--runs R] [--json FILE]}: the project benchmark on
 * synthetic data; prints a table (progress on stderr) and optionally writes the figures as JSON. Without
 * {@code --db} it measures a temporary GeoPackage store ({@link Benchmark}); with a team server, that server
 * ({@link ServerBench}: an empty team store the user may initialise, emptied again at the end).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure import, open, filter, histogram, raster, brush frame, export, heap and article "
                + "extraction on N synthetic incidents clustered on Syrian towns (median and p95 after warm-up).",
                "Uses a temporary folder; the user's stores are not touched.",
                "With --db postgresql://OWNER@HOST:PORT/DB it measures that team server instead: the database must"
                        + " hold no team's data (the bench runs server init, imports, and empties it again)."})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    @CommandLine.ParentCommand
    SitmapCommand parent;

    @Option(names = "--incidents", paramLabel = "N", defaultValue = "100000",
            description = "Synthetic incidents (default ${DEFAULT-VALUE}).")
    int incidents;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "30",
            description = "Measured runs of each fast stage, after as many warm-up runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--frame-only", description = "Build the incidents in memory (no file, import or store) and "
            + "time only filter, histogram, raster, brush frame and the PNG snapshot (ten million in a minute).")
    boolean frameOnly;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (incidents < 1000) throw new IllegalArgumentException("--incidents must be at least 1000");
        if (json != null && json.getParent() != null && !Files.isDirectory(json.getParent())) {
            throw new InputException(json.toString(), 0, "its folder does not exist");
        }
        BenchResult r;
        if (parent != null && parent.db != null) {
            org.sitmap.store.pg.PgLocation server = StoreTarget.server(parent.db, spec);
            if (server == null) {
                throw new InputException(null, 0, "bench measures a temporary store of its own; --db takes only a"
                        + " team server here (postgresql://OWNER@HOST:PORT/DATABASE).");
            }
            if (frameOnly) throw new InputException(null, 0, "--frame-only uses no store; leave out --db.");
            r = new ServerBench(server, incidents, runs, System.err).run();
        } else {
            r = new Benchmark(incidents, runs, System.err, frameOnly).run();
        }
        spec.commandLine().getOut().print(r.toTable());
        spec.commandLine().getOut().printf("machine: %d cores, Java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        spec.commandLine().getOut().flush();
        if (json != null) Files.writeString(json, r.toJson(), StandardCharsets.UTF_8);
        return 0;
    }
}
