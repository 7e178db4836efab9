package org.sitmap.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.sitmap.ingest.archive.Packed;
import org.sitmap.ingest.archive.ZipDataReader;
import org.sitmap.ingest.archive.ZipGuard;
import org.sitmap.ingest.table.TableFormats;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;

/**
 * The registry of input formats: each has a name (as given to {@code --format}), the file extensions it usually
 * has, a test on the first few kilobytes of the file (content sniffing), and how to open a reader. Adding a
 * format is one line in {@link #ALL}.
 */
public final class Formats {
    /** Opens a reader for a file. */
    @FunctionalInterface
    public interface Opener {
        IncidentReader open(Path file, ReaderContext ctx) throws IOException;
    }

    /**
     * One input format.
     *
     * @param name       the {@code --format} name
     * @param extensions lower-case extensions without the dot
     * @param sniff      true when the start of a file (decoded as UTF-8, up to 8 KiB) is surely this format
     * @param opener     opens the reader
     */
    public record Format(String name, List<String> extensions, Predicate<String> sniff, Opener opener) { }

    /** Every format, in the order auto-detection tries their sniffers. Add new formats here. */
    public static final List<Format> ALL = List.of(
            new Format("geojson", List.of("geojson", "json"), head -> head.contains("\"FeatureCollection\""),
                    GeoJsonReader::open),
            new Format("acled-json", List.of(), TableFormats::sniffAcledJson, TableFormats::openAcledJson),
            new Format("ucdp-json", List.of(), TableFormats::sniffUcdpJson, TableFormats::openUcdpJson),
            new Format("article", List.of("txt"), head -> false, (file, ctx) -> org.sitmap.ingest.article.ArticleReader
                    .open(file, ctx.articleDate() == null ? null
                            : new org.sitmap.ingest.article.ArticleDate(ctx.articleDate(), ctx.articleDatePrecision()),
                            null, ctx.catalog())),
            new Format("acled", List.of("csv"), org.sitmap.ingest.acled.AcledReader::sniff,
                    org.sitmap.ingest.acled.AcledReader::open),
            new Format("ucdp", List.of(), org.sitmap.ingest.ucdp.UcdpReader::sniff, org.sitmap.ingest.ucdp.UcdpReader::open),
            new Format("kml", List.of("kml", "kmz"), org.sitmap.ingest.kml.KmlReader::sniff,
                    org.sitmap.ingest.kml.KmlReader::open),
            new Format("xlsx", List.of("xlsx"), head -> false, TableFormats::openXlsx),
            new Format("shapefile", List.of("shp"), head -> false, org.sitmap.ingest.shp.ShapefileReader::open),
            new Format("zip", List.of("zip"), head -> false, ZipDataReader::open),
            new Format("gzip", List.of("gz"), head -> false, (file, ctx) -> Packed.openGzip(file, "auto", ctx))
    );

    private static final int SNIFF_BYTES = 8192;

    private Formats() { }

    /** The names accepted by {@code --format}, {@code auto} first. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        out.add("auto");
        for (Format f : ALL) out.add(f.name());
        return out;
    }

    /**
     * Opens {@code file} as {@code format} ({@code auto} or null: detect by content, then by extension).
     *
     * Every reader is wrapped in {@link CheckedReader}: no date outside the shared range, no NaN position.
     *
     * @throws InputException when the file is missing or its format is unknown or cannot be detected
     */
    public static IncidentReader open(Path file, String format, ReaderContext ctx) throws IOException {
        if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "no such file");
        // compressed files hold a file of the format asked for: decompress first, then read that format
        boolean given = format != null && !format.isBlank() && !format.equalsIgnoreCase("auto");
        if (given && !List.of("gzip", "zip", "xlsx", "kml", "shapefile").contains(format.toLowerCase(Locale.ROOT))) {
            known(file, format);
            byte[] bytes = headBytes(file);
            if (Packed.isGzip(bytes)) return new CheckedReader(Packed.openGzip(file, format, ctx));
            if (ZipGuard.isZip(bytes)) return new CheckedReader(new ZipDataReader(file, format, ctx));
        }
        Format f = detect(file, format);
        try {
            return new CheckedReader(f.opener().open(file, ctx));
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a reader that fails on hostile bytes while opening: one plain line, the log keeps the cause
            throw new InputException(file.toString(), 0, "cannot be read as " + f.name()
                    + ": the file is damaged or not in this format; check it, or give the right --format", e);
        }
    }

    /** The format {@code open} would use. */
    public static Format detect(Path file, String format) throws IOException {
        if (format != null && !format.isBlank() && !format.equalsIgnoreCase("auto")) return known(file, format);
        byte[] bytes = headBytes(file);
        // binary containers first: a zip is a KMZ, a workbook or an archive of data files; gzip holds one file
        if (ZipGuard.isZip(bytes)) return known(file, Packed.classifyZip(file));
        if (Packed.isGzip(bytes)) return known(file, "gzip");
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x27 && bytes[3] == 0x0a) {
            return known(file, "shapefile");
        }
        // the same byte-order marks as the input contract (TextInput); damaged bytes only spoil the guess
        String head = bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                ? new String(bytes, StandardCharsets.UTF_16LE)
                : bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                ? new String(bytes, StandardCharsets.UTF_16BE) : new String(bytes, StandardCharsets.UTF_8);
        for (Format f : ALL) if (f.sniff().test(head)) return f;
        String ext = extension(file);
        for (Format f : ALL) if (f.extensions().contains(ext)) return f;
        String what = Unsupported.describe(bytes, file.toString());
        if (what != null) throw new InputException(file.toString(), 0, what);
        throw new InputException(file.toString(), 0, "cannot tell the file's format; give --format ("
                + String.join(", ", names()) + ")");
    }

    /** The format named {@code format}; an unknown name is an {@link InputException}. */
    private static Format known(Path file, String format) {
        for (Format f : ALL) if (f.name().equalsIgnoreCase(format)) return f;
        throw new InputException(file.toString(), 0, "unknown format '" + format + "' (known: "
                + String.join(", ", names()) + ")");
    }

    private static byte[] headBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
