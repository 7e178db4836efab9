package org.sitmap.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files in the other layouts analysts download, written by the tests themselves: API answers as JSON, Excel
 * workbooks (the smallest valid Office Open XML: inline strings, numbers, a date style), zip and gzip files.
 */
public final class TableFiles {
    private TableFiles() { }

    /** A CSV text (header line first) as records: column name → value, in order. */
    public static List<Map<String, String>> records(String csv) {
        List<List<String>> rows = parseCsv(csv);
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < rows.get(0).size(); c++) m.put(rows.get(0).get(c), c < rows.get(r).size() ? rows.get(r).get(c) : "");
            out.add(m);
        }
        return out;
    }

    /** The rows of a small, well-formed CSV text (quotes understood), header included. */
    public static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') q = false;
                else f.append(c);
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                row.add(f.toString()); f.setLength(0);
            } else if (c == '\r') {
                // CR LF: the LF ends the row
            } else if (c == '\n') {
                row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) { row.add(f.toString()); rows.add(row); }
        return rows;
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        return sb.append('"').toString();
    }

    /** Records as JSON objects with string values, one per line. */
    public static String objects(List<Map<String, String>> records) {
        List<String> objs = new ArrayList<>();
        for (Map<String, String> r : records) {
            List<String> members = new ArrayList<>();
            r.forEach((k, v) -> members.add(quote(k) + ":" + quote(v)));
            objs.add("{" + String.join(",", members) + "}");
        }
        return String.join(",\n", objs);
    }

    /** ACLED's API answer around the records (all values strings, as ACLED sends them). */
    public static String acledJson(List<Map<String, String>> records) {
        return "{\"status\":200,\"success\":true,\"last_update\":12,\"count\":" + records.size()
                + ",\"messages\":[],\"data\":[\n" + objects(records) + "\n],\"filename\":\"acled-test\"}\n";
    }

    /** UCDP's API answer (one page) around the given JSON objects. */
    public static String ucdpJson(String... objects) {
        return "{\"TotalCount\":" + objects.length + ",\"TotalPages\":1,\"PreviousPageUrl\":\"\",\"NextPageUrl\":\"\","
                + "\"Result\":[\n" + String.join(",\n", objects) + "\n]}\n";
    }

    /**
     * An Excel workbook of one sheet: the first row is the header, every cell text; a cell of a later row that is a
     * number is written as a number, one that is a yyyy-mm-dd date as a date serial with a date format.
     */
    public static byte[] xlsx(List<List<String>> rows) {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String v = rows.get(r).get(c);
                if (v.isEmpty()) continue;
                String ref = column(c) + (r + 1);
                if (r > 0 && v.matches("-?\\d+(\\.\\d+)?")) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
                } else if (r > 0 && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    long serial = java.time.LocalDate.parse(v).toEpochDay() - java.time.LocalDate.of(1899, 12, 30).toEpochDay();
                    sheet.append("<c r=\"").append(ref).append("\" s=\"1\"><v>").append(serial).append("</v></c>");
                } else {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                            .append(xml(v)).append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\""
                + "/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas."
                + "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\""
                + "worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/styles.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas."
                + "openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                + "formatCode=\"yyyy\\-mm\\-dd\"/></numFmts><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/>"
                + "</fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs>"
                + "</styleSheet>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", sheet.toString().getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    private static String column(int c) {
        StringBuilder sb = new StringBuilder();
        for (int n = c + 1; n > 0; n = (n - 1) / 26) sb.insert(0, (char) ('A' + (n - 1) % 26));
        return sb.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A zip archive of the given entries, in order. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A zip of one entry holding an ACLED header then {@code size} line breaks (blank lines, which a CSV reader
     * passes over): compresses about a thousand times, a zip bomb.
     */
    public static Path zipBomb(Path file, String entry, long size) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write((EventFiles.ACLED_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            fill(z, size, (byte) '\n');
            z.closeEntry();
        }
        return file;
    }

    /** A gzip file of an ACLED header and {@code size} line breaks. */
    public static Path gzipBomb(Path file, long size) throws IOException {
        try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(file))) {
            z.write((EventFiles.ACLED_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            fill(z, size, (byte) '\n');
        }
        return file;
    }

    private static void fill(OutputStream out, long size, byte b) throws IOException {
        byte[] buf = new byte[1 << 16];
        java.util.Arrays.fill(buf, b);
        for (long n = 0; n < size; n += buf.length) out.write(buf, 0, (int) Math.min(buf.length, size - n));
    }

    /** {@code text} gzip-compressed. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a point shapefile ({@code .shp}, {@code .shx}-less, {@code .dbf} with text fields, {@code .cpg} UTF-8, and
     * {@code prj} when not null): one record per point, {@code null} for a null shape.
     */
    public static Path pointShapefile(Path shp, List<double[]> points, List<String> fields, List<List<String>> rows,
                                      String prj) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(100 + points.size() * 28);
        b.order(java.nio.ByteOrder.BIG_ENDIAN).putInt(0, 9994);
        int words = 50;
        for (double[] p : points) words += 4 + (p == null ? 2 : 10);
        b.putInt(24, words);
        b.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 1);
        b.position(100);
        int n = 0;
        for (double[] p : points) {
            b.order(java.nio.ByteOrder.BIG_ENDIAN).putInt(++n).putInt(p == null ? 2 : 10);
            b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (p == null) {
                b.putInt(0);
            } else {
                b.putInt(1).putDouble(p[0]).putDouble(p[1]);
            }
        }
        Files.write(shp, java.util.Arrays.copyOf(b.array(), b.position()));
        String base = shp.toString().substring(0, shp.toString().length() - 4);
        int width = 254;
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 3).putInt(4, rows.size()).putShort(8, (short) (33 + 32 * fields.size()))
                .putShort(10, (short) (1 + width * fields.size()));
        d.write(h.array(), 0, 32);
        for (String f : fields) {
            byte[] desc = new byte[32];
            byte[] name = f.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, desc, 0, Math.min(10, name.length));
            desc[11] = 'C';
            desc[16] = (byte) width;
            d.write(desc, 0, 32);
        }
        d.write(0x0d);
        for (List<String> r : rows) {
            d.write(' ');
            for (String v : r) {
                byte[] cell = java.util.Arrays.copyOf(v.getBytes(StandardCharsets.UTF_8), width);
                for (int k = v.getBytes(StandardCharsets.UTF_8).length; k < width; k++) cell[k] = ' ';
                d.write(cell, 0, width);
            }
        }
        d.write(0x1a);
        Files.write(Path.of(base + ".dbf"), d.toByteArray());
        Files.writeString(Path.of(base + ".cpg"), "UTF-8");
        if (prj != null) Files.writeString(Path.of(base + ".prj"), prj);
        return shp;
    }
}
