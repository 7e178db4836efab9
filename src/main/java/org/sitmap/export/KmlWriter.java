package org.sitmap.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.Provenance;

/**
 * KML 2.2 for Google Earth, valid against the OGC schema ({@code ogckml22.xsd}): one shared style per faction and
 * event type (the faction's colour; in a KMZ the map's own marker as an icon inside the archive, in a plain KML
 * Google Earth's default icon tinted, so nothing loads from the internet), one Placemark per located incident
 * with its elements in the schema's order (name, description, {@code TimeStamp} for an event known to the day or
 * {@code TimeSpan} for a range or a week/month/year precision, styleUrl, ExtendedData, Point), so Google Earth's
 * time slider plays the incidents. ExtendedData holds every stored field under the GeoJSON export's property
 * names, so Sitmap's KML reader imports the file back unchanged. Text is escaped by the XML writer; unresolved
 * incidents (no position) are left out.
 *
 * <p>Not thread-safe; close it to finish the document.
 */
public final class KmlWriter implements Closeable {
    private static final String NS = "http://www.opengis.net/kml/2.2";
    /** Characters XML 1.0 does not allow even escaped. */
    private static final java.util.regex.Pattern XML_INVALID =
            java.util.regex.Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private final XMLStreamWriter xml;
    private final OutputStream out;
    private int written;
    private int skipped;

    /** Writes the document head and one style per faction and event type, without icon files. */
    public KmlWriter(OutputStream out, FactionCatalog catalog, String name) throws IOException {
        this(out, catalog, name, null);
    }

    /**
     * @param icons the icon file (relative to the document) of a faction and event type, or null for none (Google
     *              Earth then tints its own default icon)
     */
    public KmlWriter(OutputStream out, FactionCatalog catalog, String name,
                     BiFunction<Faction, EventType, String> icons) throws IOException {
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
                for (EventType t : EventType.values()) {
                    xml.writeStartElement("Style");
                    xml.writeAttribute("id", styleId(f.code(), t));
                    xml.writeStartElement("IconStyle");
                    element("color", icons == null ? kmlColour(f.rgb()) : "ffffffff");
                    element("scale", icons == null ? "0.8" : "0.6");
                    if (icons != null) {
                        xml.writeStartElement("Icon");
                        element("href", icons.apply(f, t));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                    xml.writeStartElement("LabelStyle");
                    element("scale", "0");
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** KML colour {@code aabbggrr} of an RGB value, opaque. */
    static String kmlColour(int rgb) {
        return String.format(Locale.ROOT, "ff%02x%02x%02x", rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
    }

    /** The style id of a faction code and event type (an XML NCName). */
    static String styleId(String code, EventType type) {
        return "faction-" + code.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + type.name().toLowerCase(Locale.ROOT);
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
            element("name", i.place() == null ? i.date().toString() : i.place() + ", " + i.date());
            element("description", description(i));
            if (i.datePrecision() == DatePrecision.DAY && i.spanEnd().equals(i.date())) {
                xml.writeStartElement("TimeStamp");
                element("when", i.date().toString());
            } else {
                xml.writeStartElement("TimeSpan");
                element("begin", i.date().toString());
                element("end", i.spanEnd().toString());
            }
            xml.writeEndElement();
            List<String> codes = i.factions();
            element("styleUrl", "#" + styleId(codes.isEmpty() ? Faction.UNKNOWN_CODE : codes.get(0), i.eventType()));
            extendedData(i, codes);
            xml.writeStartElement("Point");
            element("coordinates", plain(i.longitude()) + "," + plain(i.latitude()));
            xml.writeEndElement();
            xml.writeEndElement();
            written++;
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Every stored field, as the GeoJSON export names them (lists joined with {@code ;}). */
    private void extendedData(Incident i, List<String> codes) throws XMLStreamException {
        List<String> names = new ArrayList<>();
        List<String> actorCodes = new ArrayList<>();
        for (Actor a : i.actors()) {
            names.add(a.name());
            actorCodes.add(a.factionCode());
        }
        xml.writeStartElement("ExtendedData");
        data("source_key", i.sourceKey());
        data("date", i.date().toString());
        data("date_precision", Integer.toString(i.datePrecision().code()));
        data("end_date", i.endDate() == null ? "" : i.endDate().toString());
        data("place", i.place());
        data("admin1", i.admin1());
        data("country", i.country());
        data("geo_precision", Integer.toString(i.geoPrecision().code()));
        data("event_type", i.eventType().label());
        data("sub_event_type", i.subEventType() == null ? "" : i.subEventType().label());
        data("factions", String.join(";", codes));
        data("actors", String.join(";", names));
        data("actor_factions", String.join(";", actorCodes));
        data("fatalities", i.fatalities() == null ? "" : i.fatalities().toString());
        data("summary", i.summary());
        data("source", i.source());
        data("origin", Provenance.shareable(i.origin()));
        data("evidence", i.evidence());
        data("revised", i.revised() == null ? "" : i.revised().toString());
        xml.writeEndElement();
    }

    /** A coordinate as the shortest decimal that reads back as the same double, without an exponent. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** Placemarks written. */
    public int written() { return written; }

    /** Unresolved incidents left out. */
    public int skipped() { return skipped; }

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
