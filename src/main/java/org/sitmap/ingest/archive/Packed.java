package org.sitmap.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;

/**
 * {@code .gz} files and zip archives: what a zip holds (a KMZ, an Excel workbook, data files, or something Sitmap
 * does not read) and readers for a gzip-compressed file and for a zip of data files.
 */
public final class Packed {
    /** Extensions of the zip entries read as data files. */
    static final List<String> DATA_EXTENSIONS = List.of("csv", "tsv", "json", "geojson", "xlsx", "kml");

    private Packed() { }

    /** True when the bytes start with the gzip signature. */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /**
     * Opens a gzip-compressed file ({@code events.csv.gz}) as the file inside it, in {@code format} or detected from
     * its content; decompressed through a {@link CappedStream}.
     */
    public static IncidentReader openGzip(Path path, String format, ReaderContext ctx) throws IOException {
        String name = path.toString();
        InputStream file = Files.newInputStream(path);
        InputStream gz;
        try {
            gz = new GZIPInputStream(file, 1 << 16);
        } catch (IOException e) {
            file.close();
            throw new InputException(name, 0, "not a readable gzip file: " + e.getMessage());
        }
        return Inner.open(new CappedStream(gz, name, CappedStream.MAX_BYTES, Files.size(path)), name, format, ctx);
    }

    /**
     * What a zip archive is: {@code kml} (a KMZ: it holds a .kml), {@code xlsx} (an Excel workbook), {@code zip}
     * (data files: CSV, Excel, JSON, KML).
     *
     * @throws InputException naming what it is when Sitmap cannot import it (a shapefile, a Word or OpenDocument
     *                        file, an archive of other files), or when it is damaged
     */
    public static String classifyZip(Path zip) throws IOException {
        String name = zip.toString();
        List<String> names = entryNames(zip, name);
        boolean kml = false, workbook = false, data = false, shp = false, word = false, odf = false;
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            if (l.equals("xl/workbook.xml")) workbook = true;
            else if (l.startsWith("word/")) word = true;
            else if (l.equals("mimetype")) odf = true;
            else if (l.endsWith(".shp")) shp = true;
            if (l.endsWith(".kml")) kml = true;
            if (isData(n)) data = true;
        }
        if (workbook) return "xlsx";
        if (word) throw new InputException(name, 0, "a Word document; save the article as plain text (.txt) and import"
                + " it with --date");
        if (odf) throw new InputException(name, 0, "an OpenDocument file is not read; save it as .xlsx or CSV");
        if (kml && !data(names, true)) return "kml";
        if (data) return "zip";
        if (shp) throw new InputException(name, 0, "a zipped ESRI shapefile: unzip it and import the .shp (its .dbf"
                + " and .prj beside it)");
        throw new InputException(name, 0, "the zip archive holds no CSV, Excel, JSON, GeoJSON or KML file ("
                + names.size() + " entries)");
    }

    /** True when some entry other than KML is a data file (then the archive is a zip of data, not a KMZ). */
    private static boolean data(List<String> names, boolean exceptKml) {
        for (String n : names) {
            if (isData(n) && !(exceptKml && n.toLowerCase(Locale.ROOT).endsWith(".kml"))) return true;
        }
        return false;
    }

    /** True for an entry read as a data file: a known extension, not a macOS resource fork or hidden file. */
    static boolean isData(String entry) {
        String l = entry.toLowerCase(Locale.ROOT);
        if (l.startsWith("__macosx/") || l.endsWith("/")) return false;
        String base = l.substring(l.lastIndexOf('/') + 1);
        if (base.startsWith(".") || base.startsWith("~$")) return false;
        int dot = base.lastIndexOf('.');
        return dot > 0 && DATA_EXTENSIONS.contains(base.substring(dot + 1));
    }

    /** The entry names (at most {@link ZipGuard#MAX_ENTRIES}), each checked for path traversal. */
    static List<String> entryNames(Path zip, String name) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipGuard.openZip(zip, name)) {
            Enumeration<? extends ZipEntry> en = ZipGuard.entries(z, name);
            while (ZipGuard.hasMore(en, name)) {
                ZipEntry e = en.nextElement();
                if (names.size() >= ZipGuard.MAX_ENTRIES) {
                    throw new InputException(name, 0, "the zip archive has more than " + ZipGuard.MAX_ENTRIES + " entries");
                }
                if (!ZipGuard.safe(e.getName())) {
                    throw new InputException(name, 0, "the zip archive has an unsafe entry name '" + ZipGuard.cut(e.getName())
                            + "' (a path outside the archive): refused");
                }
                if (!e.isDirectory()) names.add(e.getName());
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(name, 0, "a damaged zip archive: an entry name is not readable text");
        }
        return names;
    }
}
