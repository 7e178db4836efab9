package org.sitmap.ingest.article;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import org.sitmap.ingest.TextInput;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ingest.gazetteer.PlaceSource;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * Reads a plain-text news article (format {@code article}) as incidents, through {@link ArticleExtractor}. The
 * article's date is required: relative dates ("on Wednesday", "in recent hours") are resolved against it. Each
 * incident's row number is the line of its supporting sentence. Incidents whose place could not be resolved come
 * without coordinates; {@link #unresolved()} lists those places.
 *
 * <p>Not thread-safe (one consumer, one thread), like every {@link IncidentReader}.
 */
public final class ArticleReader implements IncidentReader {
    /** The format's short name. */
    public static final String FORMAT = "article";

    private final String file;
    private final ArticleExtractor.Result result;
    private final Iterator<ArticleExtractor.Extracted> rows;
    private final List<String> notes;

    /**
     * Extracts the incidents of {@code text} at once (articles are short).
     *
     * @param date the article's date; null is rejected with a message asking for {@code --date}
     */
    public ArticleReader(Reader text, String file, ArticleDate date, ArticleExtractor extractor, String source) throws IOException {
        this.file = file;
        if (date == null) {
            throw new InputException(file, 0, "a news article needs its publication date to resolve 'on Wednesday',"
                    + " 'in recent hours' ...: give --date YYYY-MM-DD (or YYYY-MM)");
        }
        String content = readAll(text, file);
        this.notes = text instanceof TextInput.Decoded d && d.note() != null ? List.of(d.note()) : List.of();
        if (content.indexOf('\0') >= 0) throw new InputException(file, 0, "this is not a plain-text article (binary content)");
        if (content.isBlank()) throw new InputException(file, 0, "the article is empty");
        this.result = extractor.extract(content, date, file, source);
        this.rows = result.incidents().iterator();
    }

    /** Opens an article file with the shipped gazetteer (plus {@code places}, may be null) and faction list. */
    public static ArticleReader open(Path path, ArticleDate date, PlaceSource places, FactionCatalog catalog) throws IOException {
        ArticleExtractor ex = new ArticleExtractor(Gazetteer.load(places), catalog);
        try (Reader r = TextInput.open(path, path.getFileName().toString(), TextInput.Limits.ARTICLE)) {
            return new ArticleReader(r, path.getFileName().toString(), date, ex, null);
        }
    }

    /** The whole text, at most {@link TextInput#MAX_ARTICLE_BYTES} characters (an article is short). */
    private static String readAll(Reader r, String file) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) {
            sb.append(buf, 0, n);
            if (sb.length() > TextInput.MAX_ARTICLE_BYTES) {
                throw new InputException(file, 0, "the article is longer than " + TextInput.MAX_ARTICLE_BYTES
                        + " characters; this is not one news article (split it)");
            }
        }
        return sb.toString();
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return FORMAT; }

    @Override
    public List<String> notes() { return notes; }

    @Override
    public ParsedRow next() {
        if (!rows.hasNext()) return null;
        ArticleExtractor.Extracted e = rows.next();
        return ParsedRow.ok(e.line(), e.incident());
    }

    /** Everything extracted, with sentence numbers and mentions (for review). */
    public ArticleExtractor.Result result() { return result; }

    /** The places named as scenes of events that the gazetteer could not resolve. */
    public List<String> unresolved() { return result.unresolved(); }

    @Override
    public void close() { }
}
