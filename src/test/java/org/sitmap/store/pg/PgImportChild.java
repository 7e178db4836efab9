package org.sitmap.store.pg;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/**
 * A separate process that imports one file into a team store, for the test that kills an import mid-way: prints
 * "staging N" as rows stream, so the test knows the COPY is under way. Arguments: URI, file.
 */
public final class PgImportChild {
    private PgImportChild() {
    }

    public static void main(String[] args) throws Exception {
        PgLocation where = PgLocation.parse(args[0], new PgEnvironment(Map.of(), Path.of("/nonexistent"), "nobody"));
        try (Connection c = PgConnections.open(where);
             IncidentReader r = StoreFileReader.open(Path.of(args[1]), "auto",
                     new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
            new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped()).run(r, ImportOptions.DEFAULT, n -> {
                System.out.println("staging " + n);
                System.out.flush();
            });
        }
        System.out.println("done");
    }
}
