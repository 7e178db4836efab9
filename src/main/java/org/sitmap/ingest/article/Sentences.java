package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits article text into paragraphs (lines) and sentences. A "sentence" longer than {@link #MAX_CHARS} (a list,
 * a table, a text without full stops) is cut at spaces into pieces of at most that length, so that the work per
 * sentence is bounded and extraction stays linear in the text's length. Stateless.
 */
final class Sentences {
    /** One sentence: 1-based number in the article, paragraph number, 1-based line, start offset, text. */
    record Sentence(int number, int paragraph, long line, String text) { }

    private static final Pattern END = Pattern.compile("(?<=[.!?…])[\"”’)]*\\s+(?=[\"“‘(]?[A-Z0-9\\p{IsArabic}])");

    /** The longest sentence handled as one; news sentences are a few hundred characters. */
    static final int MAX_CHARS = 1_000;

    private Sentences() { }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int paragraph = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            paragraph++;
            Matcher m = END.matcher(line);
            int start = 0;
            while (m.find()) {
                add(out, paragraph, i + 1, line.substring(start, m.start()));
                start = m.end();
            }
            add(out, paragraph, i + 1, line.substring(start));
        }
        return out;
    }

    private static void add(List<Sentence> out, int paragraph, long line, String s) {
        String t = s.strip();
        int from = 0;
        while (t.length() - from > MAX_CHARS) {
            int cut = t.lastIndexOf(' ', from + MAX_CHARS);
            if (cut < from + MAX_CHARS / 2) cut = from + MAX_CHARS;
            String piece = t.substring(from, cut).strip();
            if (!piece.isEmpty()) out.add(new Sentence(out.size() + 1, paragraph, line, piece));
            from = cut;
        }
        t = t.substring(from).strip();
        if (t.isEmpty()) return;
        out.add(new Sentence(out.size() + 1, paragraph, line, t));
    }
}
