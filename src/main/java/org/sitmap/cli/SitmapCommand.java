package org.sitmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root {@code sitmap} command. Without a subcommand it starts the window, like {@code sitmap gui}.
 * Exit codes: 0 success, 1 bad input (one line on stderr naming file and line), 2 usage error.
 */
@Command(name = "sitmap", mixinStandardHelpOptions = true, version = "sitmap 0.1.0",
        description = "Map and timeline of conflict incidents.",
        subcommands = {SitmapCommand.GuiCommand.class, ImportCommand.class, QueryCommand.class,
                GazetteerCommand.class, BenchCommand.class, ExportCommand.class, CheckCommand.class, ServerCommand.class,
                CommandLine.HelpCommand.class})
public final class SitmapCommand implements Callable<Integer> {
    /**
     * The store of every command, given before or after the subcommand's name (picocli copies it to each): a
     * GeoPackage file or a team server (see {@link StoreTarget}).
     */
    @Option(names = "--db", paramLabel = "STORE", scope = CommandLine.ScopeType.INHERIT, converter = StoreTarget.Converter.class,
            description = "Store: a GeoPackage file, or a team server (postgresql://user@host:port/database or"
                    + " service=NAME); default: the user's default store.")
    StoreTarget db;

    @Option(names = "--offline", description = "Open no network connection (local basemap only).")
    boolean offline;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print log lines (what was done, warnings, causes of errors) on stderr.")
    boolean verbose;

    final GuiStarter gui;

    public SitmapCommand(GuiStarter gui) {
        this.gui = gui;
    }

    @Override
    public Integer call() {
        startWindow(this, offline, spec);
        return 0;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Opens the window on the store file or the team server {@code --db} names. */
    static void startWindow(SitmapCommand root, boolean offline, CommandLine.Model.CommandSpec spec) {
        org.sitmap.store.pg.PgLocation server = StoreTarget.server(root.db, spec);
        if (server != null) root.gui.startServer(root.db.text(), offline);
        else root.gui.start(StoreTarget.file(root.db, "the window"), offline);
    }

    /** Builds the command line with every subcommand and the project's exit-code and error handling. */
    public static CommandLine commandLine(GuiStarter gui) {
        CommandLine cl = new CommandLine(new SitmapCommand(gui));
        cl.setExitCodeExceptionMapper(ErrorHandling::exitCode);
        cl.setExecutionExceptionHandler(ErrorHandling::handle);
        cl.setParameterExceptionHandler(ErrorHandling::usage);
        cl.setExecutionStrategy(parse -> {
            RunSetup.apply(parse);
            return new CommandLine.RunLast().execute(parse);
        });
        cl.setOut(ErrorHandling.utf8(java.io.FileDescriptor.out));
        cl.setErr(ErrorHandling.utf8(java.io.FileDescriptor.err));
        return cl;
    }

    /** {@code sitmap gui [--db FILE|SERVER] [--offline]}. */
    @Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the map window.")
    static final class GuiCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        SitmapCommand parent;

        @Option(names = "--offline", description = "Open no network connection (local basemap only).")
        boolean offline;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            startWindow(parent, offline || parent.offline, spec);
            return 0;
        }
    }
}
