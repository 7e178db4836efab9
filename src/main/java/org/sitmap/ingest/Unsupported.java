package org.sitmap.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Names the files Sitmap cannot import but an analyst may well try (a shapefile's .dbf, an old {@code .xls}, a
 * GeoPackage, a PDF ...), so the refusal says what the file is and what to do instead of "unknown format".
 */
public final class Unsupported {
    private Unsupported() { }

    /**
     * A plain message for a file that is recognisably something Sitmap does not read, or null.
     *
     * @param head the first bytes of the file
     * @param name the file name (its extension helps for formats without a signature)
     */
    public static String describe(byte[] head, String name) {
        String ext = extension(name);
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1);
        if (ext.equals("dbf") || ext.equals("shx") || ext.equals("prj") || ext.equals("cpg")) {
            return "a part of an ESRI shapefile (." + ext + "); import the .shp beside it";
        }
        if (text.startsWith("SQLite format 3\0")) {
            return ext.equals("mbtiles") ? "an MBTiles tile pack is a basemap, not event data: open it in the window"
                    + " (Tile pack) or give it to export with --mbtiles"
                    : "a GeoPackage or SQLite database: open a Sitmap store with --db FILE; for another GeoPackage,"
                    + " convert its layer first: ogr2ogr -f GeoJSON out.geojson " + base(name) + " LAYER";
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xd0 && (head[1] & 0xff) == 0xcf && head[2] == 0x11
                && (head[3] & 0xff) == 0xe0) {
            return "an old Excel workbook (.xls, Office 97-2003) is not read; save it as .xlsx or CSV";
        }
        if (text.startsWith("%PDF")) return "a PDF document holds no importable event data; use the data set's CSV,"
                + " Excel or JSON download";
        if (text.startsWith("\u0089PNG") || text.startsWith("\u00ff\u00d8\u00ff") || text.startsWith("GIF8")) {
            return "an image holds no importable event data";
        }
        if (text.startsWith("PAR1")) return "Apache Parquet is not read; convert it to CSV or GeoJSON first";
        if (text.startsWith("fgb\u0003")) return "FlatGeobuf is not read; convert it first: ogr2ogr -f GeoJSON out.geojson "
                + base(name);
        String lower = text.stripLeading().toLowerCase(Locale.ROOT);
        if (lower.contains("\"topology\"")) return "TopoJSON is not read; convert it to GeoJSON first";
        if (lower.contains("<gpx")) return "GPX is not read; convert it first: ogr2ogr -f GeoJSON out.geojson " + base(name);
        if (ext.equals("ods")) return "an OpenDocument spreadsheet is not read; save it as .xlsx or CSV";
        if (ext.equals("docx") || ext.equals("doc") || ext.equals("odt")) {
            return "a word-processor document; save the article as plain text (.txt) and import it with --date";
        }
        return null;
    }

    private static String extension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        int dot = n.lastIndexOf('.');
        return dot <= slash ? "" : n.substring(dot + 1);
    }

    private static String base(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
