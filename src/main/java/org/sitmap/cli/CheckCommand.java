package org.sitmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sitmap.store.StoreLocation;
import org.sitmap.store.gpkg.StoreCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sitmap check [--db FILE] [--quick]}: checks that a store is whole (see {@link StoreCheck}), opening it
 * read-only. Prints a verdict, what was checked, and for a damaged store what is wrong and the steps to recover.
 * Exit status 0 healthy, 1 damaged (or not a store).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that a store is whole: SQLite integrity, GeoPackage metadata, full-text index, incident"
                + " index. Writes nothing.", "Exit status: 0 healthy, 1 damaged."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SitmapCommand parent;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "SQLite's quick check (pages and records) and the metadata only: seconds"
            + " on a large store.")
    boolean quick;

    @Override
    public Integer call() {
        Path given = StoreTarget.file(parent.db, "sitmap check");
        Path file = given != null ? given : StoreLocation.defaultStore();
        StoreCheck.Report report = StoreCheck.run(file, quick);
        spec.commandLine().getOut().println(report.describe());
        spec.commandLine().getOut().flush();
        return report.healthy() ? 0 : 1;
    }
}
