package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sitmap.model.Actor;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;

/** Marks matched words in evidence ({@code [[...]]}) and writes incident summaries from a template. Stateless. */
public final class Evidence {
    private Evidence() { }

    /** The sentence with the place span and actor spans wrapped in {@code [[ ]]}. */
    static String mark(String sentence, int[] place, List<int[]> actorSpans) {
        List<int[]> spans = new ArrayList<>();
        if (place != null) spans.add(place);
        for (int[] a : actorSpans) {
            boolean overlap = false;
            for (int[] s : spans) if (a[0] < s[1] && s[0] < a[1]) overlap = true;
            if (!overlap) spans.add(a);
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] s : spans) {
            sb.append(sentence, at, s[0]).append("[[").append(sentence, s[0], s[1]).append("]]");
            at = s[1];
        }
        sb.append(sentence.substring(at));
        return sb.toString();
    }

    /** The marked spans of a marked evidence text, as [start, end) offsets into {@link #unmark(String)}. */
    public static List<int[]> marks(String marked) {
        List<int[]> out = new ArrayList<>();
        int removed = 0;
        int i = 0;
        while ((i = marked.indexOf("[[", i)) >= 0) {
            int j = marked.indexOf("]]", i + 2);
            if (j < 0) break;
            out.add(new int[] {i - removed, j - 2 - removed});
            removed += 4;
            i = j + 2;
        }
        return out;
    }

    /** The evidence text without marks. */
    public static String unmark(String marked) {
        return marked.replace("[[", "").replace("]]", "");
    }

    /** A one-line summary in the project's words: what, where, who, how many dead. */
    public static String summary(Incident i, FactionCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.subEventType() != null ? i.subEventType().label() : i.eventType().label());
        String where = i.place() == null ? "an unnamed place" : i.place();
        if (i.geoPrecision() == GeoPrecision.UNRESOLVED) sb.append(" at ").append(where).append(" (place not located)");
        else if (i.geoPrecision() == GeoPrecision.NEAR) sb.append(" near ").append(where);
        else if (i.geoPrecision() == GeoPrecision.REGION) sb.append(" in the area of ").append(where);
        else sb.append(" at ").append(where);
        if (i.admin1() != null && !i.admin1().equals(i.place())) sb.append(", ").append(i.admin1());
        List<String> names = new ArrayList<>();
        for (Actor a : i.actors()) {
            String n = catalog.byCode(a.factionCode()).map(f -> f.name()).orElse(a.name());
            if (!names.contains(n)) names.add(n);
        }
        if (!names.isEmpty()) sb.append("; involving ").append(String.join(", ", names));
        if (i.fatalities() != null) sb.append("; ").append(i.fatalities()).append(" reported killed");
        return sb.append('.').toString();
    }
}
