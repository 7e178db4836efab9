package org.sitmap.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.index.IncidentIndex;
import org.sitmap.ingest.GeoJsonReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.ParsedRow;

/** The shipped seed incidents ({@code data/incidents/seed-incidents.geojson}) as an index, ids 1..n in file order. */
public final class SeedIndex {
    private SeedIndex() { }

    public static IncidentIndex load() {
        return IncidentIndex.of(FactionCatalog.shipped(), incidents());
    }

    /** The seed incidents, ids 1..n in file order. */
    public static List<Incident> incidents() {
        String file = "data/incidents/seed-incidents.geojson";
        try (InputStream in = SeedIndex.class.getClassLoader().getResourceAsStream(file);
             GeoJsonReader r = new GeoJsonReader(in, file, FactionCatalog.shipped())) {
            List<Incident> l = new ArrayList<>();
            ParsedRow row;
            long id = 1;
            while ((row = r.next()) != null) {
                if (!row.isRejected()) l.add(row.incident().toBuilder().id(id++).build());
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
