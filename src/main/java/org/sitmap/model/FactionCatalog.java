package org.sitmap.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The factions of {@code data/factions.csv} and the mapping of reported actor names to faction codes through
 * their aliases. Each faction has a stable ordinal (its row), which the in-memory index uses as a bit position;
 * at most 64 factions are supported.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class FactionCatalog {
    /** Where the shipped faction list is on the class path. */
    public static final String SHIPPED = "data/factions.csv";

    private final List<Faction> factions;
    private final Map<String, Integer> ordinalByCode = new HashMap<>();
    private final Map<String, String> codeByAlias = new HashMap<>();
    private final List<Map.Entry<String, String>> aliasesLongestFirst = new ArrayList<>();

    public FactionCatalog(List<Faction> factions) {
        if (factions.size() > 64) throw new IllegalArgumentException("at most 64 factions are supported");
        this.factions = List.copyOf(factions);
        for (int i = 0; i < this.factions.size(); i++) {
            Faction f = this.factions.get(i);
            ordinalByCode.put(f.code(), i);
            codeByAlias.putIfAbsent(normalise(f.code()), f.code());
            codeByAlias.putIfAbsent(normalise(f.name()), f.code());
            for (String a : f.aliases()) codeByAlias.putIfAbsent(normalise(a), f.code());
        }
        if (!ordinalByCode.containsKey(Faction.UNKNOWN_CODE)) {
            throw new IllegalArgumentException("the faction list must contain " + Faction.UNKNOWN_CODE);
        }
        for (Map.Entry<String, String> e : codeByAlias.entrySet()) {
            if (e.getKey().length() >= 4) aliasesLongestFirst.add(Map.entry(e.getKey(), e.getValue()));
        }
        aliasesLongestFirst.sort((a, b) -> b.getKey().length() - a.getKey().length());
    }

    /** The factions shipped with Sitmap: {@code data/factions.csv} on the class path. */
    public static FactionCatalog shipped() {
        try (InputStream in = FactionCatalog.class.getResourceAsStream("/" + SHIPPED)) {
            if (in == null) throw new IllegalStateException(SHIPPED + " is missing from the class path");
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the CSV {@code code,name,aliases,colour} with a header line; aliases are separated by {@code |};
     * the colour is {@code #rrggbb}. Fields may be double-quoted.
     *
     * @param file the name used in error messages
     */
    public static FactionCatalog parse(Reader reader, String file) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<Faction> list = new ArrayList<>();
        String line = in.readLine();
        long lineNo = 1;
        if (line == null) throw new InputException(file, 0, "the faction list is empty");
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cols = splitCsvLine(line);
            if (cols.size() != 4) throw new InputException(file, lineNo, "expected 4 columns (code,name,aliases,colour), found " + cols.size());
            String colour = cols.get(3).trim();
            if (!colour.matches("#[0-9a-fA-F]{6}")) throw new InputException(file, lineNo, "colour '" + colour + "' is not #rrggbb");
            List<String> aliases = new ArrayList<>();
            for (String a : cols.get(2).split("\\|")) if (!a.isBlank()) aliases.add(a.trim());
            list.add(new Faction(cols.get(0).trim(), cols.get(1).trim(), aliases, Integer.parseInt(colour.substring(1), 16)));
        }
        return new FactionCatalog(list);
    }

    static List<String> splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    public List<Faction> factions() { return factions; }

    public int size() { return factions.size(); }

    /** The faction's row in the catalog (its bit in a faction mask), or the unknown faction's for unknown codes. */
    public int ordinal(String code) {
        Integer o = ordinalByCode.get(code);
        return o != null ? o : ordinalByCode.get(Faction.UNKNOWN_CODE);
    }

    /**
     * The faction mask of a stored {@code faction_codes} list ("SAA,RUS") and the ordinal of its first faction, as
     * {@code {mask, primary}}; an empty list counts as the unknown faction.
     */
    public long[] maskAndPrimary(String codes) {
        long mask = 0;
        int primary = -1;
        for (String code : codes.split(",")) {
            if (code.isEmpty()) continue;
            int o = ordinal(code);
            if (primary < 0) primary = o;
            mask |= 1L << o;
        }
        if (primary < 0) {
            primary = ordinal(Faction.UNKNOWN_CODE);
            mask = 1L << primary;
        }
        return new long[] {mask, primary};
    }

    public Faction get(int ordinal) { return factions.get(ordinal); }

    public Optional<Faction> byCode(String code) {
        Integer o = ordinalByCode.get(code);
        return o == null ? Optional.empty() : Optional.of(factions.get(o));
    }

    /**
     * The faction code for an actor name as reported: an exact alias match (ignoring case, accents and
     * punctuation) first, else the longest alias of four or more letters found in the name as whole words.
     */
    public Optional<String> codeFor(String actorName) {
        if (actorName == null || actorName.isBlank()) return Optional.empty();
        String key = normalise(actorName);
        String exact = codeByAlias.get(key);
        if (exact != null) return Optional.of(exact);
        String padded = " " + key + " ";
        for (Map.Entry<String, String> e : aliasesLongestFirst) {
            if (padded.contains(" " + e.getKey() + " ")) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    /** The code for an actor name, or {@link Faction#UNKNOWN_CODE}. */
    public String codeOrUnknown(String actorName) {
        return codeFor(actorName).orElse(Faction.UNKNOWN_CODE);
    }

    /** Codes by display order, for legends. */
    public Map<String, Faction> byCodeInOrder() {
        Map<String, Faction> m = new LinkedHashMap<>();
        for (Faction f : factions) m.put(f.code(), f);
        return Collections.unmodifiableMap(m);
    }

    /** Lower case, accents removed, every run of non-letters and non-digits turned into one space. */
    public static String normalise(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
