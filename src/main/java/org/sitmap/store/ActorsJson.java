package org.sitmap.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.model.Actor;

/**
 * The {@code actors} column of an incident row: a JSON array of {@code {"name": ..., "faction": ...}} objects in
 * the order the source gave the actors, e.g. {@code [{"name":"Government of Syria","faction":"SAA"}]}. Written by
 * hand (an import writes a million of them), read with jackson-core, so a value edited in QGIS by someone else
 * reads back as long as it is JSON of that shape. Stateless and thread-safe.
 */
final class ActorsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ActorsJson() { }

    /** The JSON text of {@code actors}. */
    static String write(List<Actor> actors) {
        StringBuilder sb = new StringBuilder(24 + 48 * actors.size()).append('[');
        for (Actor a : actors) {
            if (sb.length() > 1) sb.append(',');
            object(sb, a);
        }
        return sb.append(']').toString();
    }

    /** One actor's object of the array, as {@link #write} writes it ({@link IncidentValues} keeps them per actor). */
    static String object(Actor a) {
        StringBuilder sb = new StringBuilder(32 + a.name().length());
        object(sb, a);
        return sb.toString();
    }

    private static void object(StringBuilder sb, Actor a) {
        sb.append("{\"name\":");
        string(sb, a.name());
        sb.append(",\"faction\":");
        string(sb, a.factionCode());
        sb.append('}');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /**
     * The actors of a column value; null or blank is no actor.
     *
     * @throws IllegalArgumentException when the text is not a JSON array of objects with a string {@code name}
     */
    static List<Actor> read(String json) {
        List<Actor> out = new ArrayList<>(2);
        if (json == null || json.isBlank()) return out;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IllegalArgumentException("not a JSON array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null, faction = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v.isStructStart()) {
                        p.skipChildren();
                    } else if ("name".equals(field) && v == JsonToken.VALUE_STRING) {
                        name = p.getText();
                    } else if ("faction".equals(field) && v == JsonToken.VALUE_STRING) {
                        faction = p.getText();
                    }
                }
                if (name == null) throw new IllegalArgumentException("an actor without a name");
                out.add(new Actor(name, faction));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) throw new IllegalArgumentException("not an array of actors");
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        return out;
    }
}
