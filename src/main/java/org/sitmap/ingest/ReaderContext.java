package org.sitmap.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Place;

/**
 * What a reader may need besides its file: the faction catalog (actor names to codes), for news articles the
 * article's publication date (from {@code --date}, may be null) and how precisely it is known (a day, or only the
 * month: {@code --date 2020-06}), and the store's gazetteer entries (read only when a reader asks; e.g.
 * {@code store::places}), which add to the shipped gazetteer.
 */
public record ReaderContext(FactionCatalog catalog, LocalDate articleDate, DatePrecision articleDatePrecision,
                            Supplier<List<Place>> places) {
    public ReaderContext {
        Objects.requireNonNull(catalog, "catalog");
        if (articleDatePrecision == null) articleDatePrecision = DatePrecision.DAY;
        if (places == null) places = List::of;
    }

    /** A context with an article date known to the day. */
    public ReaderContext(FactionCatalog catalog, LocalDate articleDate, Supplier<List<Place>> places) {
        this(catalog, articleDate, DatePrecision.DAY, places);
    }

    /** A context without store places. */
    public ReaderContext(FactionCatalog catalog, LocalDate articleDate) {
        this(catalog, articleDate, null);
    }

    /** A context with no article date and no store places. */
    public static ReaderContext of(FactionCatalog catalog) {
        return new ReaderContext(catalog, null, DatePrecision.DAY, null);
    }
}
