package org.sitmap.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.model.InputException;

class CsvTokenizerTest {
    private static List<List<String>> all(CsvTokenizer t, List<Long> lines) throws IOException {
        List<List<String>> out = new ArrayList<>();
        while (t.next()) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) r.add(t.get(i));
            out.add(r);
            if (lines != null) lines.add(t.line());
        }
        return out;
    }

    private static List<List<String>> parse(String text, List<Long> lines) throws IOException {
        return all(new CsvTokenizer(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", ','),
                lines);
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndLinesAreCounted() throws IOException {
        List<Long> lines = new ArrayList<>();
        List<List<String>> rows = parse("a,b,c\r\n1,\"x, \"\"y\"\"\r\nz\",3\r\n\r\n4,,\"\"\n5,6,7", lines);
        assertThat(rows).containsExactly(List.of("a", "b", "c"), List.of("1", "x, \"y\"\r\nz", "3"),
                List.of("4", "", ""), List.of("5", "6", "7"));
        assertThat(lines).containsExactly(1L, 2L, 5L, 6L);
    }

    @Test
    void byteOrderMarkIsSkippedAndLoneCrEndsARecord() throws IOException {
        byte[] bytes = "\uFEFFid,name\r1,\u062d\u0644\u0628\r".getBytes(StandardCharsets.UTF_8);
        List<List<String>> rows = all(new CsvTokenizer(new ByteArrayInputStream(bytes), "t.csv", ','), null);
        assertThat(rows).containsExactly(List.of("id", "name"), List.of("1", "\u062d\u0644\u0628"));
    }

    @Test
    void lenientAboutStrayQuotesInsideFields() throws IOException {
        assertThat(parse("a\"b,\"c\"d,e\n", null)).containsExactly(List.of("a\"b", "cd", "e"));
    }

    @Test
    void otherDelimiters() throws IOException {
        assertThat(all(new CsvTokenizer(new ByteArrayInputStream("a;b\t;c".getBytes(StandardCharsets.UTF_8)), "t.csv",
                ';'), null))
                .containsExactly(List.of("a", "b\t", "c"));
    }

    @Test
    void aTruncatedQuotedFieldNamesTheLineWhereItStarts() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"never closed\n...", null))
                .isInstanceOf(InputException.class).hasMessageStartingWith("t.csv:3: the file ends inside a quoted field");
    }

    @Test
    void binaryContentIsRefused() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n\u0000\u0001\u0002", null))
                .isInstanceOf(InputException.class).hasMessageContaining("t.csv:3: binary content");
    }

    @Test
    void anEndlessLineIsRefusedWithoutReadingItAll() {
        // a reader that never ends: the cap must stop it
        InputStream endless = new InputStream() {
            @Override public int read() { return 'x'; }
            @Override public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) b[off + i] = 'x';
                return len;
            }
        };
        assertThatThrownBy(() -> all(new CsvTokenizer(endless, "endless.csv", ','), null))
                .isInstanceOf(InputException.class).hasMessageContaining("endless.csv:1: a field longer than");
        InputStream endlessQuoted = new InputStream() {
            boolean first = true;
            @Override public int read() { return 'y'; }
            @Override public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) b[off + i] = (byte) (i % 2 == 0 ? ',' : 'y');
                if (first) { b[off] = 'h'; first = false; }
                return len;
            }
        };
        assertThatThrownBy(() -> all(new CsvTokenizer(endlessQuoted, "many.csv", ','), null))
                .isInstanceOf(InputException.class).hasMessageContaining("many.csv:1: more than");
    }

    @Test
    void crLfInsideQuotesCountsAsOneLineAlsoAcrossABufferRefill() throws IOException {
        List<Long> lines = new ArrayList<>();
        // the CR is the last character of the first 64 Ki buffer, its LF the first of the next
        String text = "\"" + "x".repeat(65534) + "\r\ny\"\nnext\n";
        List<List<String>> rows = parse(text, lines);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0)).endsWith("x\r\ny");
        assertThat(lines).containsExactly(1L, 3L);
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertThat(parse("", null)).isEmpty();
        assertThat(parse("\n\r\n\n", null)).isEmpty();
    }
}
