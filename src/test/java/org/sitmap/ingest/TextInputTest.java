package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sitmap.model.InputException;

class TextInputTest {
    private static final String TEXT = "Saraqib, Ma'arrat al-Nu'man — café\nline two\n";

    private static String read(byte[] b, TextInput.Limits limits) throws IOException {
        try (Reader r = TextInput.decode(new ByteArrayInputStream(b), "f.txt", limits)) {
            return all(r);
        }
    }

    private static String all(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[7];
        int n;
        while ((n = r.read(buf)) >= 0) sb.append(buf, 0, n);
        return sb.toString();
    }

    private static String read(byte[] b) throws IOException { return read(b, TextInput.Limits.DATA); }

    private static byte[] bom(byte[] mark, byte[] body) {
        byte[] out = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, out, 0, mark.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }

    @Test
    void byteOrderMarksDecideTheEncoding() throws IOException {
        assertThat(read(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
        assertThat(read(bom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8)))).isEqualTo(TEXT);
        assertThat(read(bom(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(TEXT);
        assertThat(read(bom(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE)))).isEqualTo(TEXT);
        assertThatThrownBy(() -> read(bom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "x".getBytes(Charset.forName("UTF-32BE")))))
                .isInstanceOf(InputException.class).hasMessage("f.txt: UTF-32 text is not read; save the file as UTF-8");
    }

    @Test
    void windows1252IsReadWithANote() throws IOException {
        String latin = "Caf\u00e9 in Ma\u2019arrat\nthen \u20ac 5\n";
        byte[] b = latin.getBytes(Charset.forName("windows-1252"));
        try (TextInput.Decoded r = TextInput.decode(new ByteArrayInputStream(b), "f.txt", TextInput.Limits.DATA)) {
            assertThat(all(r)).isEqualTo(latin);
            assertThat(r.note()).startsWith("not UTF-8 (first at byte offset 3): read as Windows-1252");
        }
        try (TextInput.Decoded r = TextInput.decode(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), "f",
                TextInput.Limits.DATA)) {
            assertThat(all(r)).isEqualTo(TEXT);
            assertThat(r.note()).isNull();
        }
    }

    @Test
    void otherBytesAreRefusedWithTheLineAndByteOffset() {
        byte[] mixed = "caf\u00e9\nand \u00e9".getBytes(StandardCharsets.UTF_8);
        mixed[mixed.length - 2] = (byte) 0xE9;
        mixed = java.util.Arrays.copyOf(mixed, mixed.length - 1);
        byte[] m = mixed;
        assertThatThrownBy(() -> read(m)).isInstanceOf(InputException.class)
                .hasMessage("f.txt:2: a byte that is not UTF-8 after valid UTF-8 text (mixed encodings) at byte offset 10;"
                        + " save the file as UTF-8");
        assertThatThrownBy(() -> read(new byte[] {'a', '\n', 'b', 0, 'c'})).isInstanceOf(InputException.class)
                .hasMessageStartingWith("f.txt:2: binary content (a NUL byte at byte offset 3)");
        assertThatThrownBy(() -> read(new byte[] {'a', (byte) 0x81, 'c'})).isInstanceOf(InputException.class)
                .hasMessageContaining("a byte that Windows-1252 does not define at byte offset 1");
        assertThatThrownBy(() -> read("abc".getBytes(StandardCharsets.UTF_16BE))).isInstanceOf(InputException.class)
                .hasMessageContaining("UTF-16 text without a byte-order mark");
    }

    @Test
    void fileAndLineCaps() {
        assertThatThrownBy(() -> read(new byte[100], new TextInput.Limits(10, 0))).isInstanceOf(InputException.class)
                .hasMessageContaining("more than 10 bytes");
        byte[] longLine = ("ok\n" + "x".repeat(50)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(longLine, new TextInput.Limits(1000, 20))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("f.txt:2: a line longer than 20 characters");
    }
}
