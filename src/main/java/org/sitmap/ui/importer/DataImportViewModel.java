package org.sitmap.ui.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sitmap.model.InputException;

/**
 * File → Import data…: imports event data files (ACLED, UCDP GED, GeoJSON, KML/KMZ; the format is detected) one
 * after the other, each in its own transaction, and shows each file's report (rows imported, updated, skipped,
 * rejected with file:line, actors kept under UNK) or the one-line reason a file could not be read.
 *
 * <p>Threading: call {@link #importFiles} and read the properties on the UI thread; the imports run on the
 * worker (the window's one executor, so imports from several dialogs run one after the other), results come back
 * through {@code ui}. A second request to the same view model while it is busy is ignored.
 */
public final class DataImportViewModel {
    /** Imports one file and returns its report; throws {@link InputException} for a file it cannot read. */
    @FunctionalInterface
    public interface FileImporter {
        String importFile(Path file);
    }

    private static final Logger LOG = Logger.getLogger(DataImportViewModel.class.getName());

    private final Executor worker;
    private final Executor ui;
    private final FileImporter importer;
    private final Runnable reload;
    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    /**
     * @param worker   runs the imports
     * @param ui       runs the results (the FX thread in the window, a direct executor in tests)
     * @param importer imports one file into the store
     * @param reload   runs on {@code ui} after at least one file was imported (reloads the window's index)
     */
    public DataImportViewModel(Executor worker, Executor ui, FileImporter importer, Runnable reload) {
        this.worker = worker;
        this.ui = ui;
        this.importer = importer;
        this.reload = reload;
    }

    /** Each file's report, or its problem, one after the other. */
    public ReadOnlyStringProperty reportProperty() { return report; }

    /** What is happening, in a few words. */
    public ReadOnlyStringProperty statusProperty() { return status; }

    /** True while files are being imported. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    /** Starts importing {@code files} on the worker; does nothing when empty or while an import runs. */
    public void importFiles(List<Path> files) {
        if (files == null || files.isEmpty() || busy.get()) return;
        busy.set(true);
        report.set("");
        status.set("Importing " + files.size() + (files.size() == 1 ? " file…" : " files…"));
        List<Path> todo = List.copyOf(files);
        worker.execute(() -> {
            StringBuilder sb = new StringBuilder();
            int ok = 0;
            for (Path f : todo) {
                try {
                    sb.append(importer.importFile(f));
                    ok++;
                } catch (InputException e) {
                    sb.append(e.getMessage()).append("\n  not imported: fix the file and import it again");
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "import of " + f + " failed", e);
                    sb.append(f).append(": not imported: ").append(e.getMessage());
                }
                sb.append("\n\n");
            }
            int imported = ok;
            String text = sb.toString().strip();
            ui.execute(() -> {
                report.set(text);
                status.set(imported + " of " + todo.size() + (todo.size() == 1 ? " file" : " files") + " imported");
                busy.set(false);
                if (imported > 0) reload.run();
            });
        });
    }
}
