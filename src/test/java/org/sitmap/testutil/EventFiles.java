package org.sitmap.testutil;

import java.util.List;
import java.util.StringJoiner;

/** Small event-data files in the layouts Sitmap reads, written by the tests themselves (never real exports). */
public final class EventFiles {
    /** ACLED's current 31-column header. */
    public static final String ACLED_HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
            + "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
            + "notes,fatalities,tags,timestamp";

    /** An older ACLED header (upper case, ALLY_ACTOR, GEO_PRECIS, no sub-event type). */
    public static final String ACLED_OLD_HEADER = "ISO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,"
            + "EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,REGION,COUNTRY,ADMIN1,"
            + "ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECIS,SOURCE,SOURCE_SCALE,NOTES,FATALITIES";

    /** UCDP GED's header (as in the 2016-2019 Syria extract). */
    public static final String UCDP_HEADER = "id,year,active_year,type_of_violence,conflict_new_id,conflict_name,"
            + "dyad_new_id,dyad_name,side_a_new_id,side_a,side_b_new_id,gwnob,side_b,number_of_sources,source_article,"
            + "source_office,source_date,source_headline,source_original,where_prec,where_coordinates,adm_1,adm_2,"
            + "latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,"
            + "date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,low,best,high";

    private EventFiles() { }

    /**
     * One current ACLED row.
     *
     * @param notes written as given (quote it yourself when it holds commas, quotes or line breaks)
     */
    public static String acledRow(String id, String date, String type, String sub, String actor1, String assoc1,
                                  String actor2, String location, String lat, String lon, String notes,
                                  String fatalities) {
        return String.join(",", id, date, date.length() >= 4 ? date.substring(0, 4) : "", "1",
                "Political violence", type, sub, actor1, assoc1, "1", actor2, "", "2", "12", "", "760",
                "Middle East", "Syria", "Idlib", "Ariha", "", location, lat, lon, "1", "Test Source",
                "National", notes, fatalities, "", "1700000000");
    }

    /** A current ACLED file of the given rows, CRLF line ends. */
    public static String acled(String... rows) {
        StringJoiner j = new StringJoiner("\r\n", "", "\r\n");
        j.add(ACLED_HEADER);
        for (String r : rows) j.add(r);
        return j.toString();
    }

    /** Three typical current ACLED rows. */
    public static String acledSample() {
        return acled(
                acledRow("SYR1001", "2020-06-01", "Explosions/Remote violence", "Air/drone strike",
                        "Military Forces of Syria (2000-)", "", "Civilians (Syria)", "Kafr Sajnah", "35.5279",
                        "36.5896", "\"Air strike on the village, two houses hit; no report of casualties.\"", "0"),
                acledRow("SYR1002", "2020-05-20", "Battles", "Armed clash", "Islamic State (Syria)", "",
                        "Military Forces of Turkey (2016-)", "Al Busayrah", "35.1562", "40.4272",
                        "Clash at a post", "3"),
                acledRow("SYR1003", "2020-05-21", "Battles", "Armed clash", "Hayat Tahrir al-Sham", "",
                        "Jaysh Test Brigade", "Sarmin", "35.9000", "36.7200", "\"He said \"\"enough\"\",\nthen left\"",
                        ""));
    }

    /** A current ACLED file of {@code n} generated rows (ids {@code GEN<i>}, varied dates, places and actors). */
    public static String acledGenerated(int n) {
        String[] actors = {"Military Forces of Syria (2000-)", "Islamic State (Syria)", "Hayat Tahrir al-Sham", "SDF",
                "Military Forces of Turkey (2016-)", "Civilians (Syria)", "Unidentified Armed Group (Syria)"};
        StringBuilder sb = new StringBuilder(n * 260).append(ACLED_HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            String date = String.format("%04d-%02d-%02d", 2016 + i % 8, 1 + i % 12, 1 + i % 28);
            sb.append(acledRow("GEN" + i, date, "Battles", "Armed clash", actors[i % actors.length], "",
                    actors[(i + 3) % actors.length], "Place " + (i % 500), String.format("%.4f", 33 + (i % 4000) / 1000.0),
                    String.format("%.4f", 36 + (i % 3000) / 1000.0), "\"Generated event " + i + ", for tests\"",
                    Integer.toString(i % 7))).append("\r\n");
        }
        return sb.toString();
    }

    /** One UCDP GED row. */
    public static String ucdpRow(String id, int violence, String sideA, String sideB, String wherePrec, String place,
                                 String lat, String lon, String datePrec, String start, String end, String low,
                                 String best, String high) {
        return String.join(",", id, start.length() >= 4 ? start.substring(0, 4) : "", "1",
                Integer.toString(violence), "299", "Syria: Government", "11973", "\"" + sideA + " - " + sideB + "\"",
                "118", "\"" + sideA + "\"", "4456", "", "\"" + sideB + "\"", "1",
                "\"\"\"Agency,2017-02-01,Shells hit the town\"\"\"", "Agency", start, "Shells hit the town", "Agency",
                wherePrec, place, "Idlib Governorate", "Ariha district", lat, lon, "\"POINT (" + lon + " " + lat + ")\"",
                "181153", "Syria", "652", "Middle East", "1", datePrec, start, end, "0", "0", "0", "0", low, best, high);
    }

    /** A UCDP file of the given rows, LF line ends. */
    public static String ucdp(String... rows) {
        return UCDP_HEADER + "\n" + String.join("\n", List.of(rows)) + "\n";
    }

    /** A KML document around the given Placemark elements. */
    public static String kml(String... placemarks) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                + "<Document><name>test</name><Folder>\n" + String.join("\n", placemarks) + "\n</Folder></Document></kml>\n";
    }
}
