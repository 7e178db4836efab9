package org.sitmap.ui.importer;

import org.sitmap.ingest.article.ArticleReader;
import org.sitmap.ingest.article.ListReader;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.store.ImportOptions;
import org.sitmap.ui.session.Workspace;

/** Wires the article import dialog to the window's workspace. */
public final class ArticleImports {
    private ArticleImports() { }

    /**
     * A view model whose gazetteer includes the places of the workspace's store and whose saver imports into that
     * store (then the workspace reloads). Both run on the workspace's worker.
     */
    public static ArticleImportViewModel viewModel(Workspace workspace) {
        return new ArticleImportViewModel(workspace,
                () -> Gazetteer.load(() -> workspace.read(s -> s.places())),
                FactionCatalog.shipped(),
                incidents -> workspace.write(s -> s.importAll(new ListReader("imported article", ArticleReader.FORMAT,
                        incidents), ImportOptions.DEFAULT, null).describe()));
    }
}
