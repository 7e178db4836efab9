package org.sitmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code sitmap import [--db FILE|SERVER] [--format F] [--date D] [--strict] [--review] [--dry-run] PATH...}: imports each
 * file (a folder: each file in it) in its own transaction and prints its report.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import incidents into the store, one transaction per file.",
                "Rows already known (same source key, same content) are skipped; changed ones are updated."})
final class ImportCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SitmapCommand parent;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (by content, then extension) or a format: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatNames.class)
    String format;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD|YYYY-MM",
            description = "Publication date of a news article (YYYY-MM when only the month is known).")
    String date;

    @Option(names = "--strict", description = "Refuse the whole file at the first bad row (nothing stored).")
    boolean strict;

    @Option(names = "--review", description = "Print every incident read, with its evidence, before the report.")
    boolean review;

    @Option(names = "--dry-run", description = "Read and report everything but store nothing.")
    boolean dryRun;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    /** The names for {@code --format}. */
    static final class FormatNames extends ArrayList<String> {
        FormatNames() {
            super(Formats.names());
            add("gpkg");
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!Formats.names().contains(format) && !format.equals("gpkg")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format
                    + "' (known: " + String.join(", ", Formats.names()) + ", gpkg)");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = expand(paths);
        int failed = 0;
        try (IncidentStorage store = StoreTarget.open(parent.db, spec)) {
            ArticleDate published = articleDate();
            ReaderContext ctx = new ReaderContext(store.factions(), published == null ? null : published.date(),
                    published == null ? null : published.precision(), store::places);
            for (Path file : files) {
                List<Incident> seen = new ArrayList<>();
                ImportReport report;
                try (IncidentReader reader = org.sitmap.store.gpkg.StoreFileReader.open(file, format, ctx)) {
                    report = store.importAll(review ? recording(reader, seen) : reader,
                            new ImportOptions(strict, dryRun), n -> { });
                }
                if (review) for (Incident i : seen) out.println(Review.line(i));
                failed += print(report);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** Prints one file's report; 1 when nothing of the file was accepted (said on stderr), else 0. */
    private int print(ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.describe() + (dryRun ? "\n  dry run: nothing was stored" : ""));
        out.flush();
        if (!report.nothingAccepted()) return 0;
        ImportReport.Rejection first = report.rejections().get(0);
        PrintWriter err = spec.commandLine().getErr();
        err.println("sitmap: " + report.file() + ": nothing imported, all " + String.format(java.util.Locale.ROOT, "%,d",
                report.rejected()) + " rows were rejected (first, line " + first.line() + ": " + first.reason()
                + "); fix the rows listed above and import the file again");
        err.flush();
        return 1;
    }

    /** The {@code --date} value, or null; a usage error when it is neither a day nor a month. */
    private ArticleDate articleDate() {
        if (date == null) return null;
        try {
            return ArticleDate.parse(date);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--date: " + e.getMessage());
        }
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static IncidentReader recording(IncidentReader r, List<Incident> seen) {
        return new IncidentReader() {
            @Override public String file() { return r.file(); }
            @Override public String format() { return r.format(); }
            @Override public ParsedRow next() throws IOException {
                ParsedRow row = r.next();
                if (row != null && !row.isRejected()) seen.add(row.incident());
                return row;
            }
            @Override public void close() throws IOException { r.close(); }
        };
    }
}
