package org.sitmap.cli;

import java.util.concurrent.Callable;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.ServerInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sitmap server init --db URI}: makes a PostGIS database a team store (see {@link ServerInit}). The address
 * is a libpq URI or {@code service=NAME}; the password comes from {@code PGPASSWORD} or {@code ~/.pgpass} and is
 * never printed.
 */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Manage a team store on a PostgreSQL server.",
        subcommands = {ServerCommand.Init.class, CommandLine.HelpCommand.class})
final class ServerCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SitmapCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code sitmap server init}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Make a PostGIS database a team store: the PostGIS extension (when allowed), the sitmap"
                    + " schema and the group roles sitmap_reader and sitmap_editor. Run by the database's owner;"
                    + " running it again is harmless."})
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        ServerCommand parent;

        @Override
        public Integer call() {
            PgLocation where = StoreTarget.server(parent.parent.db, spec);
            if (where == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--db must name the server"
                        + " (postgresql://user@host:port/database or service=NAME)");
            }
            var out = spec.commandLine().getOut();
            for (String line : ServerInit.run(where)) out.println(line);
            out.println(where.display() + " is a team store. Give analysts a role: GRANT sitmap_reader TO name;"
                    + " (browse) or GRANT sitmap_editor TO name; (also import).");
            out.flush();
            return 0;
        }
    }
}
