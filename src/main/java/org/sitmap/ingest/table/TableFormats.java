package org.sitmap.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;

/**
 * The entries of {@code Formats} for tables that are not CSV: ACLED API JSON ({@code acled-json}), UCDP GED API
 * JSON ({@code ucdp-json}) and Excel workbooks ({@code xlsx}); each is read by the ACLED or UCDP CSV reader through
 * {@link BridgedReader}.
 */
public final class TableFormats {
    /** The ACLED columns read besides the required ones (a first record without them still has them). */
    static final List<String> ACLED_COLUMNS = List.of("time_precision", "sub_event_type", "assoc_actor_1", "actor2",
            "assoc_actor_2", "country", "admin1", "location", "geo_precision", "source", "notes", "fatalities",
            "timestamp");
    /** The UCDP GED columns read besides the required ones. */
    static final List<String> UCDP_COLUMNS = List.of("side_b", "date_end", "date_prec", "where_prec",
            "where_coordinates", "adm_1", "country", "best", "low", "high", "source_office", "source_headline",
            "source_article", "type_of_violence", "dyad_name");
    private static final Pattern ACLED_LIST = Pattern.compile("\"data\"\\s*:\\s*\\[");
    private static final Pattern UCDP_LIST = Pattern.compile("\"Result\"\\s*:\\s*\\[");
    private static final Pattern API_ANSWER = Pattern.compile("\"(success|status|count|TotalCount|NextPageUrl)\"\\s*:");

    private TableFormats() { }

    /** True when the start of a file is a JSON object with a {@code data} list (ACLED's API answer). */
    public static boolean sniffAcledJson(String head) {
        String h = head.stripLeading().replace("\uFEFF", "");
        if (!h.startsWith("{") || h.contains("\"FeatureCollection\"")) return false;
        return ACLED_LIST.matcher(h).find() && (h.contains("\"event_id_cnty\"") || API_ANSWER.matcher(h).find())
                || h.contains("\"success\"") && h.contains("\"status\"");
    }

    /** True when the start of a file is a JSON object with a {@code Result} list (UCDP's API answer). */
    public static boolean sniffUcdpJson(String head) {
        String h = head.stripLeading().replace("\uFEFF", "");
        return h.startsWith("{") && !h.contains("\"FeatureCollection\"") && UCDP_LIST.matcher(h).find();
    }

    /** An ACLED API answer saved as JSON. */
    public static IncidentReader acledJson(InputStream in, String file, FactionCatalog catalog) throws IOException {
        return new BridgedReader(new ApiJsonRows(in, file, "the ACLED API", "data",
                List.of("event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude"), ACLED_COLUMNS), file,
                "acled-json", catalog);
    }

    /** A UCDP GED API answer (one page, {@code gedevents}) saved as JSON. */
    public static IncidentReader ucdpJson(InputStream in, String file, FactionCatalog catalog) throws IOException {
        return new BridgedReader(new ApiJsonRows(in, file, "the UCDP API", "Result",
                List.of("id", "date_start", "side_a", "latitude", "longitude"), UCDP_COLUMNS), file,
                "ucdp-json", catalog);
    }

    /** An Excel workbook with ACLED's or UCDP's columns. */
    public static IncidentReader xlsx(Path path, String file, FactionCatalog catalog) throws IOException {
        return new BridgedReader(new XlsxRows(path, file), file, "xlsx", catalog);
    }

    /** The {@code Formats} entry for ACLED API JSON. */
    public static IncidentReader openAcledJson(Path path, ReaderContext ctx) throws IOException {
        return acledJson(Files.newInputStream(path), path.toString(), ctx.catalog());
    }

    /** The {@code Formats} entry for UCDP API JSON. */
    public static IncidentReader openUcdpJson(Path path, ReaderContext ctx) throws IOException {
        return ucdpJson(Files.newInputStream(path), path.toString(), ctx.catalog());
    }

    /** The {@code Formats} entry for Excel workbooks. */
    public static IncidentReader openXlsx(Path path, ReaderContext ctx) throws IOException {
        return xlsx(path, path.toString(), ctx.catalog());
    }
}
