package org.sitmap.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random ACLED and UCDP CSV files for {@link CsvExactnessTest}: real-looking rows with every kind of trouble a
 * file can hold (quotes, embedded and mixed line breaks, a byte-order mark, blank lines, white space beyond ASCII,
 * Arabic and astral characters, formula guards, bad numbers and dates, missing or renamed columns, other
 * delimiters, UTF-16, Windows-1252, broken UTF-8, NUL bytes, long fields, cut files). Seeded by the caller.
 */
final class CsvCorpus {
    enum Kind { ACLED, UCDP }

    private static final String[] ACLED = {"event_id_cnty", "event_date", "year", "time_precision", "event_type",
            "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
            "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp"};
    private static final String[] ACLED_MORE = {"end_date", "assoc_actors", "actor_factions", "evidence", "origin",
            "ALLY_ACTOR_1", "GEO_PRECIS", "tags", " Latitude "};
    private static final String[] UCDP = {"id", "date_start", "date_end", "date_prec", "side_a", "side_b",
            "latitude", "longitude", "where_prec", "where_coordinates", "adm_1", "country", "best", "low", "high",
            "source_office", "source_headline", "source_article", "type_of_violence", "dyad_name"};
    private static final String[] TEXTS = {"", " ", "Aleppo", "Ma\u2018arratmi\u015fr\u012bn", "\u062d\u0644\u0628",
            "\u0627\u0644\u0631\u0642\u0629 \u0634\u0645\u0627\u0644", "Idlib", "Military Forces of Syria (2000-)",
            "Hayat Tahrir al-Sham", "Islamic State (Syria)", "Civilians (Syria)", "Syrian Democratic Forces",
            "Opposition Rebels (Syria); Civilians (Syria)", "a;b;;c", "\uD835\uDD04\uD835\uDD05 astral \uD83D\uDE00",
            "\u3000wide space\u3000", "\u2028line sep", "nbsp\u00a0", " padded ", "\tTab", "'=SUM(A1)", "'+1", "'-x",
            "''quoted'", "'", "say \"hi\"", "multi\nline", "cr\rline", "crlf\r\nline", "x,y", "x;y", "x\ty",
            "\uFEFFbom inside", "\u1680ogham", "\u205f", "caf\u00e9 \u00e0 \u00fc\u00f1", "\uFFFD", "SYN", "Syria",
            "Battles", "Armed clash", "Explosions/Remote violence", "Riots/Protests", "Protests", "unknown type",
            "Violence against civilians", "Attack", "Remote violence", "Strategic developments", "Arrests"};
    private static final String[] NUMBERS = {"", "0", "1", "2", "3", "4", "12", "-1", "1.5", " 7 ", "999999999",
            "1234567890", "x", "36.2021", "-0.5", "+3", "3.62e1", "1,5", "91", "-181", "180", "0x10", "NaN", "1e400",
            "36.00000000000000001", "  36.5", "1.", ".5", "1700000000", "99999999999", "'7"};
    private static final String[] DATES = {"2020-03-27", "2016-01-09", "27/03/2020", "3/4/2019", "12 March 2019",
            "12-Mar-2019", "12 March, 2019", "12 sept 2019", "2020-02-30", "1899-12-31", "2101-01-01", "", "x",
            " 2020-01-01 ", "2020-01-01T10:00", "2020-01-01 10:00", "20200101", "2020/01/01", "31/02/2019"};
    private static final String[] ENDS = {"\n", "\r\n", "\r"};

    private final Random rnd;
    int rows;
    private final StringBuilder recipe = new StringBuilder();

    CsvCorpus(Random rnd) {
        this.rnd = rnd;
        this.rows = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(40);
    }

    /** What went into the last file, for failure messages. */
    String recipe() { return recipe.toString(); }

    byte[] file(Kind kind) {
        List<String> cols = new ArrayList<>(List.of(kind == Kind.ACLED ? ACLED : UCDP));
        if (kind == Kind.ACLED && rnd.nextBoolean()) cols.add(ACLED_MORE[rnd.nextInt(ACLED_MORE.length)]);
        if (rnd.nextInt(8) == 0) cols.remove(rnd.nextInt(cols.size()));
        java.util.Collections.shuffle(cols, rnd);
        if (rnd.nextInt(6) == 0) cols.replaceAll(c -> c.toUpperCase(java.util.Locale.ROOT));
        char delim = switch (rnd.nextInt(10)) {
            case 0 -> ';';
            case 1 -> '\t';
            default -> ',';
        };
        boolean oneEnd = rnd.nextInt(3) > 0;
        String end = ENDS[rnd.nextInt(ENDS.length)];
        recipe.append("delim ").append((int) delim).append(", rows ").append(rows);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) sb.append(i > 0 ? String.valueOf(delim) : "").append(field(cols.get(i), delim, false));
        sb.append(end);
        for (int r = 0; r < rows; r++) {
            if (rnd.nextInt(25) == 0) sb.append(rnd.nextBoolean() ? "" : "  ").append(oneEnd ? end : ENDS[rnd.nextInt(3)]);
            int n = cols.size() + (rnd.nextInt(30) == 0 ? rnd.nextInt(3) - 1 : 0);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(delim);
                sb.append(field(value(i < cols.size() ? cols.get(i) : "x", r), delim, rnd.nextInt(12) == 0));
            }
            if (r < rows - 1 || rnd.nextInt(3) > 0) sb.append(oneEnd ? end : ENDS[rnd.nextInt(3)]);
        }
        String text = sb.toString();
        if (rnd.nextInt(10) == 0) text = "\uFEFF" + text;
        byte[] bytes;
        switch (rnd.nextInt(20)) {
            case 0 -> {
                recipe.append(", UTF-16LE");
                bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            }
            case 1 -> {
                recipe.append(", UTF-16BE");
                bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            }
            case 2 -> {
                recipe.append(", Windows-1252");
                bytes = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
            }
            case 3 -> {
                recipe.append(", UTF-8 BOM twice");
                bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            }
            default -> bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        int faults = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(3) : 0;
        for (int f = 0; f < faults && bytes.length > 0; f++) bytes = fault(bytes);
        if (rnd.nextInt(15) == 0 && bytes.length > 2) {
            int cut = rnd.nextInt(bytes.length);
            recipe.append(", cut at ").append(cut);
            bytes = java.util.Arrays.copyOf(bytes, cut);
        }
        return bytes;
    }

    private byte[] fault(byte[] bytes) {
        int at = rnd.nextInt(bytes.length);
        byte[][] kinds = {{0}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFF}, {(byte) 0xE9}, {(byte) 0x81}, {(byte) 0x9D},
                {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] k = kinds[rnd.nextInt(kinds.length)];
        recipe.append(", fault ").append(java.util.HexFormat.of().formatHex(k)).append(" at ").append(at);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(bytes, 0, at);
        o.writeBytes(k);
        int skip = rnd.nextBoolean() ? 0 : Math.min(bytes.length - at, 1);
        o.write(bytes, at + skip, bytes.length - at - skip);
        return o.toByteArray();
    }

    private String value(String col, int row) {
        String c = col.strip().toLowerCase(java.util.Locale.ROOT);
        int p = rnd.nextInt(80);
        if (p == 0) return pick(TEXTS);
        if (p == 1) return pick(NUMBERS);
        if (p == 2 && rnd.nextInt(10) == 0) return "z".repeat(rnd.nextInt(200_000));
        return switch (c) {
            case "event_id_cnty", "id" -> rnd.nextInt(20) == 0 ? "" : "SY" + row + (rnd.nextInt(15) == 0 ? ":k" : "");
            case "event_date", "date_start", "date_end", "end_date" -> rnd.nextInt(4) == 0 ? pick(DATES)
                    : String.format(java.util.Locale.ROOT, "20%02d-%02d-%02d", 10 + rnd.nextInt(15), 1 + rnd.nextInt(12),
                    1 + rnd.nextInt(28));
            case "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "side_a", "side_b", "ally_actor_1" ->
                    rnd.nextInt(8) == 0 ? pick(TEXTS) : pick(new String[] {"Military Forces of Syria (2000-)",
                    "Hayat Tahrir al-Sham", "Islamic State (Syria)", "Civilians (Syria)", "", "Unidentified Armed Group",
                    "Government of Syria", "IS", "SDF; YPG"});
            case "location", "where_coordinates", "notes", "admin1", "country", "source" -> pick(TEXTS);
            case "latitude" -> String.valueOf(32 + rnd.nextInt(5000) / 1000.0);
            case "longitude" -> rnd.nextInt(30) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.4f", 35 + rnd.nextDouble() * 7);
            case "time_precision", "geo_precision", "geo_precis", "date_prec", "where_prec", "type_of_violence" ->
                    String.valueOf(rnd.nextInt(5));
            case "fatalities", "best", "low", "high" -> String.valueOf(rnd.nextInt(rnd.nextInt(10) == 0 ? 100000 : 20));
            case "timestamp" -> rnd.nextBoolean() ? "1700000000" : String.valueOf(1600000000 + rnd.nextInt(100000000));
            case "event_type" -> pick(new String[] {"Battles", "Explosions/Remote violence", "Protests", "Riots",
                    "Violence against civilians", "Strategic developments", "Remote violence", "Riots/Protests",
                    "Battle-No change of territory", " battles "});
            case "sub_event_type" -> pick(new String[] {"", "Armed clash", "Air/drone strike", "Attack",
                    "Peaceful protest", "Arrests", "Looting/property destruction"});
            default -> pick(TEXTS);
        };
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private String field(String v, char delim, boolean odd) {
        boolean needs = v.indexOf(delim) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (odd) {
            // lenient shapes: a stray quote inside, text after a closing quote, a quote left open
            return switch (rnd.nextInt(4)) {
                case 0 -> v + "\"" + v;
                case 1 -> "\"" + v.replace("\"", "\"\"") + "\"tail";
                case 2 -> "\"\"";
                default -> " \"" + v + "\"";
            };
        }
        if (needs || rnd.nextInt(6) == 0) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
