package org.sitmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sitmap.store.CheckReport;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.StoreLocation;
import org.sitmap.store.gpkg.StoreCheck;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.PgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sitmap check [--db FILE|SERVER] [--quick]}: checks that a store is whole, reading only: a GeoPackage file
 * by {@link StoreCheck}, a team store by its {@link IncidentStorage#check}. Prints a verdict, what was checked, and
 * for a damaged store what is wrong and the steps to recover. Exit status 0 healthy, 1 damaged (or not a store).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that a store is whole: SQLite integrity, GeoPackage metadata, full-text index, incident"
                + " index; on a team server its schema, PostGIS, indexes and incident index. Writes nothing.",
                "Exit status: 0 healthy, 1 damaged."})
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
        CheckReport report;
        PgLocation server = StoreTarget.server(parent.db, spec);
        if (server != null) {
            try (IncidentStorage store = PgStore.open(server.forBrowsing())) {
                report = store.check(quick);
            }
        } else {
            // a file is checked without opening it as a store: a damaged one may not open at all
            Path given = parent.db == null ? null : parent.db.file();
            report = StoreCheck.run(given != null ? given : StoreLocation.defaultStore(), quick).shared();
        }
        spec.commandLine().getOut().println(report.describe());
        spec.commandLine().getOut().flush();
        return report.healthy() ? 0 : 1;
    }
}
