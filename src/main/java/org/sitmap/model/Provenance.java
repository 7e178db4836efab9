package org.sitmap.model;

/**
 * What exports say about where an incident came from. A store keeps the origin as the import saw it (a path on
 * the analyst's machine and a line, a URL, an article file); a file meant to be shared carries only the file's
 * name and the line ({@code acled-2019.csv:812}), never the folders above it. URLs are kept whole: they name a
 * public document, not a place on someone's disk.
 */
public final class Provenance {
    private Provenance() { }

    /** The origin as exports write it: the file name with its line (null stays null). */
    public static String shareable(String origin) {
        if (origin == null || origin.isEmpty()) return origin;
        int scheme = origin.indexOf("://");
        if (scheme > 0 && origin.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")
                && !(origin.length() >= 4 && origin.regionMatches(true, 0, "file", 0, 4))) {
            return origin;
        }
        String s = origin;
        if (s.length() >= 5 && s.regionMatches(true, 0, "file:", 0, 5)) s = s.substring(5);
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return cut < 0 ? s : s.substring(cut + 1);
    }
}
