package org.sitmap.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * Reads a GeoJSON FeatureCollection of Points (the format {@code sitmap query --format geojson} writes) one
 * feature at a time with a streaming parser, so large files need little memory. A feature with bad fields becomes
 * a rejection at its line; malformed JSON or a file that is not a FeatureCollection is an {@link InputException}.
 * See {@link GeoJsonFeatures} for the properties read.
 *
 * <p>Not thread-safe.
 */
public final class GeoJsonReader implements IncidentReader {
    /** Caps of the input contract: a string (field) and a number's length, and nesting. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(TextInput.MAX_FIELD_CHARS).maxNumberLength(InputGrammar.MAX_NUMBER_CHARS)
                    .maxNestingDepth(64).build())
            .build();

    private final String file;
    private final JsonParser parser;
    private final TextInput.Decoded text;
    private final GeoJsonFeatures features;
    private boolean inFeatures;
    private boolean done;

    /**
     * @param in   the bytes, decoded by the input contract ({@link TextInput}); closed by {@link #close()}
     * @param file the name used in messages and as the default origin
     */
    public GeoJsonReader(InputStream in, String file, FactionCatalog catalog) throws IOException {
        this.file = file;
        this.text = TextInput.decode(in, file, TextInput.Limits.DATA);
        try {
            this.parser = JSON.createParser(text);
        } catch (java.io.CharConversionException e) {
            text.close();
            throw encoding(e, 1);
        }
        this.features = new GeoJsonFeatures(file, catalog);
        try {
            start();
        } catch (JsonProcessingException e) {
            parser.close();
            throw malformed(e);
        } catch (java.io.CharConversionException e) {
            parser.close();
            throw encoding(e, line());
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Opens a file (the {@link Formats} entry). */
    public static IncidentReader open(Path path, ReaderContext ctx) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            return new GeoJsonReader(in, path.toString(), ctx.catalog());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return "geojson"; }

    @Override
    public List<String> notes() { return text.note() == null ? List.of() : List.of(text.note()); }

    private void start() throws IOException {
        JsonToken t = parser.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new InputException(file, line(), "not GeoJSON: expected a FeatureCollection object");
        }
        String type = null;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(name)) {
                type = value == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(value);
                if (!"FeatureCollection".equals(type)) {
                    throw new InputException(file, line(), "not a FeatureCollection (type is '" + type + "')");
                }
            } else if ("features".equals(name)) {
                if (value != JsonToken.START_ARRAY) throw new InputException(file, line(), "'features' must be an array");
                inFeatures = true;
                return;
            } else {
                parser.skipChildren();
            }
        }
        throw new InputException(file, line(), "not a FeatureCollection: no 'features' array");
    }

    @Override
    public ParsedRow next() throws IOException {
        if (done) return null;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                finish();
                return null;
            }
            if (t == null) throw new InputException(file, line(), "the file ends inside the 'features' array");
            long at = line();
            if (t != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return ParsedRow.rejected(at, "a feature must be a JSON object");
            }
            Object feature = readValue();
            return features.toRow(at, feature);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (java.io.CharConversionException e) {
            throw encoding(e, line());
        }
    }

    /** Bytes that are not UTF-8/16/32 text (found by fuzzing: jackson reports them as an IOException). */
    private InputException encoding(java.io.CharConversionException e, long at) {
        return new InputException(file, Math.max(at, 1), "not a text file in UTF-8 (or UTF-16/32): " + e.getMessage(), e);
    }

    /** Reads the rest of the top-level object so trailing garbage is reported, not ignored. */
    private void finish() throws IOException {
        done = true;
        inFeatures = false;
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("type".equals(name) && !"FeatureCollection".equals(parser.getText())) {
                throw new InputException(file, line(), "not a FeatureCollection (type is '" + parser.getText() + "')");
            }
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) throw new InputException(file, line(), "unexpected content after 'features'");
        if (parser.nextToken() != null) throw new InputException(file, line(), "unexpected content after the end");
    }

    /** The current value as Map, List, String, Number, Boolean or null. */
    private Object readValue() throws IOException {
        JsonToken t = parser.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    m.put(name, readValue());
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) throw new InputException(file, line(), "the file ends inside an array");
                    l.add(readValue());
                }
                return l;
            }
            case VALUE_STRING: return parser.getText();
            case VALUE_NUMBER_INT: return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT: return parser.getDoubleValue();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new InputException(file, line(), "unexpected JSON token " + t);
        }
    }

    private long line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private InputException malformed(JsonProcessingException e) {
        long at = e.getLocation() == null ? line() : e.getLocation().getLineNr();
        return new InputException(file, Math.max(at, 1), "malformed JSON: " + e.getOriginalMessage(), e);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
