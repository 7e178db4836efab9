package org.sitmap.ui.importer;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.sitmap.ingest.article.ArticleReader;
import org.sitmap.ingest.article.ListReader;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.store.DefaultStore;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentStore;

/** Wires the import dialog to the window's store. */
public final class ArticleImports {
    private ArticleImports() { }

    /**
     * A view model whose gazetteer includes the store's places and whose saver imports into the store at
     * {@code db} (null: the default store) through a short-lived connection.
     *
     * @param worker the window's one worker (the gazetteer is built and the store written there)
     * @param reload runs on the FX thread after a save (reloads the window's index)
     */
    public static ArticleImportViewModel viewModel(Executor worker, Path db, Runnable reload) {
        return new ArticleImportViewModel(worker, Platform::runLater,
                () -> Gazetteer.load(() -> {
                    try (IncidentStore s = DefaultStore.openForReading(db)) {
                        return s.places();
                    }
                }),
                ArticleReader.shippedFactions(),
                incidents -> {
                    try (IncidentStore s = DefaultStore.open(db)) {
                        return s.importAll(new ListReader("imported article", ArticleReader.FORMAT, incidents),
                                ImportOptions.DEFAULT, null).describe();
                    }
                },
                reload);
    }
}
