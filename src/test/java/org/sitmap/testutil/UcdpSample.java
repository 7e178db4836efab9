package org.sitmap.testutil;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A UCDP GED-like CSV that the tests write themselves (never the real data set): {@code n} events in Syria with the
 * variety the real file has — several actors per side separated by commas, side names the aliases map and names
 * they do not, date ranges and every {@code date_prec} and {@code where_prec}, coordinates with many decimals —
 * plus the text analysts' files bring into exports: quotes, commas, line breaks, Arabic, and cells a spreadsheet
 * would run as formulas ({@code =1+1}, {@code  =1+1} with a leading space, fullwidth {@code ＝ ＋ － ＠}).
 */
public final class UcdpSample {
    private static final String[] SIDE_A = {"Government of Syria", "Government of Syria, Government of Russia (Soviet Union)",
            "IS", "Syrian insurgents", "PYD", "Government of Turkey", "Jaysh al-Sunna", "Hayat Tahrir al-Sham"};
    private static final String[] SIDE_B = {"Syrian insurgents", "Syrian insurgents, IS", "Civilians", "IS",
            "Government of Syria, Government of Russia (Soviet Union)", "Liwa al-Aqsa", "SDF"};
    private static final String[] HEADLINES = {"Shelling reported", "=1+1", " =1+1", "\uFF1D1+1", "\uFF0BA1",
            "\uFF0D2", "\uFF20SUM(A1)", "+33 killed", "-", "@home", "'=already guarded", "He said \"enough\", then left",
            "two lines\nof text", "قصف على إدلب", "\tTabbed"};
    private static final String[] PLACES = {"Idlib town", "Saraqib", "Ar Rastan", "Deir ez-Zor city", "Manbij", "حلب"};

    private UcdpSample() { }

    /** The file's text: the header of {@link EventFiles#UCDP_HEADER} and {@code n} rows, CRLF line ends. */
    public static String csv(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(EventFiles.UCDP_HEADER).append("\r\n");
        for (int k = 0; k < n; k++) {
            LocalDate start = LocalDate.of(2016, 1, 1).plusDays(r.nextInt(1400));
            int datePrec = 1 + r.nextInt(5);
            LocalDate end = datePrec == 1 ? start : start.plusDays(r.nextInt(20));
            int wherePrec = 1 + r.nextInt(7);
            double lat = 32.5 + r.nextDouble() * 4.5;
            double lon = 35.8 + r.nextDouble() * 6.2;
            int best = r.nextInt(40);
            List<String> row = new ArrayList<>();
            String sideA = SIDE_A[r.nextInt(SIDE_A.length)];
            String sideB = SIDE_B[r.nextInt(SIDE_B.length)];
            int violence = 1 + r.nextInt(3);
            row.add(Integer.toString(500000 + k));                      // id
            row.add(Integer.toString(start.getYear()));                 // year
            row.add("1");                                               // active_year
            row.add(Integer.toString(violence));                        // type_of_violence
            row.add("299");                                             // conflict_new_id
            row.add("Syria: Government");                               // conflict_name
            row.add("11973");                                           // dyad_new_id
            row.add(sideA + " - " + sideB);                             // dyad_name
            row.add("118");                                             // side_a_new_id
            row.add(sideA);                                             // side_a
            row.add("4456");                                            // side_b_new_id
            row.add("");                                                // gwnob
            row.add(sideB);                                             // side_b
            row.add("1");                                               // number_of_sources
            row.add("Agency," + start + ",Report " + k);                // source_article
            row.add(r.nextBoolean() ? "SOHR" : "");                     // source_office
            row.add(start.toString());                                  // source_date
            row.add(HEADLINES[k % HEADLINES.length]);                   // source_headline
            row.add("");                                                // source_original
            row.add(Integer.toString(wherePrec));                       // where_prec
            row.add(PLACES[r.nextInt(PLACES.length)] + (k % 3 == 0 ? ", Idlib" : ""));  // where_coordinates
            row.add(k % 4 == 0 ? "" : "Idlib governorate");             // adm_1
            row.add("");                                                // adm_2
            row.add(String.format(Locale.ROOT, "%.9f", lat));           // latitude
            row.add(String.format(Locale.ROOT, "%.9f", lon));           // longitude
            row.add(String.format(Locale.ROOT, "POINT (%.4f %.4f)", lon, lat));  // geom_wkt
            row.add("179714");                                          // priogrid_gid
            row.add("Syria");                                           // country
            row.add("652");                                             // country_id
            row.add("Middle East");                                     // region
            row.add("1");                                               // event_clarity
            row.add(Integer.toString(datePrec));                        // date_prec
            row.add(start.toString());                                  // date_start
            row.add(end.toString());                                    // date_end
            row.add("0"); row.add("0"); row.add("0"); row.add(Integer.toString(best));  // deaths
            row.add(Integer.toString(Math.max(0, best - 2)));           // low
            row.add(Integer.toString(best));                            // best
            row.add(Integer.toString(best + 3));                        // high
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) sb.append(',');
                sb.append(quote(row.get(c)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
