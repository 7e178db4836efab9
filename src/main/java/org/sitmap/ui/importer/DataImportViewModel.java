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
import org.sitmap.store.StoreFault;

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
        /**
         * @param control asked now and then whether to stop (then the import rolls back and throws a
         *                {@link StoreFault} of kind CANCELLED), told the rows read so far
         */
        String importFile(Path file, Control control);
    }

    /** What an import running on the worker asks and tells its view model. */
    public interface Control {
        /** Whether the user asked to cancel. */
        boolean cancelled();

        /** The rows read so far in the current file. */
        void rows(long n);
    }

    private static final Logger LOG = Logger.getLogger(DataImportViewModel.class.getName());

    private final Executor worker;
    private final Executor ui;
    private final FileImporter importer;
    private final Runnable reload;
    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private volatile boolean cancelRequested;

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

    /**
     * Asks the running import to stop: the file being imported is rolled back (the store is as before it), the
     * files after it are not started; files already imported stay. Does nothing when no import runs.
     */
    public void cancel() {
        if (!busy.get() || cancelRequested) return;
        cancelRequested = true;
        status.set("Cancelling…");
    }

    /** Starts importing {@code files} on the worker; does nothing when empty or while an import runs. */
    public void importFiles(List<Path> files) {
        if (files == null || files.isEmpty() || busy.get()) return;
        busy.set(true);
        cancelRequested = false;
        report.set("");
        status.set("Importing " + files.size() + (files.size() == 1 ? " file…" : " files…"));
        List<Path> todo = List.copyOf(files);
        worker.execute(() -> {
            StringBuilder sb = new StringBuilder();
            int ok = 0;
            boolean cancelled = false;
            for (Path f : todo) {
                if (cancelRequested) {
                    cancelled = true;
                    break;
                }
                String name = String.valueOf(f.getFileName());
                Control control = new Control() {
                    @Override public boolean cancelled() { return cancelRequested; }

                    @Override public void rows(long n) {
                        ui.execute(() -> { if (!cancelRequested) status.set("Importing " + name + ": " + n + " rows read…"); });
                    }
                };
                try {
                    sb.append(importer.importFile(f, control));
                    ok++;
                } catch (InputException e) {
                    sb.append(e.getMessage()).append("\n  not imported: fix the file and import it again");
                } catch (StoreFault e) {
                    LOG.log(Level.FINE, "import of " + f + " stopped", e);
                    sb.append(e.getMessage());
                    if (e.kind() == StoreFault.Kind.CANCELLED) cancelled = true;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "import of " + f + " failed", e);
                    sb.append(f).append(": not imported: ").append(e.getMessage());
                }
                sb.append("\n\n");
                if (cancelled) break;
            }
            int imported = ok;
            boolean stopped = cancelled;
            String text = sb.toString().strip();
            ui.execute(() -> {
                report.set(text);
                status.set((stopped ? "Cancelled: " : "") + imported + " of " + todo.size()
                        + (todo.size() == 1 ? " file" : " files") + " imported");
                busy.set(false);
                if (imported > 0) reload.run();
            });
        });
    }
}
