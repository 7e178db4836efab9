package org.sitmap.ingest.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Parses every row; only feature classes P (populated places), A (divisions), L (areas), T (terrain) and R
     * (roads) are kept.
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
            double lat;
            double lon;
            try {
                lat = Double.parseDouble(c[4]);
                lon = Double.parseDouble(c[5]);
            } catch (NumberFormatException e) {
                throw new InputException(file, lineNo, "latitude/longitude '" + c[4] + "," + c[5] + "' is not a number");
            }
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new InputException(file, lineNo, "position " + lat + "," + lon + " is out of range");
            }
            if (c[1].isBlank()) throw new InputException(file, lineNo, "the place has no name");
            if (!"PALTR".contains(c[6]) || c[6].isEmpty()) continue;
            long pop = 0;
            try {
                if (!c[14].isBlank()) pop = Long.parseLong(c[14].trim());
            } catch (NumberFormatException e) {
                throw new InputException(file, lineNo, "population '" + c[14] + "' is not a whole number");
            }
            String admin1 = "SY".equals(c[8]) ? SYRIA_ADMIN1.getOrDefault(c[10], c[10]) : c[10];
            List<String> alts = c[3].isBlank() ? List.of() : List.of(c[3].split(","));
            out.add(new Place(c[1], c[2], alts, lat, lon, c[7], c[8], admin1, pop, "GeoNames " + c[0]));
        }
        return out;
    }
}
