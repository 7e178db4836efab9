package org.sitmap.ingest.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sitmap.ingest.InputGrammar;
import org.sitmap.model.InputException;
import org.sitmap.model.Place;

/**
 * Reads a GeoNames country dump (the 19-column tab-separated format of {@code SY.txt}, {@code cities500.txt}):
 * geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code, country code,
 * cc2, admin1..admin4, population, elevation, dem, timezone, modification date.
 */
public final class GeoNamesDump {
    /** GeoNames' Syrian admin1 codes and the governorate names the project uses. */
    public static final Map<String, String> SYRIA_ADMIN1 = Map.ofEntries(
            Map.entry("01", "Al-Hasakah"), Map.entry("02", "Latakia"), Map.entry("03", "Quneitra"),
            Map.entry("04", "Raqqa"), Map.entry("05", "As-Suwayda"), Map.entry("06", "Daraa"),
            Map.entry("07", "Deir ez-Zor"), Map.entry("08", "Rif Dimashq"), Map.entry("09", "Aleppo"),
            Map.entry("10", "Hama"), Map.entry("11", "Homs"), Map.entry("12", "Idlib"), Map.entry("13", "Damascus"),
            Map.entry("14", "Tartus"));

    private GeoNamesDump() { }

    /** GeoNames' feature classes; a row of another class is refused. */
    private static final String CLASSES = "AHLPRSTUV";
    /** The classes kept: populated places, divisions, areas, terrain, roads. */
    private static final String KEPT = "PALTR";
    /** GeoNames' own column widths (readme.txt of the dump): name and ascii name 200, alternate names 10,000, other columns at most 200. */
    private static final int MAX_NAME = 200, MAX_ALTERNATES = 10_000, MAX_CODE = 200;

    /**
     * Parses every row; only feature classes P (populated places), A (divisions), L (areas), T (terrain) and R
     * (roads) are kept, the other GeoNames classes (H, S, U, V) are skipped. Numbers follow the shared grammar
     * ({@link InputGrammar}: decimal degrees, no NaN or hex); a field wider than GeoNames allows, an unknown
     * feature class or a negative population is refused.
     *
     * @throws InputException naming the line of the first malformed row
     */
    public static List<Place> read(Reader reader, String file) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<Place> out = new ArrayList<>();
        String line;
        long lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t", -1);
            if (c.length != 19) {
                throw new InputException(file, lineNo, "expected 19 tab-separated GeoNames columns, found "
                        + c.length + " (is this a GeoNames dump such as SY.txt?)");
            }
            Place p = place(c, file, lineNo);
            if (p != null) out.add(p);
        }
        return out;
    }

    /** The place of one row, or null for a feature class not kept. */
    private static Place place(String[] c, String file, long lineNo) {
        for (int i = 0; i < c.length; i++) {
            int max = i == 1 || i == 2 ? MAX_NAME : i == 3 ? MAX_ALTERNATES : MAX_CODE;
            if (c[i].length() > max) {
                throw new InputException(file, lineNo, "column " + (i + 1) + " is " + c[i].length()
                        + " characters long, more than GeoNames allows (" + max + ")");
            }
        }
        if (!c[0].strip().matches("\\d{1,12}")) {
            throw new InputException(file, lineNo, "geonameid '" + c[0] + "' is not a whole number");
        }
        Double lat = InputGrammar.decimal(c[4].strip()), lon = InputGrammar.decimal(c[5].strip());
        if (lat == null || lon == null) {
            throw new InputException(file, lineNo, "latitude/longitude '" + c[4] + "', '" + c[5]
                    + "' are not decimal degrees");
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new InputException(file, lineNo, "position " + lat + "," + lon + " is out of range");
        }
        if (c[1].isBlank()) throw new InputException(file, lineNo, "the place has no name");
        String fc = c[6].strip();
        if (fc.length() > 1 || !fc.isEmpty() && CLASSES.indexOf(fc.charAt(0)) < 0) {
            throw new InputException(file, lineNo, "feature class '" + fc + "' is not a GeoNames class (one of "
                    + String.join(", ", CLASSES.split("")) + ")");
        }
        if (fc.isEmpty() || KEPT.indexOf(fc.charAt(0)) < 0) return null;
        long pop = 0;
        String ps = c[14].strip();
        if (!ps.isEmpty()) {
            if (!ps.matches("\\d{1,15}")) {
                throw new InputException(file, lineNo, "population '" + ps + "' is not a whole number of at least 0");
            }
            pop = Long.parseLong(ps);
        }
        String admin1 = "SY".equals(c[8]) ? SYRIA_ADMIN1.getOrDefault(c[10], c[10]) : c[10];
        List<String> alts = c[3].isBlank() ? List.of() : List.of(c[3].split(","));
        return new Place(c[1], c[2], alts, lat, lon, c[7], c[8], admin1, pop, "GeoNames " + c[0]);
    }
}
