package org.sitmap.ingest;

import java.time.LocalDate;
import java.util.Objects;
import org.sitmap.model.FactionCatalog;

/**
 * What a reader may need besides its file: the faction catalog (actor names to codes) and, for news articles,
 * the article's publication date (from {@code --date}), which may be null.
 */
public record ReaderContext(FactionCatalog catalog, LocalDate articleDate) {
    public ReaderContext {
        Objects.requireNonNull(catalog, "catalog");
    }

    /** A context with no article date. */
    public static ReaderContext of(FactionCatalog catalog) {
        return new ReaderContext(catalog, null);
    }
}
