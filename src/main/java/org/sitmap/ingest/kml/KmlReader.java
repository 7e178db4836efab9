package org.sitmap.ingest.kml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sitmap.ingest.GeoJsonFeatures;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * Reads the Placemarks of a KML document, or of the KML inside a KMZ archive, one at a time with StAX.
 *
 * <p>Each Placemark becomes a feature with the same properties as Sitmap's GeoJSON ({@link GeoJsonFeatures}):
 * its {@code ExtendedData} ({@code Data name=.../value} and {@code SchemaData/SimpleData}) give the properties,
 * completed from the Placemark itself: {@code name} → place, {@code description} → summary (tags removed),
 * {@code TimeStamp/when} → date (a year or month gives that precision), {@code TimeSpan begin/end} → date and end
 * date, {@code Point/coordinates} → position, the Placemark's {@code id} → key {@code kml:<id>} (else a hash of
 * its content). Without an event type it is Strategic developments / Other; without actors it is UNK. List
 * properties ({@code actors}, {@code factions}, {@code actor_factions}) are separated by {@code ;} or {@code |}.
 * Data values keep white space around them unless it holds a line break (indentation).
 * A Placemark with another geometry than a Point is rejected.
 *
 * <p>Hostile input: DTDs are refused outright (no external entities, no entity expansion, no XXE); a KMZ is read
 * through {@link KmzArchive}'s entry and size caps. Not thread-safe.
 */
public final class KmlReader implements IncidentReader {
    /** The longest text of one element (name, description, value ...) accepted. */
    static final int MAX_TEXT_CHARS = 1 << 20;
    private final String file;
    private final XMLStreamReader xml;
    private final java.io.Reader in;
    private final org.sitmap.ingest.TextInput.Decoded text;
    private final GeoJsonFeatures features;
    private boolean done;

    /**
     * @param in   the KML bytes (closed by {@link #close()}, also when this constructor throws)
     * @param file the name used in messages
     */
    public KmlReader(InputStream in, String file, FactionCatalog catalog) throws IOException {
        this.file = file;
        this.text = org.sitmap.ingest.TextInput.decode(in, file, org.sitmap.ingest.TextInput.Limits.DATA);
        this.in = text;
        this.features = new GeoJsonFeatures(file, catalog);
        try {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, false);
            f.setXMLResolver((publicId, systemId, base, ns) -> {
                throw new XMLStreamException("external resources are not loaded: " + systemId);
            });
            // the parser's own reports stay silent: its errors come back as exceptions with file and line
            f.setXMLReporter((message, type, info, location) -> { });
            this.xml = f.createXMLStreamReader(this.in);
        } catch (XMLStreamException e) {
            in.close();
            throw malformed(e);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a .kml or .kmz file (the {@code Formats} entry); a KMZ is recognised by its zip signature. */
    public static IncidentReader open(Path path, ReaderContext ctx) throws IOException {
        return open(path, ctx.catalog(), KmzArchive.MAX_BYTES);
    }

    /** Opens a file, reading at most {@code maxKmzBytes} uncompressed bytes from a KMZ. */
    public static IncidentReader open(Path path, FactionCatalog catalog, long maxKmzBytes) throws IOException {
        byte[] head;
        try (InputStream h = Files.newInputStream(path)) {
            head = h.readNBytes(4);
        }
        InputStream in = KmzArchive.isZip(head) ? KmzArchive.open(path, maxKmzBytes)
                : new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return new KmlReader(in, path.toString(), catalog);
    }

    /** True when the start of a file looks like KML or a zip archive (KMZ). */
    public static boolean sniff(String head) {
        return head.startsWith("PK\u0003\u0004") || head.contains("<kml");
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return "kml"; }

    @Override
    public java.util.List<String> notes() {
        return text.note() == null ? java.util.List.of() : java.util.List.of(text.note());
    }

    @Override
    public ParsedRow next() throws IOException {
        if (done) return null;
        try {
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new InputException(file, line(), "a DOCTYPE is not allowed in KML (external entities and"
                            + " entity expansion are refused)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new InputException(file, line(), "entity '" + xml.getLocalName() + "' refused: KML needs"
                            + " no entities besides &amp; &lt; &gt; &quot; &apos;");
                }
                if (ev == XMLStreamConstants.START_ELEMENT && "Placemark".equals(xml.getLocalName())) {
                    return placemark();
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof XMLStreamException x) throw malformed(x);
            throw e;
        }
    }

    private long line() {
        return Math.max(1, xml.getLocation() == null ? 1 : xml.getLocation().getLineNumber());
    }

    /** Reads one Placemark (positioned on its start tag) up to its end tag. */
    private ParsedRow placemark() throws XMLStreamException {
        long at = line();
        PlacemarkData p = new PlacemarkData(xml.getAttributeValue(null, "id"));
        String dataName = null;
        String geometry = null;
        int depth = 1;
        while (depth > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.ENTITY_REFERENCE || ev == XMLStreamConstants.DTD) {
                throw new InputException(file, line(), "entities are refused in KML");
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) throw new InputException(file, line(), "the file ends inside a Placemark");
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String name = xml.getLocalName();
            switch (name) {
                // only the Placemark's own name and description (not, e.g., an atom:author's name)
                case "name", "description" -> {
                    if (depth == 1 && name.equals("name")) p.name = text();
                    else if (depth == 1) p.description = text();
                    else depth++;
                }
                case "when" -> p.when = text();
                case "begin" -> p.begin = text();
                case "end" -> p.end = text();
                case "coordinates" -> {
                    String c = text();
                    if ("Point".equals(geometry) && p.coordinates == null) p.coordinates = c;
                }
                case "Point" -> {
                    if (geometry != null) p.otherGeometry = "more than one geometry";
                    geometry = name;
                    depth++;
                }
                case "Data" -> {
                    dataName = xml.getAttributeValue(null, "name");
                    depth++;
                }
                case "value" -> {
                    String v = value(text(false));
                    if (dataName != null) p.data.put(dataName, v);
                }
                case "SimpleData" -> {
                    String n = xml.getAttributeValue(null, "name");
                    String v = value(text(false));
                    if (n != null) p.data.put(n, v);
                }
                case "LineString", "Polygon", "LinearRing", "MultiGeometry", "Model", "Track", "MultiTrack" -> {
                    if (p.otherGeometry == null) p.otherGeometry = name;
                    geometry = name;
                    depth++;
                }
                default -> depth++;
            }
        }
        if (p.otherGeometry != null) {
            return ParsedRow.rejected(at, "only Point placemarks can be imported (found " + p.otherGeometry + ")");
        }
        return features.toRow(at, p.toFeature());
    }

    /**
     * The text of a leaf element, read piece by piece up to {@link #MAX_TEXT_CHARS} (a huge text node is refused
     * before it fills the memory); the reader ends on the element's end tag.
     */
    private String text() throws XMLStreamException {
        return text(true);
    }

    /**
     * A data value as written: white space around it is kept (a value can start with a space or a tab), except a
     * run of it that holds a line break, which is a pretty-printer's indentation.
     */
    private static String value(String raw) {
        int a = 0, b = raw.length();
        while (a < b && Character.isWhitespace(raw.charAt(a))) a++;
        if (raw.substring(0, a).indexOf('\n') < 0) a = 0;
        int e = b;
        while (e > a && Character.isWhitespace(raw.charAt(e - 1))) e--;
        if (raw.substring(e).indexOf('\n') < 0) e = b;
        return raw.substring(a, e);
    }

    private String text(boolean strip) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        long at = line();
        while (true) {
            int ev = xml.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() + xml.getTextLength() > MAX_TEXT_CHARS) {
                        throw new InputException(file, at, "an element's text is longer than " + MAX_TEXT_CHARS
                                + " characters: refused");
                    }
                    sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return strip ? sb.toString().strip() : sb.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new InputException(file, line(), "entities are refused in KML");
                case XMLStreamConstants.START_ELEMENT ->
                        throw new InputException(file, line(), "<" + xml.getLocalName() + "> inside a text element");
                default -> throw new InputException(file, line(), "the file ends inside an element");
            }
        }
    }

    private InputException malformed(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof InputException ie) return ie;
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int m = msg.indexOf("Message: ");
        if (m >= 0) msg = msg.substring(m + 9);
        long ln = e.getLocation() != null ? Math.max(0, e.getLocation().getLineNumber()) : 0;
        if (msg.contains("DOCTYPE") || msg.toLowerCase(java.util.Locale.ROOT).contains("entity")) {
            msg = msg + " (DTDs and entities are refused in KML)";
        }
        return new InputException(file, ln, "not well-formed KML: " + msg.strip(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the underlying stream is closed below
        } finally {
            in.close();
        }
    }

    /** What one Placemark said, before it becomes a feature map. */
    private static final class PlacemarkData {
        final String id;
        String name, description, when, begin, end, coordinates, otherGeometry;
        final Map<String, String> data = new LinkedHashMap<>();

        PlacemarkData(String id) {
            this.id = id;
        }

        Map<String, Object> toFeature() {
            return KmlFeatures.feature(this.id, name, description, when, begin, end, coordinates, data);
        }
    }
}
