package org.sitmap.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates damaged input files of every format from small valid ones: truncation, byte flips, other encodings
 * (Windows-1252, UTF-16 with and without a byte-order mark, UTF-32, mixed), NUL bytes, a huge line and a huge
 * field, odd numbers (hex, NaN, Infinity, 1e999, type suffixes) and odd dates (negative, year 0, 9999, 1850, 30
 * February), an empty file and a lone byte-order mark. Deterministic (fixed seeds).
 */
public final class HostileFiles {
    /** One generated file: its name (with the format's extension), the format name, and its bytes. */
    public record Hostile(String name, String format, byte[] bytes) { }

    /** A small valid article (own wording). */
    public static final String ARTICLE = "Clashes erupted in Ariha on Monday between government forces and Hayat Tahrir"
            + " al-Sham, killing 4 fighters.\nAir strikes hit Saraqib overnight, residents said.\n";
    /** A small valid GeoNames dump (19 tab-separated columns). */
    public static final String GEONAMES =
            "170063\tAleppo\tAleppo\tHalab,Alep\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t1602264\t\t390\tAsia/Damascus\t2024-01-01\n"
            + "163345\tSaraqib\tSaraqib\t\t35.86471\t36.80064\tP\tPPL\tSY\t\t12\t\t\t\t32000\t\t370\tAsia/Damascus\t2023-05-01\n";

    private static final String[] NUMBERS = {"0x1p3", "NaN", "Infinity", "1e999", "36.2d"};
    private static final String[] DATES = {"-0001-01-01", "0000-01-01", "9999-12-31", "1850-06-01", "2024-02-30"};
    private static final Pattern NUMBER = Pattern.compile("\\d{2}\\.\\d{3,}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private HostileFiles() { }

    /** The valid seeds: format name, extension, bytes. */
    private static List<Object[]> seeds() {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {"acled", "csv", EventFiles.acledSample().getBytes(StandardCharsets.UTF_8)});
        out.add(new Object[] {"ucdp", "csv", (EventFiles.UCDP_HEADER + "\n"
                + new String(resource("ucdp/rows.csv"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)});
        out.add(new Object[] {"geojson", "geojson", resource("geojson/features.geojson")});
        out.add(new Object[] {"kml", "kml", resource("kml/doc.kml")});
        out.add(new Object[] {"kml", "kmz", resource("kml/doc.kmz")});
        out.add(new Object[] {"article", "txt", ARTICLE.getBytes(StandardCharsets.UTF_8)});
        out.add(new Object[] {"geonames", "txt", GEONAMES.getBytes(StandardCharsets.UTF_8)});
        return out;
    }

    /** Every damaged file, about 25 per seed. */
    public static List<Hostile> all() {
        List<Hostile> out = new ArrayList<>();
        for (Object[] seed : seeds()) {
            String format = (String) seed[0], ext = (String) seed[1];
            byte[] b = (byte[]) seed[2];
            String text = new String(b, StandardCharsets.UTF_8);
            String base = format + "-" + ext + "-";
            List<Object[]> v = new ArrayList<>();
            v.add(new Object[] {"cut-third", Arrays.copyOf(b, b.length / 3)});
            v.add(new Object[] {"cut-two-thirds", Arrays.copyOf(b, b.length * 2 / 3)});
            Random r = new Random(format.hashCode() * 31L + ext.hashCode());
            for (int flips : new int[] {1, 8, 64}) {
                byte[] f = b.clone();
                for (int k = 0; k < flips; k++) f[r.nextInt(f.length)] ^= (byte) (1 << r.nextInt(8));
                v.add(new Object[] {"flip-" + flips, f});
            }
            v.add(new Object[] {"windows-1252", text.replace("a", "\u00e9").getBytes(java.nio.charset.Charset.forName("windows-1252"))});
            v.add(new Object[] {"utf16le-bom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))});
            v.add(new Object[] {"utf16be-nobom", text.getBytes(StandardCharsets.UTF_16BE)});
            v.add(new Object[] {"utf32-bom", concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, text.getBytes(java.nio.charset.Charset.forName("UTF-32BE")))});
            v.add(new Object[] {"mixed", concat(concat(b, "\u00e9".getBytes(StandardCharsets.UTF_8)), new byte[] {'x', (byte) 0xE9, '\n'})});
            v.add(new Object[] {"nul", insert(b, b.length / 2, new byte[] {0})});
            v.add(new Object[] {"huge-line", concat(b, "A".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII))});
            v.add(new Object[] {"huge-field", insert(b, b.length / 2, "x".repeat(3 << 19).getBytes(StandardCharsets.US_ASCII))});
            for (int i = 0; i < NUMBERS.length; i++) {
                String s = replaceFirst(text, NUMBER, NUMBERS[i]);
                if (s != null) v.add(new Object[] {"number-" + i, s.getBytes(StandardCharsets.UTF_8)});
            }
            for (int i = 0; i < DATES.length; i++) {
                String s = replaceFirst(text, DATE, DATES[i]);
                if (s != null) v.add(new Object[] {"date-" + i, s.getBytes(StandardCharsets.UTF_8)});
            }
            v.add(new Object[] {"empty", new byte[0]});
            v.add(new Object[] {"bom-only", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}});
            if (format.equals("geonames")) {
                v.add(new Object[] {"class-PA", text.replace("\tP\tPPLA\t", "\tPA\tPPLA\t").getBytes(StandardCharsets.UTF_8)});
                v.add(new Object[] {"population-negative", text.replace("1602264", "-5").getBytes(StandardCharsets.UTF_8)});
            }
            for (Object[] x : v) out.add(new Hostile(base + x[0] + "." + ext, format, (byte[]) x[1]));
        }
        return out;
    }

    /** Writes the small ones (under 64 KiB) into the folder {@code args[0]}: the committed regression corpus. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(dir);
        for (Hostile h : all()) if (h.bytes().length < 1 << 16) java.nio.file.Files.write(dir.resolve(h.name()), h.bytes());
    }

    private static String replaceFirst(String text, Pattern p, String with) {
        Matcher m = p.matcher(text);
        return m.find() ? text.substring(0, m.start()) + with + text.substring(m.end()) : null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] insert(byte[] a, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + what.length);
        out.write(a, 0, at);
        out.write(what, 0, what.length);
        out.write(a, at, a.length - at);
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        String path = "/org/sitmap/ingest/ReadersFuzzTestInputs/" + name;
        try (InputStream in = HostileFiles.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
