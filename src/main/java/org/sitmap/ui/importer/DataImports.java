package org.sitmap.ui.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.ui.session.Workspace;

/** Wires File → Import data… to the window's workspace. */
public final class DataImports {
    private DataImports() { }

    /**
     * Imports one file through the workspace's store, as {@code sitmap import} does (format detected, one
     * transaction, default mode); returns the report. Runs on the worker.
     */
    public static DataImportViewModel.FileImporter importer(Workspace workspace) {
        return (file, control) -> workspace.write(s -> {
            try (IncidentReader r = org.sitmap.store.gpkg.StoreFileReader.open(file, "auto",
                    new ReaderContext(s.factions(), null, s::places))) {
                return s.importAll(r, ImportOptions.DEFAULT, control::rows, control::cancelled).describe();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The view model for the window: imports into the workspace's store on its worker, then reloads it. */
    public static DataImportViewModel viewModel(Workspace workspace) {
        return new DataImportViewModel(workspace, importer(workspace));
    }
}
