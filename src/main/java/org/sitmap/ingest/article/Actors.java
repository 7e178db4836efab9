package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;

/**
 * Finds actor mentions in a sentence: every alias of {@code data/factions.csv} (short or all-capital aliases such
 * as IS, SAA, TAF case-sensitively, others ignoring case, whole words), plus a few phrasings aliases cannot
 * express ("Syrian and Russian warplanes", "Russian fighters", "Damascus has launched").
 *
 * <p>Immutable; safe to share between threads.
 */
final class Actors {
    /** One mention: the words found, the faction code, and where they are in the sentence. */
    record Mention(String text, String code, int start, int end) { }

    /** A pattern, and for a name the lower-case text a sentence must contain to match (a quick test first). */
    private record Rule(Pattern pattern, String[] codes, String needle) { }

    private final List<Rule> rules = new ArrayList<>();

    Actors(FactionCatalog catalog) {
        extra("\\bSyrian and Russian (?:warplanes|jets|aircraft|air forces|forces)\\b", "SAA", "RUS");
        extra("\\bRussian and Syrian (?:warplanes|jets|aircraft|air forces|forces)\\b", "RUS", "SAA");
        extra("(?i)\\b(?:syrian|government) (?:warplanes|jets|aircraft|helicopters|troops|soldiers|forces)\\b", "SAA");
        extra("\\bRussian (?:fighters|fighter jets|jets|warplanes|aircraft|air ?strikes|strikes|troops|soldiers|military police)\\b", "RUS");
        extra("\\bMoscow(?:['’]s)? strikes\\b", "RUS");
        extra("\\bTurkish (?:forces|troops|soldiers|army|convoy|military|drones?)\\b", "TUR");
        extra("\\b(?:Iranian|Iran-backed|pro-Iranian|pro-Iran) (?:fighters|forces|militias?|militiamen)\\b", "IRN");
        extra("^(?:Syria, )?Damascus(?= (?:has|have|had|launched|raises|raised|sent|relied|asked|is|was)\\b)", "SAA");
        for (Faction f : catalog.factions()) {
            if (Faction.UNKNOWN_CODE.equals(f.code())) continue;
            List<String> names = new ArrayList<>(f.aliases());
            names.add(f.name());
            if (f.code().length() > 2) names.add(f.code());
            for (String a : names) {
                String alias = a.strip();
                if (alias.length() < 2) continue;
                boolean exactCase = alias.length() <= 4 || alias.equals(alias.toUpperCase(Locale.ROOT));
                String body = Pattern.quote(alias.replace('’', '\''));
                int flags = exactCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                rules.add(new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])", flags),
                        new String[] {f.code()}, alias.replace('’', '\'').toLowerCase(Locale.ROOT)));
            }
        }
    }

    private void extra(String regex, String... codes) {
        rules.add(new Rule(Pattern.compile(regex), codes, null));
    }

    /** The actor mentions of {@code sentence}, longest first where they overlap, in text order. */
    List<Mention> find(String sentence) {
        String s = sentence.replace('’', '\'').replace('‘', '\'');
        String lower = s.toLowerCase(Locale.ROOT);
        List<Mention> all = new ArrayList<>();
        for (Rule r : rules) {
            if (r.needle() != null && lower.indexOf(r.needle()) < 0) continue;
            Matcher m = r.pattern().matcher(s);
            while (m.find()) {
                for (String code : r.codes()) all.add(new Mention(sentence.substring(m.start(), m.end()), code, m.start(), m.end()));
            }
        }
        all.sort(Comparator.comparingInt((Mention m) -> -(m.end() - m.start())).thenComparingInt(Mention::start));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : all) {
            boolean overlaps = false;
            for (Mention k : kept) {
                if (m.start() < k.end() && k.start() < m.end() && !(k.start() == m.start() && k.end() == m.end())) {
                    overlaps = true;
                    break;
                }
                if (k.start() == m.start() && k.end() == m.end() && k.code().equals(m.code())) overlaps = true;
            }
            if (!overlaps) kept.add(m);
        }
        kept.sort(Comparator.comparingInt(Mention::start));
        return kept;
    }
}
