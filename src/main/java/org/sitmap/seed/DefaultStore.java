package org.sitmap.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Logger;
import org.sitmap.ingest.GeoJsonReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.StoreLocation;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * Opens the store the user asked for, or the default one; the default store is built on first use from the seed
 * data shipped on the class path ({@link #SEEDS}). Building is atomic: the store is made in a temporary file next
 * to its final place and moved there only when complete, so an interrupted first start leaves nothing half-built.
 */
public final class DefaultStore {
    private static final Logger LOG = Logger.getLogger(DefaultStore.class.getName());

    /** GeoJSON incident files on the class path imported into a new default store. */
    public static final List<String> SEEDS = List.of("data/incidents/seed-incidents.geojson");

    private DefaultStore() { }

    /** Opens {@code db}, or the default store (built from the seeds when missing) when {@code db} is null. */
    public static IncidentStore open(Path db) {
        if (db != null) return IncidentStore.open(db);
        return openDefault(StoreLocation.defaultStore());
    }

    /**
     * Opens {@code db}, or the default store (built from the seeds when missing) when {@code db} is null, for
     * reading only: nothing is written to an existing store ({@link IncidentStore#openReadOnly}).
     */
    public static IncidentStore openForReading(Path db) {
        if (db != null) return IncidentStore.openReadOnly(db);
        Path file = StoreLocation.defaultStore();
        if (!Files.exists(file)) build(file);
        return IncidentStore.openReadOnly(file);
    }

    /** Opens the store at {@code file}, building it from the seeds first when it does not exist. */
    public static IncidentStore openDefault(Path file) {
        if (!Files.exists(file)) build(file);
        return IncidentStore.open(file);
    }

    private static void build(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".building");
            Files.delete(tmp);
            try (IncidentStore store = IncidentStore.open(tmp)) {
                for (String seed : SEEDS) importSeed(store, seed);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
            LOG.fine("built the default store " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the default store " + file, e);
        } finally {
            if (tmp != null) cleanUp(tmp);
        }
    }

    private static void importSeed(IncidentStore store, String resource) throws IOException {
        InputStream in = DefaultStore.class.getResourceAsStream("/" + resource);
        if (in == null) {
            LOG.warning("seed " + resource + " is missing from the class path");
            return;
        }
        try (IncidentReader reader = new GeoJsonReader(in, resource, store.factions())) {
            store.importAll(reader, ImportOptions.DEFAULT, n -> { });
        }
    }

    private static void cleanUp(Path tmp) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(tmp + suffix));
            } catch (IOException e) {
                LOG.warning("cannot remove " + tmp + suffix + ": " + e.getMessage());
            }
        }
    }
}
