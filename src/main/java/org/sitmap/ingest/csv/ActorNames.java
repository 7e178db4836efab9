package org.sitmap.ingest.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.model.Actor;
import org.sitmap.model.FactionCatalog;

/**
 * Maps reported actor names to faction codes through the catalog's aliases, caching each name (alias matching is
 * costly and the same few hundred names repeat on every row). Names no alias maps get UNK; the import report lists
 * them. Not thread-safe.
 */
public final class ActorNames {
    private final FactionCatalog catalog;
    private final Map<String, Actor> cache = new HashMap<>();
    private final String separators;

    /** Names in a field are separated by {@code ;}. */
    public ActorNames(FactionCatalog catalog) {
        this(catalog, ";");
    }

    /** Names in a field are separated by any of {@code separators}. */
    public ActorNames(FactionCatalog catalog, String separators) {
        this.catalog = catalog;
        this.separators = separators;
    }

    /**
     * Adds the actors named in {@code field} to {@code out}: names split at the separators, trimmed, blanks and
     * names already in {@code out} left out.
     */
    public void addAll(String field, List<Actor> out) {
        if (field == null || field.isEmpty()) return;
        int start = 0;
        while (start <= field.length()) {
            int semi = nextSeparator(field, start);
            int end = semi < 0 ? field.length() : semi;
            String name = field.substring(start, end).strip();
            if (!name.isEmpty()) {
                Actor a = cache.computeIfAbsent(name, n -> new Actor(n, catalog.codeOrUnknown(n)));
                if (!out.contains(a)) out.add(a);
            }
            if (semi < 0) break;
            start = semi + 1;
        }
    }

    private int nextSeparator(String field, int from) {
        if (separators.length() == 1) return field.indexOf(separators.charAt(0), from);
        for (int i = from; i < field.length(); i++) if (separators.indexOf(field.charAt(i)) >= 0) return i;
        return -1;
    }
}
