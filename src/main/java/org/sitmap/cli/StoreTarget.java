package org.sitmap.cli;

import java.nio.file.Path;
import org.sitmap.model.InputException;
import org.sitmap.seed.DefaultStore;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.pg.PgStore;
import org.sitmap.store.pg.PgEnvironment;
import org.sitmap.store.pg.PgLocation;
import picocli.CommandLine;

/**
 * What {@code --db} names: a store file, or a team server (a libpq URI or {@code service=NAME}, completed from the
 * environment, the service file and the password file as libpq does). A password written into the address draws a
 * note on stderr, because other users may read a command line. {@link #open} and {@link #openForReading} pick the
 * store for it: a GeoPackage file (the default store when none is named) or a {@link PgStore}.
 */
record StoreTarget(Path file, PgLocation server, String text) {
    /** The file of {@code target}, null for the default store; one line when it names a server {@code what} cannot use yet. */
    static Path file(StoreTarget target, String what) {
        if (target == null) return null;
        if (target.server() != null) {
            throw new InputException(null, 0, what + " does not work on a team server yet; take the store away with"
                    + " sitmap export --db " + target.server().display() + " --out copy.gpkg and use that.");
        }
        return target.file();
    }

    /**
     * The server of {@code target}, or null when it names a file or nothing; a password written into the address
     * draws a note on the command's stderr.
     */
    static PgLocation server(StoreTarget target, CommandLine.Model.CommandSpec spec) {
        if (target == null || target.server() == null) return null;
        if (target.server().passwordInAddress()) {
            spec.commandLine().getErr().println("sitmap: note: a password in --db can be seen by other users of this"
                    + " machine (process list, shell history); use PGPASSWORD or ~/.pgpass instead");
        }
        return target.server();
    }

    /** The store {@code target} names, opened for imports and gazetteer writes (the default store when null). */
    static IncidentStorage open(StoreTarget target, CommandLine.Model.CommandSpec spec) {
        PgLocation server = server(target, spec);
        if (server != null) return PgStore.open(server.forWrites());
        return DefaultStore.open(target == null ? null : target.file());
    }

    /** The store {@code target} names, opened for reading only (the default store when null). */
    static IncidentStorage openForReading(StoreTarget target, CommandLine.Model.CommandSpec spec) {
        PgLocation server = server(target, spec);
        if (server != null) return PgStore.open(server.forBrowsing());
        return DefaultStore.openForReading(target == null ? null : target.file());
    }

    /** picocli's converter for {@code --db}. */
    static final class Converter implements CommandLine.ITypeConverter<StoreTarget> {
        @Override
        public StoreTarget convert(String value) {
            if (!PgLocation.isServer(value)) return new StoreTarget(Path.of(value), null, value);
            return new StoreTarget(null, PgLocation.parse(value, PgEnvironment.system()), value);
        }
    }
}
