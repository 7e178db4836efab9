package org.sitmap.ingest.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of an API answer saved as JSON: an object whose {@code listKey} member is a list of flat objects,
 * such as ACLED's {@code {"status":200,"success":true,"count":N,"data":[{"event_id_cnty":...}]}} or UCDP's
 * {@code {"TotalCount":N,"Result":[{"id":...}],"NextPageUrl":...}}. Read with a streaming parser, one record at a
 * time. The column names are the first record's keys plus {@code extraColumns}; a value that is a string or a
 * number is given as written, true/false as such, null as blank, an object or list as a short placeholder the CSV
 * reader then rejects in its own words ("latitude '(a JSON list)' is not a number").
 *
 * <p>An error answer ({@code "success": false}, a {@code status} other than 200, an {@code error} member) and a
 * JSON text without the list are refused with one message. Not thread-safe.
 */
final class ApiJsonRows implements TableRows {
    /** The most members a record may have. */
    static final int MAX_MEMBERS = 4096;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String file;
    private final String source;
    private final JsonParser parser;
    private final List<String> header = new ArrayList<>();
    private Map<String, String> current = Map.of();
    private Map<String, String> pending;
    private long pendingLine;
    private long line;
    private boolean done;

    /**
     * @param in           the bytes (UTF-8/16/32); closed by {@link #close()}, also when this constructor throws
     * @param source       who answered, for messages ("the ACLED API")
     * @param listKey      the member holding the records ({@code data}, {@code Result})
     * @param required     the columns of an empty list (no first record to take them from)
     * @param extraColumns columns always present besides the first record's keys
     */
    ApiJsonRows(InputStream in, String file, String source, String listKey, List<String> required,
                List<String> extraColumns) throws IOException {
        this.file = file;
        this.source = source;
        JsonParser p;
        try {
            p = JSON.createParser(in);
        } catch (CharConversionException e) {
            in.close();
            throw encoding(e, 1);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.parser = p;
        try {
            start(listKey);
            Set<String> names = new LinkedHashSet<>();
            if (readRecord()) {
                pending = current;
                pendingLine = line;
                names.addAll(pending.keySet());
            } else {
                names.addAll(required);
            }
            names.addAll(extraColumns);
            header.addAll(names);
        } catch (JsonProcessingException e) {
            parser.close();
            throw malformed(e);
        } catch (CharConversionException e) {
            parser.close();
            throw encoding(e, at());
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    private void start(String listKey) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new TableException(file, at(), "not " + source + "'s JSON: expected an object with a '" + listKey
                    + "' list");
        }
        Boolean success = null;
        String status = null, error = null;
        boolean errorMember = false;
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken v = parser.nextToken();
            if (name.equals(listKey) && v == JsonToken.START_ARRAY) {
                if (Boolean.FALSE.equals(success) || errorMember) break;
                return;
            }
            switch (name) {
                case "success" -> success = v == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : v == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                case "status" -> status = v.isScalarValue() ? parser.getText() : null;
                case "error", "message", "messages" -> {
                    if (name.equals("error") && v != JsonToken.VALUE_NULL && v != JsonToken.VALUE_FALSE) errorMember = true;
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        error = firstText();
                    } else if (v == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                        error = parser.getText();
                    }
                    continue;
                }
                default -> { }
            }
            parser.skipChildren();
        }
        boolean failed = Boolean.FALSE.equals(success) || errorMember || status != null && !status.equals("200");
        if (failed) {
            throw new TableException(file, at(), source + " answered with an error" + (status != null ? " (status "
                    + status + ")" : "") + (error != null ? ": " + cut(error) : "") + "; nothing to import");
        }
        throw new TableException(file, at(), "not " + source + "'s JSON: no '" + listKey + "' list of records");
    }

    /** The first string inside the current object or list (an error message), skipping the rest. */
    private String firstText() throws IOException {
        String found = null;
        int depth = 1;
        while (depth > 0) {
            JsonToken t = parser.nextToken();
            if (t == null) throw new TableException(file, at(), "the JSON text ends too early");
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
            else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
            else if (t == JsonToken.VALUE_STRING && found == null) found = parser.getText();
        }
        return found;
    }

    /** Reads the next element of the list into {@link #current}; false at the list's end. */
    private boolean readRecord() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            finish();
            return false;
        }
        if (t == null) throw new TableException(file, at(), "the JSON text ends inside the list of records (cut file?)");
        line = at();
        Map<String, String> m = new HashMap<>();
        if (t != JsonToken.START_OBJECT) {
            parser.skipChildren();   // not a record: all blank, the CSV reader rejects it for its missing id
            current = m;
            return true;
        }
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken v = parser.nextToken();
            String value = switch (v) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "";
                case START_OBJECT -> "(a JSON object)";
                case START_ARRAY -> "(a JSON list)";
                default -> throw new TableException(file, at(), "unexpected JSON " + v);
            };
            parser.skipChildren();
            m.put(name, value);
            if (m.size() > MAX_MEMBERS) {
                throw new TableException(file, line, "a record with more than " + MAX_MEMBERS + " members");
            }
        }
        if (t != JsonToken.END_OBJECT) throw new TableException(file, at(), "the JSON text ends inside a record");
        current = m;
        return true;
    }

    /** Reads the rest of the answer so that a cut or trailing text is reported. */
    private void finish() throws IOException {
        done = true;
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) throw new TableException(file, at(), "the JSON text ends too early (cut file?)");
        if (parser.nextToken() != null) throw new TableException(file, at(), "unexpected content after the end");
    }

    @Override
    public List<String> header() { return header; }

    @Override
    public boolean next() throws IOException {
        if (pending != null) {
            current = pending;
            line = pendingLine;
            pending = null;
            return true;
        }
        if (done) return false;
        try {
            return readRecord();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (CharConversionException e) {
            throw encoding(e, at());
        }
    }

    @Override
    public String value(int i) {
        String v = current.get(header.get(i));
        return v == null ? "" : v;
    }

    @Override
    public long line() { return line; }

    private long at() {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private TableException malformed(JsonProcessingException e) {
        long at = e.getLocation() == null ? at() : e.getLocation().getLineNr();
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return new TableException(file, Math.max(at, 1), "the JSON text ends too early (cut file?)", e);
        }
        String m = String.valueOf(e.getOriginalMessage());
        int source = m.indexOf(" (start marker at [Source");
        if (source < 0) source = m.indexOf("\n at [Source");
        if (source > 0) m = m.substring(0, source);
        return new TableException(file, Math.max(at, 1), "malformed JSON: " + m.strip(), e);
    }

    private TableException encoding(CharConversionException e, long at) {
        return new TableException(file, at, "not a text file in UTF-8 (or UTF-16/32): " + e.getMessage(), e);
    }

    private static String cut(String s) {
        s = s.strip();
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    @Override
    public void close() throws IOException { parser.close(); }
}
