package org.sitmap.ingest.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.GeoJsonReader;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.ingest.Unsupported;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.kml.KmlReader;
import org.sitmap.ingest.table.TableFormats;
import org.sitmap.ingest.ucdp.UcdpReader;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * Opens a reader on a stream that is not a file of its own (a zip entry, a decompressed {@code .gz}): the format
 * is given, or found from the content as {@code --format auto} does, then from the name's extension. A nested
 * archive is refused; an Excel workbook is copied to a temporary file first (the workbook reader needs one),
 * removed when the reader closes.
 */
final class Inner {
    private Inner() { }

    /**
     * @param raw    the (already capped) bytes; closed by the reader, or here when opening fails
     * @param name   the name used in messages and origins ({@code data.zip!/acled.csv})
     * @param format a {@code --format} name or {@code auto}
     */
    static IncidentReader open(InputStream raw, String name, String format, ReaderContext ctx) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            in.mark(8192);
            byte[] head = in.readNBytes(8192);
            in.reset();
            String f = format == null || format.equalsIgnoreCase("auto") ? detect(head, name) : format.toLowerCase(Locale.ROOT);
            return switch (f) {
                case "acled" -> new AcledReader(in, name, ctx.catalog());
                case "ucdp" -> new UcdpReader(in, name, ctx.catalog());
                case "geojson" -> new GeoJsonReader(in, name, ctx.catalog());
                case "acled-json" -> TableFormats.acledJson(in, name, ctx.catalog());
                case "ucdp-json" -> TableFormats.ucdpJson(in, name, ctx.catalog());
                case "xlsx" -> xlsx(in, name, ctx);
                case "kml" -> {
                    if (ZipGuard.isZip(head)) throw nested(name);
                    yield new KmlReader(in, name, ctx.catalog());
                }
                case "article" -> throw new InputException(name, 0, "a news article is imported by itself, with its"
                        + " publication date (--date)");
                case "zip", "gzip" -> throw nested(name);
                default -> throw new InputException(name, 0, "cannot tell the format; give --format");
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The format of a stream by its first bytes, then its name. */
    static String detect(byte[] head, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (ZipGuard.isZip(head)) return n.endsWith(".xlsx") ? "xlsx" : "zip";
        if (Packed.isGzip(head)) return "gzip";
        String why = Unsupported.describe(head, name);
        if (why != null) throw new InputException(name, 0, why);
        String text = new String(head, StandardCharsets.UTF_8);
        for (Formats.Format f : Formats.ALL) if (f.sniff().test(text)) return f.name();
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        for (Formats.Format f : Formats.ALL) if (f.extensions().contains(ext)) return f.name();
        throw new InputException(name, 0, "cannot tell the format (not ACLED, UCDP, GeoJSON, JSON, KML or Excel)");
    }

    private static InputException nested(String name) {
        return new InputException(name, 0, "an archive inside an archive is not opened; unpack it first");
    }

    private static IncidentReader xlsx(InputStream in, String name, ReaderContext ctx) throws IOException {
        Path tmp = Files.createTempFile("sitmap-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            } finally {
                in.close();
            }
            IncidentReader r = TableFormats.xlsx(tmp, name, ctx.catalog());
            return new IncidentReader() {
                @Override public String file() { return r.file(); }
                @Override public String format() { return r.format(); }
                @Override public ParsedRow next() throws IOException { return r.next(); }
                @Override public void close() throws IOException {
                    try {
                        r.close();
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
