package org.sitmap.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Place;

/**
 * What a reader may need besides its file: the faction catalog (actor names to codes), for news articles the
 * article's publication date (from {@code --date}, may be null), and the store's gazetteer entries (read only
 * when a reader asks; e.g. {@code store::places}), which add to the shipped gazetteer.
 */
public record ReaderContext(FactionCatalog catalog, LocalDate articleDate, Supplier<List<Place>> places) {
    public ReaderContext {
        Objects.requireNonNull(catalog, "catalog");
        if (places == null) places = List::of;
    }

    /** A context without store places. */
    public ReaderContext(FactionCatalog catalog, LocalDate articleDate) {
        this(catalog, articleDate, null);
    }

    /** A context with no article date and no store places. */
    public static ReaderContext of(FactionCatalog catalog) {
        return new ReaderContext(catalog, null, null);
    }
}
