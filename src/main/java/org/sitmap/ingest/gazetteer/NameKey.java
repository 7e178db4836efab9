package org.sitmap.ingest.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spelling-tolerant keys for place names. {@link #key} folds case, diacritics, apostrophes, hyphens, spaces,
 * Arabic articles (al-, el-, ash-, ez- ...), doubled letters and common variants (Kafar/Kafr/Kfar,
 * Ma'aret/Maarat/Maarrat); {@link #skeleton} further drops vowels and folds digraphs (sh, gh, kh, th, dh), so
 * "Jisrash Shogur" and "Jisr ash-Shughur" share a skeleton. Arabic script is folded by {@link #arabic}.
 *
 * <p>Stateless; safe from any thread.
 */
public final class NameKey {
    private static final Set<String> ARTICLES = Set.of("al", "el", "ash", "as", "ad", "ar", "at", "az", "an",
            "adh", "ath", "es", "ed", "ez", "er", "et", "en", "esh", "il");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʿʾ´ʻ]");
    private static final Pattern MAARAT = Pattern.compile("^ma+r+[ae]t");
    private static final Set<String> KAFR = Set.of("kafar", "kfar", "kafr", "kefr", "kafer", "kfr");
    /** Generic words of Arabic place names written many ways, each folded to one spelling. */
    private static final java.util.Map<String, String> WORDS = words(
            "tall", "tal tel tell til", "dayr", "deir dair der deyr dier", "ain", "ein ayn aien ayin", "abu", "abou",
            "umm", "um om oum", "shaykh", "sheikh sheik shaikh shekh shiekh sheykh shayk shaik", "khirbat",
            "khirbet kherbet khirbit kherbat khirba khirbeh kherbeh", "jabal", "jebel jabel jbel jebal jabl",
            "bayt", "beit bait beyt", "bin", "ben ibn bn", "qasr", "kasr", "jisr", "jesr", "wadi", "wady",
            "mazraa", "mazraat mazraet mazraah", "qalaat", "qalat qalaa qalat", "arab", "arabs");
    private static final Pattern LOOSE_AI = Pattern.compile("ay|ai|ey|ei|ee|e|y");
    private static final Pattern LOOSE_U = Pattern.compile("ou|oo|ow|o|w");

    private static java.util.Map<String, String> words(String... pairs) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) for (String v : pairs[i + 1].split(" ")) m.put(v, pairs[i]);
        return java.util.Map.copyOf(m);
    }

    private NameKey() { }

    /** Lower case without diacritics or apostrophes; other non-letters become single spaces. */
    public static String plain(String s) {
        String fast = plainAscii(s);
        if (fast != null) return fast;
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        d = d.replaceAll("['’](?:s|S)\\b", "");
        d = APOSTROPHES.matcher(d).replaceAll("");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * {@link #plain} of a text of ASCII letters, digits, spaces and hyphens (most words of an article), without
     * normalising or regular expressions; null for any other text.
     */
    private static String plainAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && sb.length() > 0) sb.append(' ');
                gap = false;
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (gap && sb.length() > 0) sb.append(' ');
                gap = false;
                sb.append((char) (c + 32));
            } else if (c == ' ' || c == '-') {
                gap = true;
            } else {
                return null;
            }
        }
        return sb.toString();
    }

    /** The folded tokens of a name, articles removed (unless the name is only an article). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        String p = plain(s);
        if (p.isEmpty()) return out;
        for (String t : p.split(" ")) {
            if (ARTICLES.contains(t)) continue;
            if (KAFR.contains(t)) t = "kafr";
            t = WORDS.getOrDefault(t, t);
            if (t.startsWith("ma")) t = MAARAT.matcher(t).replaceFirst("maarat");
            // an article written together with a doubled sun letter: Ezzor, Arrastan, Ashshughur
            if (t.length() > 4 && "ae".indexOf(t.charAt(0)) >= 0 && "dnrstz".indexOf(t.charAt(1)) >= 0
                    && t.charAt(2) == t.charAt(1)) {
                t = t.substring(2);
            }
            t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i");
            out.add(t);
        }
        return out;
    }

    /** The spelling-tolerant key (letters only, no spaces); empty when nothing is left. */
    public static String key(String s) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens(s)) {
            if (t.length() > 3 && (t.endsWith("ah") || t.endsWith("eh"))) t = t.substring(0, t.length() - 2) + "a";
            sb.append(t);
        }
        return collapse(sb.toString());
    }

    /**
     * A key with its vowels folded further (e/i/y/ay/ei → i, o/u/w/ou/aw → u, q → k), to compare two spellings
     * that the key still tells apart ("Sheikhun"/"Shaykhun", "Dwair"/"Duwayr"); used to accept a skeleton match.
     */
    public static String loose(String key) {
        String k = LOOSE_AI.matcher(key).replaceAll("i");
        k = LOOSE_U.matcher(k).replaceAll("u").replace("au", "u").replace('q', 'k');
        return collapse(k);
    }

    /** The consonant skeleton of {@link #key}: digraphs folded, vowels (and y, w, h after a vowel) dropped. */
    public static String skeleton(String s) {
        String k = key(s);
        k = k.replace("sh", "s").replace("gh", "g").replace("kh", "k").replace("th", "t").replace("dh", "d")
                .replace("ch", "s").replace("q", "k").replace("ph", "f").replace("ou", "u").replace("ee", "i");
        k = collapse(k);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) continue;
            sb.append(c);
        }
        return collapse(sb.toString());
    }

    /** Arabic script folded: diacritics and tatweel removed, alef/yeh/teh marbuta variants unified, no "ال". */
    public static String arabic(String s) {
        String d = s.replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", "")
                .replaceAll("[أإآٱ]", "ا").replace('ى', 'ي').replace('ة', 'ه')
                .replaceAll("[^\\p{IsArabic}\\s]", " ").strip().replaceAll("\\s+", " ");
        StringBuilder sb = new StringBuilder();
        for (String t : d.split(" ")) {
            if (t.startsWith("ال") && t.length() > 3) t = t.substring(2);
            sb.append(t);
        }
        return sb.toString();
    }

    /** True when a key is long enough to look up: three letters, or two with a digit (road codes such as M4). */
    public static boolean usable(String key) {
        return key.length() >= 3 || (key.length() == 2 && key.chars().anyMatch(Character::isDigit));
    }

    /** True when the text contains Arabic letters. */
    public static boolean isArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.ARABIC) return true;
        }
        return false;
    }

    /** Levenshtein distance, stopping early once it exceeds {@code max} (returns max + 1 then). */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    private static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) continue;
            sb.append(c);
        }
        return sb.toString();
    }
}
