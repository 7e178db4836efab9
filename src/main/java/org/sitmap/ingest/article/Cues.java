package org.sitmap.ingest.article;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.SubEventType;

/**
 * The keyword rules of the extraction: event type, relative dates, fatalities, and background (history,
 * analysis, speculation). Stateless; safe from any thread.
 */
final class Cues {
    private Cues() { }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static final Pattern SUICIDE = p("\\bsuicide (?:attacks?|bomb\\w*|car\\w*)|booby-trapped|car bombs?\\b|\\bVBIEDs?\\b");
    private static final Pattern AIR = p("\\bair ?strikes?\\b|\\bair raids?\\b|\\bairstrikes?\\b|\\bair offensive\\b|\\bbomb(?:ing|ings|ed|arded|ardment)\\b"
            + "|\\bwarplanes?\\b|\\bfighter jets?\\b|\\b(?:bombings?|raids?|strikes?) by fighters\\b|\\bdrone (?:strikes?|attacks?)\\b"
            + "|\\baerospace forces\\b|\\bair forces?\\b|\\bRussian fighters\\b|\\bbarrel ?bombs?\\b|\\bexplosive barrels?\\b"
            + "|\\bcluster (?:bombs?|munitions)\\b|\\bvacuum (?:bombs?|missiles?)\\b");
    /** Aircraft named without a word for an attack: an air strike unless the sentence reports a patrol. */
    private static final Pattern AIRCRAFT = p("\\bdrones?\\b|\\bUAVs?\\b|\\bhelicopters?\\b|\\bjets\\b|\\bgunships?\\b");
    private static final Pattern SHELLING = p("\\bshell(?:ed|ing|s)\\b|\\bartillery\\b|\\bmortars?\\b|\\brockets?\\b|\\bmissiles?\\b");
    /** A strike, struck, bombarded with no word for the weapon: most often from the air in this war. */
    private static final Pattern STRIKE = p("\\bstrikes?\\b|\\bstruck\\b|\\bbombard\\w*|\\bpounded\\b");
    private static final Pattern TERRITORY = p("\\bwrest(?:ed)? control\\b|\\b(?:took|taken|take|seized?|seizing|gained|regained|regaining|wrested|imposed|assumed|retook|retaken|retaking)"
            + " (?:full |complete |total )?control\\b|\\bcaptur(?:ed|ing)\\b|\\brecaptur\\w*|\\boverr(?:a|u)n\\b|\\btook over\\b|\\bseiz(?:ed|ing)\\b"
            + "|\\bretook\\b|\\bretaken\\b|\\bliberat(?:ed|ing)\\b|\\bcleared\\b|\\bfell to\\b|\\badvanc(?:ed|ing)\\b|\\bwithdr(?:ew|awn) from\\b");
    private static final Pattern ATTACK = p("\\battack(?:s|ed|ing)?\\b|\\bclash(?:es|ed)?\\b|\\bfighting\\b|\\bfought\\b|\\brepel(?:led|s)?\\b|\\bambush(?:es|ed)?\\b"
            + "|\\boffensive\\b|\\braids?\\b|\\btargeted\\b|\\bentered\\b|\\bstormed\\b|\\bbattles?\\b|\\bassault\\w*\\b|\\bexchanged fire\\b|\\bopened fire\\b|\\bfirefights?\\b|\\bgunfire\\b"
            + "|\\bthwarted\\b|\\bfoiled\\b|\\binfiltrat\\w*|\\binsurrection\\b|\\bescape attempt\\b|\\bprison break\\b|\\bjailbreak\\b|\\bconfrontations?\\b"
            + "|\\bskirmish\\w*|\\bcounter-?attack\\w*|\\bshooting\\b|\\bgun ?battles?\\b");
    private static final Pattern EXPLOSIVE = p("\\bexplosions?\\b|\\bblasts?\\b|\\bexplod\\w*|\\bdetonat\\w*|\\bIEDs?\\b|\\blandmines?\\b|\\bexplosive devices?\\b"
            + "|\\b(?:roadside|planted) bombs?\\b");
    /** Deaths with no word for how: an attack (on civilians when they are the dead). */
    private static final Pattern KILLING = p("\\bkill(?:ed|ing|s)\\b|\\bdead\\b|\\bdeath toll\\b|\\bexecut(?:ed|ion|ions)\\b|\\bmassacre\\b|\\bshot\\b"
            + "|\\bwounded\\b|\\binjured\\b|\\bcasualties\\b|\\bassassinat\\w*|\\bkidnapp\\w*|\\babduct\\w*");
    private static final Pattern CIVILIAN = p("\\bcivilians?\\b|\\bchildren\\b|\\bwomen\\b|\\bpeople\\b|\\bfamily\\b|\\bresidents?\\b|\\bperson\\b");
    private static final Pattern PATROL = p("\\bpatrols?\\b|\\bconvoy\\b");
    private static final Pattern ARREST = p("\\barrest(?:s|ed)?\\b|\\bdetain(?:s|ed)?\\b|\\bdetention\\b|\\bround-up\\b");
    private static final Pattern DESTROY = p("(?<!\\b(?:a|the) )\\bdestroy(?:ed|s)?\\b|\\bset on fire\\b|\\bburn(?:ed|t)\\b|\\bblew up\\b|\\blooted\\b");
    private static final Pattern MEETING = p("\\bmet\\b|\\bmeeting\\b|\\bgathered\\b|\\bconvened\\b");
    private static final Pattern AGREEMENT = p("\\bsigned\\b|\\bceasefire took effect\\b|\\bagreed\\b|\\bagreement\\b|\\btruce\\b");
    private static final Pattern GOVERNMENT = Pattern.compile("SAA|RUS|IRN|HEZ");

    /** The ACLED sub-type the sentence's wording points to, or null when it reports no event. */
    static SubEventType eventType(String s, boolean governmentActor) {
        if (SUICIDE.matcher(s).find()) return SubEventType.SUICIDE_BOMB;
        if (AIR.matcher(s).find()) return SubEventType.AIR_DRONE_STRIKE;
        if (SHELLING.matcher(s).find()) return SubEventType.SHELLING;
        if (TERRITORY.matcher(s).find()) {
            return governmentActor ? SubEventType.GOVERNMENT_REGAINS_TERRITORY : SubEventType.NON_STATE_OVERTAKES_TERRITORY;
        }
        if (STRIKE.matcher(s).find()) return SubEventType.AIR_DRONE_STRIKE;
        if (ATTACK.matcher(s).find()) return SubEventType.ARMED_CLASH;
        if (EXPLOSIVE.matcher(s).find()) return SubEventType.REMOTE_EXPLOSIVE;
        if (PATROL.matcher(s).find()) return SubEventType.OTHER;
        if (AIRCRAFT.matcher(s).find()) return SubEventType.AIR_DRONE_STRIKE;
        if (KILLING.matcher(s).find()) return CIVILIAN.matcher(s).find() ? SubEventType.ATTACK : SubEventType.ARMED_CLASH;
        if (ARREST.matcher(s).find()) return SubEventType.ARRESTS;
        if (DESTROY.matcher(s).find()) return SubEventType.LOOTING;
        if (MEETING.matcher(s).find()) return SubEventType.OTHER;
        if (AGREEMENT.matcher(s).find()) return SubEventType.AGREEMENT;
        return null;
    }

    /** True when a code list holds a government-side faction (for regained versus overtaken territory). */
    static boolean government(String code) { return GOVERNMENT.matcher(code).matches(); }

    // ---- background ----------------------------------------------------------------------------------------

    private static final Pattern SPECULATION = p("\\banalysts?\\b|\\bbelieves?\\b|\\bcould (?:be|have|lead|become|face|see|soon|trigger|mean|spark|also|well)\\b"
            + "|\\bwould\\b|\\bmight\\b|\\b(?-i:may)\\b|\\bin fact\\b"
            + "|\\bthe goal is\\b|\\baims? to\\b|\\bhypothesis\\b|\\bif the\\b|\\bno doubt\\b|\\bwhat i do know\\b|\\bwill\\b|\\bfears?\\b"
            + "|\\bis vital\\b|\\bin order to\\b|\\bprobably\\b|\\bimminent\\b|\\bthreaten(?:s|ed)?\\b|\\bwants? to\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");

    /** True when the sentence is about an earlier year than the article's (history, not news). */
    static boolean pastYear(String s, LocalDate articleDate) {
        Matcher m = YEAR.matcher(s);
        while (m.find()) if (Integer.parseInt(m.group(1)) < articleDate.getYear()) return true;
        return false;
    }

    /** True when the sentence analyses, speculates or states aims rather than reports. */
    static boolean speculative(String s) { return SPECULATION.matcher(s).find(); }

    // ---- dates ---------------------------------------------------------------------------------------------

    /** A resolved date: first day, last day (null for one day), precision; explicit when the text named it. */
    record When(LocalDate date, LocalDate end, DatePrecision precision, boolean explicit) { }

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final Pattern RANGE = p("\\b(?:from|between)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:to|and|until)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\b"
            + "|\\b(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+(" + MONTHS + ")\\b");
    private static final Pattern DAY_MONTH = p("\\bon\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\b|\\bon\\s+(" + MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern WEEKDAY = p("\\b(?:on|by|since|last)\\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Pattern TODAY = p("\\bin (?:the )?(?:recent|past|last) (?:few )?hours\\b|\\b(?:a )?few hours ago\\b|\\bhours ago\\b|\\btoday\\b"
            + "|\\bthis (?:morning|afternoon|evening)\\b|\\btonight\\b");
    private static final Pattern YESTERDAY = p("\\byesterday\\b|\\blast night\\b|\\bovernight\\b");
    private static final Pattern RECENT_DAYS = p("\\bin (?:the )?(?:recent|past|last) (?:few )?days\\b|\\brecently\\b|\\bthis week\\b|\\bdays ago\\b");

    /** Resolves the sentence's date expression against the article date; null when it has none. */
    static When when(String s, ArticleDate article) {
        LocalDate d = article.date();
        DatePrecision ap = article.precision();
        Matcher m = RANGE.matcher(s);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int b = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(5));
            Month month = month(m.group(3) != null ? m.group(3) : m.group(6));
            int year = month.getValue() > d.getMonthValue() + (ap == DatePrecision.DAY ? 0 : 1) ? d.getYear() - 1 : d.getYear();
            try {
                LocalDate from = LocalDate.of(year, month, a);
                LocalDate to = LocalDate.of(year, month, b);
                if (!to.isBefore(from)) return new When(from, to.equals(from) ? null : to, DatePrecision.DAY, true);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        m = DAY_MONTH.matcher(s);
        if (m.find()) {
            int day = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            Month month = month(m.group(2) != null ? m.group(2) : m.group(3));
            int year = month.getValue() > d.getMonthValue() ? d.getYear() - 1 : d.getYear();
            try {
                return new When(LocalDate.of(year, month, day), null, DatePrecision.DAY, true);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        m = WEEKDAY.matcher(s);
        if (m.find()) {
            if (ap != DatePrecision.DAY) return new When(d, null, ap, true);
            DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            int back = (d.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
            return new When(d.minusDays(back), null, DatePrecision.DAY, true);
        }
        if (TODAY.matcher(s).find()) return new When(d, null, ap, true);
        if (YESTERDAY.matcher(s).find()) return new When(ap == DatePrecision.DAY ? d.minusDays(1) : d, null, ap, true);
        if (RECENT_DAYS.matcher(s).find()) {
            if (ap != DatePrecision.DAY) return new When(d, null, ap, true);
            return new When(d.minusDays(6), null, DatePrecision.WEEK, true);
        }
        return null;
    }

    private static Month month(String name) {
        return Month.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Month name for summaries. */
    static String monthName(Month m) { return m.getDisplayName(TextStyle.FULL, Locale.ENGLISH); }

    // ---- fatalities ----------------------------------------------------------------------------------------

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20));
    private static final String NUM = "(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";
    private static final String WHO = "(?:people|persons|civilians|soldiers|fighters|militants|militiamen|members|guerrillas|troops|combatants|jihadists|children|women|men)";
    private static final Pattern KILLED = p("\\bkill(?:ing|ed)\\s+(?:at least\\s+)?" + NUM + "\\s+(?:\\w+\\s+)?" + WHO
            + "|\\b" + NUM + "\\s+(?:\\w+\\s+)?" + WHO + "\\s+(?:were\\s+|have been\\s+|had been\\s+)?(?:killed|dead)"
            + "|\\bneutrali[sz]ed\\s+" + NUM + "\\b|\\bleft\\s+" + NUM + "\\s+dead");

    /** The number of dead the sentence states, or null. */
    static Integer fatalities(String s) {
        Matcher m = KILLED.matcher(s);
        if (!m.find()) return null;
        for (int g = 1; g <= m.groupCount(); g++) {
            String v = m.group(g);
            if (v == null) continue;
            Integer n = NUMBERS.get(v.toLowerCase(Locale.ROOT));
            if (n != null) return n;
            try {
                return Integer.parseInt(v.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
