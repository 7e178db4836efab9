package org.sitmap.ui.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.DefaultStore;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentStore;

/** Wires File → Import data… to the window's store. */
public final class DataImports {
    private DataImports() { }

    /**
     * Imports one file into the store at {@code db} (null: the default store) through a short-lived connection,
     * as {@code sitmap import} does (format detected, one transaction, default mode); returns the report.
     */
    public static DataImportViewModel.FileImporter importer(Path db) {
        return (file, control) -> {
            try (IncidentStore s = DefaultStore.open(db);
                 IncidentReader r = org.sitmap.store.StoreFileReader.open(file, "auto",
                         new ReaderContext(s.factions(), null, s::places))) {
                return s.importAll(r, ImportOptions.DEFAULT, control::rows, control::cancelled).describe();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The view model for the window: imports on {@code worker}, results on the FX thread, then {@code reload}. */
    public static DataImportViewModel viewModel(Executor worker, Path db, Runnable reload) {
        return new DataImportViewModel(worker, Platform::runLater, importer(db), reload);
    }
}
