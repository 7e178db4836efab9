package org.sitmap.ui.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sitmap.model.InputException;
import org.sitmap.store.StoreFault;
import org.sitmap.ui.session.Tasks;
import org.sitmap.ui.session.Workspace;

/**
 * File → Import data…: imports event data files (ACLED, UCDP GED, GeoJSON, KML/KMZ; the format is detected) one
 * after the other, each in its own transaction, and shows each file's report (rows imported, updated, skipped,
 * rejected with file:line, actors kept under UNK) or the one-line reason a file could not be read.
 *
 * <p>The files go into the workspace's store, which is reloaded afterwards (the map, timeline and counts then show
 * them, and the text matches are looked up again).
 *
 * <p>Threading: call {@link #importFiles} and read the properties on the UI thread; the imports are one
 * {@link Tasks} job on the workspace's worker (so imports from several dialogs run one after the other). A second
 * request to the same view model while it is busy is ignored.
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

    private final Workspace workspace;
    private final FileImporter importer;
    private final Tasks tasks;
    private final StringProperty report = new SimpleStringProperty(this, "report", "");

    /**
     * @param workspace the window's: imports run on its worker, and its store is reloaded after at least one file
     *                  was imported
     * @param importer  imports one file into the workspace's store
     */
    public DataImportViewModel(Workspace workspace, FileImporter importer) {
        this.workspace = workspace;
        this.importer = importer;
        this.tasks = workspace.tasks();
    }

    /** Each file's report, or its problem, one after the other. */
    public ReadOnlyStringProperty reportProperty() { return report; }

    /** What is happening, in a few words. */
    public ReadOnlyStringProperty statusProperty() { return tasks.messageProperty(); }

    /** True while files are being imported. */
    public ReadOnlyBooleanProperty busyProperty() { return tasks.busyProperty(); }

    /**
     * Asks the running import to stop: the file being imported is rolled back (the store is as before it), the
     * files after it are not started; files already imported stay. Does nothing when no import runs.
     */
    public void cancel() {
        tasks.cancel("Cancelling…", false);
    }

    private record Outcome(String text, int imported, boolean cancelled) { }

    /** Starts importing {@code files} on the worker; does nothing when empty or while an import runs. */
    public void importFiles(List<Path> files) {
        if (files == null || files.isEmpty() || tasks.busyProperty().get()) return;
        report.set("");
        List<Path> todo = List.copyOf(files);
        tasks.run("Importing " + files.size() + (files.size() == 1 ? " file…" : " files…"), progress -> {
            StringBuilder sb = new StringBuilder();
            int ok = 0;
            boolean cancelled = false;
            for (Path f : todo) {
                if (progress.cancelled()) {
                    cancelled = true;
                    break;
                }
                String name = String.valueOf(f.getFileName());
                Control control = new Control() {
                    @Override public boolean cancelled() { return progress.cancelled(); }

                    @Override public void rows(long n) { progress.message("Importing " + name + ": " + n + " rows read…"); }
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
            return new Outcome(sb.toString().strip(), ok, cancelled);
        }, o -> {
            report.set(o.text());
            if (o.imported() > 0) workspace.reload();
            return (o.cancelled() ? "Cancelled: " : "") + o.imported() + " of " + todo.size()
                    + (todo.size() == 1 ? " file" : " files") + " imported";
        });
    }
}
