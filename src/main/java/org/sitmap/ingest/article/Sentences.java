package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits article text into paragraphs (lines) and sentences. Stateless. */
final class Sentences {
    /** One sentence: 1-based number in the article, paragraph number, 1-based line, start offset, text. */
    record Sentence(int number, int paragraph, long line, String text) { }

    private static final Pattern END = Pattern.compile("(?<=[.!?…])[\"”’)]*\\s+(?=[\"“‘(]?[A-Z0-9\\p{IsArabic}])");

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
        if (t.isEmpty()) return;
        out.add(new Sentence(out.size() + 1, paragraph, line, t));
    }
}
