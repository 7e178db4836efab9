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
        // nationality adjectives as actors: "Israeli strikes", "a Turkish drone", "Russian jets"
        String arms = "(?:[\"“”']\\s?)?(?:(?:war|combat|fighter|military|reconnaissance|armed|suicide|kamikaze)[ -]?)?(?:warplanes?|jets?|aircraft|drones?|UAVs?|helicopters?|planes?"
                + "|air ?strikes?|strikes?|raids?|missiles?|rockets?|artillery|shelling|troops|forces|soldiers|army|military|navy"
                + "|bombers?|attacks?|aggression|bombardment|air force|air defen[cs]es|occupation|patrols?|convoys?|tanks?|units?"
                + "|special forces|military police|bases?|positions|fire|gunboats?|warships?|intelligence)\\b";
        extra("\\bRussian(?:-Syrian)? " + arms, "RUS");
        extra("\\b(?:Turkish|Turkey's|Türkiye's) " + arms, "TUR");
        extra("\\bIsraeli " + arms, "ISR");
        extra("\\b(?:American|US|U\\.S\\.|United States) " + arms, "USA");
        extra("\\b(?:Iranian|Iran's) " + arms, "IRN");
        extra("\\bSyrian (?:government |regime |Arab )?(?:warplanes?|jets?|aircraft|helicopters?|planes?|air ?strikes?|troops|forces"
                + "|soldiers|army|military|air force|air defen[cs]es|artillery|tanks?|security forces|security services)\\b", "SAA");
        extra("(?i)\\b(?:Assad(?:'s|’s)?|pro-Assad|pro-government|regime|government) (?:army|forces|troops|soldiers|militias?|militiamen|fighters)\\b", "SAA");
        extra("(?i)\\b(?:the )?(?:international|global|US-led|U\\.S\\.-led|anti-ISIS|anti-IS|anti-Daesh|American-led|Western) coalition\\b", "USA");
        extra("(?i)\\bcoalition(?:['’]s)? (?:warplanes?|aircraft|planes?|jets?|air ?strikes?|strikes?|forces|troops|drones?|helicopters?|raids?|bombing)\\b", "USA");
        extra("\\b(?:the )?Coalition\\b", "USA");
        // Turkish-backed factions are the Syrian National Army, not the Turkish army
        extra("(?i)\\b(?:Turkish|Turkey|Ankara|Türkiye)[- ](?:backed|supported|aligned|affiliated|funded) (?:Syrian )?(?:factions|groups|fighters|rebels"
                + "|militias?|militants|forces|opposition(?: factions| fighters| forces)?|mercenaries|armed groups|gunmen)\\b", "SNA");
        extra("(?i)\\b(?:armed )?(?:factions|groups|fighters|militias|forces|rebels|militants) (?:loyal to|backed by|affiliated with|supported by|allied (?:to|with))"
                + " (?:Ankara|Turkey|the Turkish (?:army|government|state))\\b", "SNA");
        extra("(?i)\\bpro-Turkish (?:factions|groups|fighters|militias|rebels|forces)\\b", "SNA");
        // generic armed groups: a code, not nothing
        extra("(?i)\\b(?:unknown|unidentified|local|masked|armed|anonymous) (?:gunmen|assailants|attackers|men|militants)\\b|\\bgunmen\\b", "UNK");
        extra("(?i)\\b(?:armed )?local (?:groups|factions|fighters|militias|armed groups)\\b|\\blocal gunmen\\b", "UNK");
        extra("(?i)\\b(?:Arab |Bedouin |armed )?(?:tribal|clan) (?:fighters|gunmen|forces|militias|militiamen|members|groups)\\b"
                + "|\\btribesmen\\b|\\b(?:Arab|Bedouin) (?:tribes|clans)\\b|\\bclan members\\b", "UNK");
        extra("(?i)\\b(?:Assad|regime) (?:loyalists|remnants)\\b|\\bremnants of the (?:former |ousted |Assad )?(?:regime|Assad militias)\\b"
                + "|\\b(?:pro-Assad|Assad-(?:linked|aligned|era)) (?:militants|fighters|gunmen|militias|insurgents|groups)\\b", "UNK");
        extra("(?i)\\bDruze (?:factions|fighters|militias|militants|gunmen|forces|armed groups)\\b|\\blocal Druze forces\\b", "UNK");
        extra("(?i)\\b(?:rebel|opposition|Islamist|jihadist|insurgent) (?:factions|groups|fighters|forces|brigades|battalions)\\b"
                + "|\\b(?:rebel|opposition|Islamist) and (?:Islamist|Islamic|jihadist) (?:factions|battalions|groups)\\b|\\binsurgents\\b"
                + "|\\b(?:army |military )?(?:deserters|defectors)\\b|\\bSyrian rebels\\b|\\bIslamic battalions\\b", "REB");
        for (Faction f : catalog.factions()) {
            if (Faction.UNKNOWN_CODE.equals(f.code())) continue;
            List<String> names = new ArrayList<>(f.aliases());
            names.add(f.name());
            if (f.code().length() > 2) names.add(f.code());
            for (String a : names) {
                String alias = a.strip();
                if (alias.length() < 2) continue;
                boolean exactCase = alias.length() <= 4 || alias.equals(alias.toUpperCase(Locale.ROOT));
                String body = flexible(alias.replace('’', '\''));
                int flags = exactCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                rules.add(new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])", flags),
                        new String[] {f.code()}, alias.replace('’', '\'').toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** An alias as a pattern that allows "al- Nusra", "al Nusra", "Hayat"/"Hay'at": hyphens and spaces interchangeable. */
    static String flexible(String alias) {
        StringBuilder sb = new StringBuilder();
        for (String part : alias.split("[\\s\\-–]+")) {
            if (part.isEmpty()) continue;
            if (sb.length() > 0) sb.append("[\\s\\-–]+");
            String[] bits = part.split("'", -1);
            for (int i = 0; i < bits.length; i++) {
                if (i > 0) sb.append("'?");
                if (!bits[i].isEmpty()) sb.append(Pattern.quote(bits[i]));
            }
        }
        return sb.toString();
    }

    private void extra(String regex, String... codes) {
        rules.add(new Rule(Pattern.compile(regex), codes, null));
    }

    private static final Pattern PLACE_NAME = Pattern.compile("(?i)Israel|Turkey|Türkiye|Russia|Iran|Iraq|United States|America|Ankara|Moscow|Tehran|Washington|Damascus|Syria|Lebanon");
    private static final Pattern BEFORE = Pattern.compile("(?i)(?:\\b(?:with|to|from|into|in|inside|near|of|towards|toward|across|against|at|on|reach|entered|crossed|fled|visited|border)\\s+)$");
    private static final Pattern AFTER = Pattern.compile("(?i)^['’]s\\s+(?:[A-Z][\\w-]*\\s+)?(?:news|state|official|foreign|defen[cs]e|interior|media|TV|agency|ministry|embassy|envoy|ambassador|president|leader|border|territory|side|ally|allies)\\b|^\\s*(?:border|frontier)\\b");

    /** A country or capital that is a place or a source here ("the border with Israel", "Russia's news agency"). */
    private static boolean notAnActor(String s, Mention m) {
        if (!PLACE_NAME.matcher(m.text()).matches()) return false;
        String before = s.substring(Math.max(0, m.start() - 20), m.start());
        String after = s.substring(m.end(), Math.min(s.length(), m.end() + 25));
        return BEFORE.matcher(before).find() || AFTER.matcher(after).find();
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
        kept.removeIf(m -> notAnActor(s, m));
        // "IS gunmen", "HTS fighters": a generic group right after a named one is that group
        kept.removeIf(m -> m.code().equals("UNK") && kept.stream().anyMatch(k -> k != m && !k.code().equals("UNK")
                && k.end() <= m.start() && m.start() - k.end() <= 2));
        kept.sort(Comparator.comparingInt(Mention::start));
        return kept;
    }
}
