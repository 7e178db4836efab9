package org.sitmap.ingest.shp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitmap.ingest.GeoJsonFeatures;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * Reads a point shapefile: the geometry from the {@code .shp} (Point, PointZ, PointM; a null shape is an
 * unresolved place), the attributes from the {@code .dbf} beside it (text in the encoding its {@code .cpg} names,
 * else Windows-1252), the coordinate system from the {@code .prj}, which must be geographic WGS 84 (a projected
 * or other system is refused with the {@code ogr2ogr -t_srs EPSG:4326} command; no {@code .prj}: WGS 84 assumed).
 * Each record becomes a feature read as GeoJSON ({@link GeoJsonFeatures}, with other tools' names understood);
 * dBase's 10-character field names are expanded ({@code event_id_c} → {@code event_id_cnty}, {@code sub_event_}
 * → {@code sub_event_type} ...). The line of a row is its record number.
 *
 * <p>Hostile input: the file code, shape types, record lengths (at most 1 MiB) and the table's header are
 * checked; a cut file is reported. Lines and polygons are refused. Not thread-safe.
 */
public final class ShapefileReader implements IncidentReader {
    private static final int MAX_RECORD_BYTES = 1 << 20;
    private static final Map<String, String> LONG_NAMES = Map.ofEntries(
            Map.entry("event_id_c", "event_id_cnty"), Map.entry("sub_event_", "sub_event_type"),
            Map.entry("time_preci", "time_precision"), Map.entry("date_preci", "date_precision"),
            Map.entry("geo_precis", "geo_precision"), Map.entry("faction_co", "faction_codes"),
            Map.entry("source_rev", "source_revised"), Map.entry("assoc_acto", "assoc_actor_1"),
            Map.entry("assoc_ac_1", "assoc_actor_2"), Map.entry("where_coor", "where_coordinates"),
            Map.entry("type_of_vi", "type_of_violence"), Map.entry("source_off", "source_office"),
            Map.entry("actor_fact", "actor_factions"));

    private final String file;
    private final InputStream shp;
    private final DbfTable dbf;
    private final GeoJsonFeatures features;
    private long record;

    /** Opens {@code path} (the .shp) with the files beside it. */
    public ShapefileReader(Path path, FactionCatalog catalog) throws IOException {
        this.file = path.toString();
        Path dbfPath = sibling(path, "dbf");
        if (dbfPath == null) {
            throw new InputException(file, 0, "the shapefile's attribute table (.dbf) is missing beside it");
        }
        checkPrj(sibling(path, "prj"));
        Charset cs = charset(sibling(path, "cpg"));
        this.features = new GeoJsonFeatures(file, catalog);
        this.shp = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            ByteBuffer h = ByteBuffer.wrap(bytes(100));
            if (h.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) throw new InputException(file, 0, "not a shapefile");
            int type = h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
            if (type != 0 && type != 1 && type != 11 && type != 21) {
                throw new InputException(file, 0, "a shapefile of " + kind(type) + ": only points can be imported");
            }
            this.dbf = new DbfTable(Files.newInputStream(dbfPath), dbfPath.toString(), cs);
        } catch (IOException | RuntimeException e) {
            shp.close();
            throw e;
        }
    }

    /** Opens a file (the {@code Formats} entry). */
    public static IncidentReader open(Path path, ReaderContext ctx) throws IOException {
        return new ShapefileReader(path, ctx.catalog());
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return "shapefile"; }

    @Override
    public ParsedRow next() throws IOException {
        byte[] head = shp.readNBytes(8);
        if (head.length == 0) return null;
        if (head.length < 8) throw new InputException(file, 0, "the shapefile is cut after record " + record);
        record++;
        int words = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt(4);
        if (words < 2 || words > MAX_RECORD_BYTES / 2) {
            throw new InputException(file, 0, "a damaged shapefile: record " + record + " has a bad length");
        }
        ByteBuffer c = ByteBuffer.wrap(bytes(words * 2)).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Object> attributes = dbf.next();
        if (attributes == null) {
            throw new InputException(file, 0, "the .dbf has fewer records (" + dbf.records() + ") than the .shp");
        }
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        Map<String, Object> p = new LinkedHashMap<>();
        attributes.forEach((k, v) -> p.put(LONG_NAMES.getOrDefault(k.toLowerCase(Locale.ROOT), k), v));
        feature.put("properties", p);
        int type = c.getInt(0);
        if (type == 0) {
            feature.put("geometry", null);
        } else if ((type == 1 || type == 11 || type == 21) && words * 2 >= 20) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("type", "Point");
            g.put("coordinates", List.of(c.getDouble(4), c.getDouble(12)));
            feature.put("geometry", g);
        } else {
            return ParsedRow.rejected(record, "a " + kind(type) + " shape: only points can be imported");
        }
        return features.toRow(record, feature);
    }

    private byte[] bytes(int n) throws IOException {
        byte[] b = shp.readNBytes(n);
        if (b.length < n) throw new InputException(file, 0, "the shapefile is cut (record " + record + ")");
        return b;
    }

    private static String kind(int type) {
        return switch (type) {
            case 3, 13, 23 -> "lines";
            case 5, 15, 25 -> "polygons";
            case 8, 18, 28 -> "multipoints";
            default -> "shape type " + type;
        };
    }

    /** The file beside {@code shp} with the extension {@code ext} (any case), or null. */
    static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        Path dir = shp.toAbsolutePath().getParent();
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = dir.resolve(base + "." + e);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** Refuses a coordinate system other than geographic WGS 84. */
    private void checkPrj(Path prj) throws IOException {
        if (prj == null) return;
        byte[] b;
        try (InputStream in = Files.newInputStream(prj)) {
            b = in.readNBytes(64 * 1024);
        }
        String raw = new String(b, StandardCharsets.ISO_8859_1).strip();
        String wkt = raw.toUpperCase(Locale.ROOT).replace(" ", "_");
        boolean geographic = wkt.startsWith("GEOGCS") || wkt.startsWith("GEOGCRS");
        boolean wgs84 = wkt.contains("WGS_1984") || wkt.contains("WGS_84") || wkt.contains("WGS84");
        if (!geographic || !wgs84) {
            int q = raw.indexOf('"'), q2 = q < 0 ? -1 : raw.indexOf('"', q + 1);
            String name = q2 > q ? raw.substring(q + 1, q2) : "unknown";
            throw new InputException(file, 0, "the shapefile is not in WGS 84 longitude/latitude (its .prj: "
                    + name.replace('_', ' ') + "); reproject it: ogr2ogr -t_srs EPSG:4326 out.shp "
                    + Path.of(file).getFileName());
        }
    }

    /** The .cpg's encoding (UTF-8, 1252 ...), else Windows-1252 (dBase's usual one). */
    private static Charset charset(Path cpg) throws IOException {
        if (cpg != null) {
            String name;
            try (InputStream in = Files.newInputStream(cpg)) {
                name = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1).strip();
            }
            if (name.matches("\\d{3,5}")) name = "windows-" + name;
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                // an unknown name: the default below
            }
        }
        return Charset.forName("windows-1252");
    }

    @Override
    public void close() throws IOException {
        try {
            shp.close();
        } finally {
            if (dbf != null) dbf.close();
        }
    }
}
