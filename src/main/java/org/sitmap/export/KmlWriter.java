package org.sitmap.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;

/**
 * KML 2.2 for Google Earth: one shared style per faction (its colour), one Placemark per located incident with a
 * {@code TimeStamp} (an event known to the day) or a {@code TimeSpan} (a range, or a week/month/year precision:
 * the whole period it may have happened in), so Google Earth's time slider plays the incidents. Text is escaped
 * by the XML writer; unresolved incidents (no position) are left out.
 *
 * <p>Not thread-safe; close it to finish the document.
 */
public final class KmlWriter implements Closeable {
    private static final String NS = "http://www.opengis.net/kml/2.2";
    private static final String ICON = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png";
    /** Characters XML 1.0 does not allow even escaped. */
    private static final java.util.regex.Pattern XML_INVALID =
            java.util.regex.Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private final XMLStreamWriter xml;
    private final OutputStream out;
    private int written;
    private int skipped;

    /** Writes the document head and one style per faction of the catalog. */
    public KmlWriter(OutputStream out, FactionCatalog catalog, String name) throws IOException {
        this.out = out;
        try {
            // the JDK's writer: newFactory() would pick Aalto, which the Excel reader brings onto the class path
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(NS);
            xml.writeStartElement("Document");
            element("name", name);
            for (Faction f : catalog.factions()) {
                xml.writeStartElement("Style");
                xml.writeAttribute("id", styleId(f.code()));
                xml.writeStartElement("IconStyle");
                element("color", kmlColour(f.rgb()));
                element("scale", "0.8");
                xml.writeStartElement("Icon");
                element("href", ICON);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("LabelStyle");
                element("scale", "0");
                xml.writeEndElement();
                xml.writeEndElement();
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** KML colour {@code aabbggrr} of an RGB value, opaque. */
    static String kmlColour(int rgb) {
        return String.format(Locale.ROOT, "ff%02x%02x%02x", rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
    }

    private static String styleId(String code) {
        return "faction-" + code.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Writes one incident as a Placemark (nothing for an unresolved one). */
    public void write(Incident i) throws IOException {
        if (!i.located()) {
            skipped++;
            return;
        }
        try {
            xml.writeStartElement("Placemark");
            xml.writeAttribute("id", "incident-" + i.id());
            element("name", i.place() + ", " + i.date());
            List<String> codes = i.factions();
            element("styleUrl", "#" + styleId(codes.isEmpty() ? Faction.UNKNOWN_CODE : codes.get(0)));
            element("description", description(i));
            LocalDateSpan span = new LocalDateSpan(i);
            if (span.single()) {
                xml.writeStartElement("TimeStamp");
                element("when", i.date().toString());
            } else {
                xml.writeStartElement("TimeSpan");
                element("begin", i.date().toString());
                element("end", i.spanEnd().toString());
            }
            xml.writeEndElement();
            xml.writeStartElement("ExtendedData");
            data("source_key", i.sourceKey());
            data("event_type", i.eventType().label());
            data("sub_event_type", i.subEventType() == null ? "" : i.subEventType().label());
            data("date_precision", i.datePrecision().name().toLowerCase(Locale.ROOT));
            data("geo_precision", i.geoPrecision().name().toLowerCase(Locale.ROOT));
            data("factions", String.join(",", codes));
            data("fatalities", i.fatalities() == null ? "" : i.fatalities().toString());
            data("source", i.source() == null ? "" : i.source());
            xml.writeEndElement();
            xml.writeStartElement("Point");
            element("coordinates", String.format(Locale.ROOT, "%.6f,%.6f", i.longitude(), i.latitude()));
            xml.writeEndElement();
            xml.writeEndElement();
            written++;
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Placemarks written. */
    public int written() { return written; }

    /** Unresolved incidents left out. */
    public int skipped() { return skipped; }

    private record LocalDateSpan(Incident i) {
        boolean single() { return i.datePrecision() == DatePrecision.DAY && i.spanEnd().equals(i.date()); }
    }

    private static String description(Incident i) {
        List<String> parts = new ArrayList<>();
        parts.add(i.eventType().label() + (i.subEventType() == null ? "" : " (" + i.subEventType().label() + ")"));
        List<String> actors = new ArrayList<>();
        for (Actor a : i.actors()) actors.add(a.name() + " [" + a.factionCode() + "]");
        if (!actors.isEmpty()) parts.add("Actors: " + String.join("; ", actors));
        if (i.fatalities() != null) parts.add("Fatalities: " + i.fatalities());
        if (i.summary() != null && !i.summary().isBlank()) parts.add(i.summary());
        if (i.source() != null && !i.source().isBlank()) parts.add("Source: " + i.source());
        return String.join("\n", parts);
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : XML_INVALID.matcher(text).replaceAll(""));
        xml.writeEndElement();
    }

    private void data(String name, String value) throws XMLStreamException {
        xml.writeStartElement("Data");
        xml.writeAttribute("name", name);
        element("value", value);
        xml.writeEndElement();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            out.close();
        }
    }
}
