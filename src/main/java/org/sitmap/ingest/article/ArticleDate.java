package org.sitmap.ingest.article;

import java.time.LocalDate;
import java.util.Objects;
import org.sitmap.ingest.InputGrammar;
import org.sitmap.model.DatePrecision;

/**
 * The date an article was published (or is estimated to have been), against which relative dates are resolved.
 * A month-precise date ({@code 2020-06}) keeps every incident at month precision.
 */
public record ArticleDate(LocalDate date, DatePrecision precision) {
    public ArticleDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
    }

    /** A day-precise article date. */
    public static ArticleDate of(LocalDate date) { return new ArticleDate(date, DatePrecision.DAY); }

    /**
     * Parses {@code YYYY-MM-DD} (day precision) or {@code YYYY-MM} (month precision): a four-digit year without a
     * sign, within the years every reader accepts ({@link InputGrammar}).
     *
     * @throws IllegalArgumentException with a plain message when the text is neither
     */
    public static ArticleDate parse(String text) {
        String t = text.strip();
        boolean month = t.length() == 7;
        LocalDate d = InputGrammar.isoDate(month ? t + "-01" : t);
        if (d == null) throw new IllegalArgumentException("article date '" + text + "' is not YYYY-MM-DD or YYYY-MM");
        String range = InputGrammar.outOfRange(d, "article date");
        if (range != null) throw new IllegalArgumentException(range);
        return month ? new ArticleDate(d, DatePrecision.MONTH) : of(d);
    }
}
