package org.sitmap.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.sitmap.model.Actor;
import org.sitmap.model.Incident;
import org.sitmap.model.Provenance;

/**
 * Writes incidents as a GeoJSON FeatureCollection of Points in UTF-8 (non-ASCII text such as Arabic is written as
 * is), one feature per line. Properties: id, source_key, date, date_precision (1-4), end_date, place, admin1,
 * country, geo_precision (0-3), event_type, sub_event_type, factions (codes), actors (names as reported),
 * actor_factions (each actor's code), fatalities (null: unknown), summary, source, origin (the file name and
 * line only, {@link Provenance}), evidence. An
 * unresolved incident has a null geometry. {@link GeoJsonReader} reads it back unchanged.
 *
 * <p>Not thread-safe.
 */
public final class GeoJsonWriter implements Closeable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator gen;
    private int count;

    /** Starts the collection; {@link #close()} ends it and closes {@code out}. */
    public GeoJsonWriter(OutputStream out) throws IOException {
        this(JSON.createGenerator(out, JsonEncoding.UTF8));
    }

    /** Starts the collection on a character stream; {@link #close()} ends it and closes {@code out}. */
    public GeoJsonWriter(java.io.Writer out) throws IOException {
        this(JSON.createGenerator(out));
    }

    private GeoJsonWriter(JsonGenerator gen) throws IOException {
        this.gen = gen;
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        gen.writeFieldName("features");
        gen.writeStartArray();
    }

    /** Writes a whole collection to {@code out} and closes it. */
    public static void write(List<Incident> incidents, OutputStream out) throws IOException {
        try (GeoJsonWriter w = new GeoJsonWriter(out)) {
            for (Incident i : incidents) w.write(i);
        }
    }

    /** Number of features written. */
    public int count() { return count; }

    public void write(Incident i) throws IOException {
        gen.writeRaw('\n');
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        if (i.id() != 0) gen.writeNumberField("id", i.id());
        gen.writeFieldName("geometry");
        if (i.located()) {
            gen.writeStartObject();
            gen.writeStringField("type", "Point");
            gen.writeFieldName("coordinates");
            gen.writeStartArray();
            gen.writeNumber(i.longitude());
            gen.writeNumber(i.latitude());
            gen.writeEndArray();
            gen.writeEndObject();
        } else {
            gen.writeNull();
        }
        gen.writeObjectFieldStart("properties");
        if (i.id() != 0) gen.writeNumberField("id", i.id());
        gen.writeStringField("source_key", i.sourceKey());
        gen.writeStringField("date", i.date().toString());
        gen.writeNumberField("date_precision", i.datePrecision().code());
        gen.writeStringField("end_date", i.endDate() == null ? null : i.endDate().toString());
        gen.writeStringField("place", i.place());
        gen.writeStringField("admin1", i.admin1());
        gen.writeStringField("country", i.country());
        gen.writeNumberField("geo_precision", i.geoPrecision().code());
        gen.writeStringField("event_type", i.eventType().label());
        gen.writeStringField("sub_event_type", i.subEventType() == null ? null : i.subEventType().label());
        gen.writeArrayFieldStart("factions");
        for (String c : i.factions()) gen.writeString(c);
        gen.writeEndArray();
        gen.writeArrayFieldStart("actors");
        for (Actor a : i.actors()) gen.writeString(a.name());
        gen.writeEndArray();
        gen.writeArrayFieldStart("actor_factions");
        for (Actor a : i.actors()) gen.writeString(a.factionCode());
        gen.writeEndArray();
        gen.writeFieldName("fatalities");
        if (i.fatalities() == null) gen.writeNull(); else gen.writeNumber(i.fatalities());
        gen.writeStringField("summary", i.summary());
        gen.writeStringField("source", i.source());
        gen.writeStringField("origin", Provenance.shareable(i.origin()));
        gen.writeStringField("evidence", i.evidence());
        gen.writeStringField("revised", i.revised() == null ? null : i.revised().toString());
        gen.writeEndObject();
        gen.writeEndObject();
        count++;
    }

    @Override
    public void close() throws IOException {
        gen.writeRaw('\n');
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.close();
    }
}
