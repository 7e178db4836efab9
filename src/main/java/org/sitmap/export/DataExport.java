package org.sitmap.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.Provenance;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * Data exports of the filtered incidents, chosen by the file's ending: GeoJSON, CSV (Sitmap's layout with ACLED
 * column names where they fit, or ACLED's own layout; formula-safe), KML and KMZ (time-stamped placemarks for
 * Google Earth's time slider, valid against the OGC schema; the KMZ holds its icons) and GeoPackage (a new Sitmap
 * store holding only those incidents, readable by QGIS and GDAL). GeoJSON, Sitmap's CSV, KML and GeoPackage
 * import back into the store they came from unchanged. Every format carries the origin of an incident as a file
 * name and line only ({@link Provenance}), never a folder of the analyst's machine.
 *
 * <p>Threading: blocking; run on a worker. Streams from the store except for GeoPackage (one list in memory).
 */
public final class DataExport {
    /** File name endings handled here. */
    public static final List<String> FORMATS = List.of("geojson", "json", "csv", "kml", "kmz", "gpkg");

    private DataExport() { }

    /**
     * Writes the incidents that pass {@code filter} to {@code out}; returns how many were written. The filter's
     * {@link org.sitmap.model.FactionRule} is applied by the store's query (the window's exports keep incidents by
     * primary faction, as the map shows them).
     */
    public static long write(IncidentStorage store, FilterSpec filter, Path out) throws IOException {
        return write(store, filter, CsvLayout.SITMAP, out);
    }

    /** As {@link #write(IncidentStorage, FilterSpec, Path)}, a CSV in {@code layout}. */
    public static long write(IncidentStorage store, FilterSpec filter, CsvLayout layout, Path out) throws IOException {
        String ext = MapExport.extension(out);
        MapExport.createParent(out);
        if (ext.equals("gpkg")) return geoPackage(store, filter, out);
        long[] kept = {0};
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        long n;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            n = switch (ext) {
                case "geojson", "json" -> {
                    try (GeoJsonWriter w = new GeoJsonWriter(os)) {
                        stream(store, filter, i -> { w.write(i); kept[0]++; });
                        yield kept[0];
                    }
                }
                case "csv" -> {
                    try (CsvWriter w = new CsvWriter(os, layout)) {
                        stream(store, filter, i -> { w.write(i); kept[0]++; });
                        yield kept[0];
                    }
                }
                case "kml" -> {
                    String name = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                    try (KmlWriter w = new KmlWriter(os, store.factions(), name)) {
                        stream(store, filter, i -> w.write(i));
                        yield w.written();
                    }
                }
                case "kmz" -> {
                    String name = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                    try (KmzWriter w = new KmzWriter(os, store.factions(), name)) {
                        stream(store, filter, i -> w.write(i));
                        yield w.written();
                    }
                }
                default -> throw new IllegalArgumentException(out + ": data is written as .geojson, .csv, .kml, .kmz"
                        + " or .gpkg, not ." + ext);
            };
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return n;
    }

    /** Writes one incident; may fail with an I/O error. */
    public interface Sink {
        void write(Incident i) throws IOException;
    }

    /**
     * Streams the incidents that pass {@code filter}, ordered by date then id, into {@code sink} on the calling
     * thread; returns how many. An I/O error of the sink stops the stream and is rethrown as it was.
     */
    public static long stream(IncidentStorage store, FilterSpec filter, Sink sink) throws IOException {
        try {
            return store.forEach(filter, i -> {
                try {
                    sink.write(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A fresh store (an existing file is replaced) with the filtered incidents, keeping their source keys. */
    private static long geoPackage(IncidentStorage store, FilterSpec filter, Path out) throws IOException {
        if (store.file() != null && Files.exists(out) && Files.isSameFile(store.file(), out)) {
            throw new IllegalArgumentException(out + ": is the store being exported from");
        }
        List<Incident> all = store.query(filter);
        Path tmp = out.resolveSibling(out.getFileName() + ".part.gpkg");
        for (String s : new String[] {"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(tmp + s));
        try (IncidentStore target = IncidentStore.open(tmp)) {
            target.importAll(new ListReader(out.getFileName().toString(), all.iterator()), ImportOptions.DEFAULT, null);
        }
        // a journal or log left by a crash beside the old file would be played back into the new one
        for (String s : new String[] {"-wal", "-shm", "-journal"}) Files.deleteIfExists(Path.of(out + s));
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return all.size();
    }

    /** Incidents from a list as a reader (for the store's importer). */
    private static final class ListReader implements IncidentReader {
        private final String file;
        private final Iterator<Incident> it;
        private long line;

        ListReader(String file, Iterator<Incident> it) {
            this.file = file;
            this.it = it;
        }

        @Override public String file() { return file; }

        @Override public String format() { return "sitmap"; }

        @Override public ParsedRow next() {
            if (!it.hasNext()) return null;
            Incident i = it.next();
            return ParsedRow.ok(++line, i.toBuilder().id(0).batchId(0).origin(Provenance.shareable(i.origin())).build());
        }

        @Override public void close() { }
    }
}
