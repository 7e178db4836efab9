package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.ucdp.UcdpReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;

/**
 * The ACLED and UCDP CSV readers give, file by file, exactly the outcome recorded in {@code csv-outcomes.txt}: the
 * same rows, the same rejections and the same refusal at the same place in the sequence (a fault of the text is
 * reported while the same record is read), with the same notes, whether a file comes whole or in small uneven
 * pieces (as archives and spreadsheets hand it). The outcomes were recorded in the ninth session from the byte-level
 * readers after this test had shown them equal to the character readers they replaced (eighth session), so a speed
 * change to the readers is held to the former readers' behaviour without keeping their code. Inputs: a seeded
 * random corpus ({@link CsvCorpus}), hostile shapes at buffer boundaries and every CSV under
 * {@code src/test/resources} and {@code data}. An intended change of behaviour is recorded again with
 * {@code -Dsitmap.csv.record=true} (the file is rewritten after the class's tests) and shows in the diff.
 */
class CsvExactnessTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static final boolean RECORDING = Boolean.getBoolean("sitmap.csv.record");
    private static final Recorded RECORDED = new Recorded(Path.of("src/test/resources/org/sitmap/ingest/csv-outcomes.txt"),
            RECORDING);

    @AfterAll
    static void writeRecordWhenAsked() throws IOException {
        RECORDED.writeWhenRecording();
    }

    interface Open {
        IncidentReader open(InputStream in, String file) throws IOException;
    }

    /** What a reader made of a file: every row, then the end or the refusal; the notes. */
    static List<String> outcome(Open open, byte[] bytes, long pieces) {
        List<String> out = new ArrayList<>();
        InputStream in = pieces == 0 ? new ByteArrayInputStream(bytes) : new Pieces(bytes, pieces);
        if (pieces < 0) in = new Pieces(bytes, 0, (int) -pieces);
        IncidentReader r;
        try {
            r = open.open(in, "f.csv");
        } catch (IOException | RuntimeException e) {
            out.add("open refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return out;
        }
        try (r) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row.toString());
            out.add("end, notes " + r.notes());
        } catch (IOException | RuntimeException e) {
            out.add("refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    /** Every outcome line of the ACLED reader, for the corpus's coverage. */
    private final List<String> seen = new ArrayList<>();

    /**
     * The outcomes of both readers for one file, whole and in uneven pieces, against the ones recorded for it
     * ({@link Recorded}).
     */
    void same(byte[] bytes, String what) {
        List<String> lines = new ArrayList<>();
        for (long pieces : new long[] {0, bytes.length * 31L + 7}) {
            List<String> acled = outcome((in, f) -> new AcledReader(in, f, CATALOG), bytes, pieces);
            seen.addAll(acled);
            lines.add("ACLED, pieces " + pieces);
            lines.addAll(acled);
            lines.add("UCDP, pieces " + pieces);
            lines.addAll(outcome((in, f) -> new UcdpReader(in, f, CATALOG), bytes, pieces));
        }
        RECORDED.check(what, bytes, lines);
    }

    @Test
    void randomAcledAndUcdpFilesReadAsBefore() {
        Random rnd = new Random(20261207);
        for (int k = 0; k < 1500; k++) {
            CsvCorpus c = new CsvCorpus(rnd);
            byte[] bytes = c.file(k % 3 == 0 ? CsvCorpus.Kind.UCDP : CsvCorpus.Kind.ACLED);
            same(bytes, "random file " + k + " (" + c.recipe() + ")");
        }
        // the corpus reaches every kind of outcome
        List<String> missing = new ArrayList<>();
        for (String kind : new String[] {"incident=Incident[", "rejection=expected", "rejection=bad date",
                "rejection=latitude", "rejection=unknown event_type", "rejection=time_precision", "rejection=no event_id_cnty",
                "open refused: InputException: f.csv:1: missing column", "refused: InputException: f.csv",
                "binary content (a NUL byte", "mixed encodings", "read as Windows-1252", "does not define",
                "a broken UTF-16", "ends inside a quoted field", "\u062d\u0644\u0628",
                "\uD835\uDD04", "'=SUM(A1)"}) {
            if (seen.stream().noneMatch(o -> o.contains(kind))) missing.add(kind);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void largeFilesAcrossManyBuffersReadAsBefore() {
        Random rnd = new Random(7);
        for (int k = 0; k < 24; k++) {
            CsvCorpus c = new CsvCorpus(rnd);
            c.rows = 1500 + rnd.nextInt(3000);
            byte[] bytes = c.file(k % 4 == 0 ? CsvCorpus.Kind.UCDP : CsvCorpus.Kind.ACLED);
            same(bytes, "large file " + k + " (" + c.recipe() + ")");
        }
    }

    @Test
    void hostileShapesReadAsBefore() {
        String header = "event_id_cnty,event_date,event_type,actor1,latitude,longitude\n";
        String row = "SY1,2020-01-02,Battles,Military Forces of Syria (2000-),36.2,37.1\n";
        List<byte[]> cases = new ArrayList<>();
        // a field and a record past the caps, also made of multi-byte characters
        cases.add((header + "SY1,2020-01-02,Battles,\"" + "x".repeat((1 << 20) + 1) + "\",1,2\n").getBytes(StandardCharsets.UTF_8));
        cases.add((header + "SY1,2020-01-02,Battles," + "x".repeat(1 << 20) + ",1,2\n").getBytes(StandardCharsets.UTF_8));
        cases.add((header + "SY1,2020-01-02,Battles," + "\u062d".repeat((1 << 20) + 1) + ",1,2\n").getBytes(StandardCharsets.UTF_8));
        cases.add((header + "SY1,2020-01-02,Battles," + "\uD83D\uDE00".repeat((1 << 19) + 1) + ",1,2\n").getBytes(StandardCharsets.UTF_8));
        String big = "y".repeat((1 << 20) - 5);
        cases.add((header + String.join(",", big, big, big, big, big) + "\n").getBytes(StandardCharsets.UTF_8));
        cases.add((header + "\"" + String.join("\",\"", big, big, big, big) + "\",\"zzzzzzzzzzzzzz\"\n").getBytes(StandardCharsets.UTF_8));
        // more fields than accepted, a file ending inside quotes after a long valid part
        cases.add((header + ",".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        cases.add((header + row.repeat(3000) + "SY9,\"2020-01-02\n" + row.repeat(10)).getBytes(StandardCharsets.UTF_8));
        // a NUL byte and a broken byte near the 64 KiB boundaries, in both orders
        for (int at : new int[] {65536 - 3, 65536, 65536 + 70, 131072 - 1, 9000}) {
            byte[] base = (header + row.repeat(3000)).getBytes(StandardCharsets.UTF_8);
            cases.add(with(base, at, (byte) 0));
            cases.add(with(base, at, (byte) 0xC3));
            cases.add(with(with(base, at, (byte) 0x93), at + 40, (byte) 0));
            cases.add(with(with(base, at, (byte) 0), at + 40, (byte) 0xFF));
            byte[] arabic = (header + "SY2,2020-01-02,Battles,\u0642\u0648\u0627\u062a,1,2\n".repeat(3000))
                    .getBytes(StandardCharsets.UTF_8);
            cases.add(with(arabic, at, (byte) 0xE9));
        }
        // the record's cap and a field's cap passed at the same character: the record's is named, as before
        String full = "w".repeat(1 << 20);
        cases.add((header + String.join(",", full, full, full, full + "w", "1", "2") + "\n").getBytes(StandardCharsets.UTF_8));
        for (int k = 0; k < cases.size(); k++) same(cases.get(k), "hostile case " + k);
        assertThat(cases).hasSize(34);
    }

    /**
     * A short first piece, then full 64 KiB pieces, with a broken byte in the last characters of the second piece:
     * the former reader's mark (8 Ki characters while the header was sniffed) left them for a later read, so the
     * rows before them are read before the refusal.
     */
    @Test
    void theFormerReadersBufferedReadsAreKept() {
        int checked = 0;
        String header = "event_id_cnty,event_date,event_type,actor1,latitude,longitude\n";
        byte[] base = (header + "SY1,2020-01-02,Battles,Military Forces of Syria (2000-),36.2,37.1\n".repeat(4000))
                .getBytes(StandardCharsets.UTF_8);
        for (int first : new int[] {1, 100, 3000, 5000, 9000}) {
            for (int back : new int[] {1, 50, first - 1, first + 1, 2000}) {
                for (byte bad : new byte[] {(byte) 0xE9, (byte) 0x80}) {
                    int at = first + 65536 - back;
                    if (back < 1 || at <= first) continue;
                    byte[] bytes = with(base, at, bad);
                    // valid UTF-8 before it: mixed encodings, refused; else read as Windows-1252 from there
                    if (bad == (byte) 0x80) bytes = with(with(bytes, 70, (byte) 0xC3), 71, (byte) 0xA9);
                    checked++;
                    RECORDED.check(String.format("first %d, back %d, byte %02x", first, back, bad), bytes,
                            outcome((in, f) -> new AcledReader(in, f, CATALOG), bytes, -first));
                }
            }
        }
        assertThat(checked).isEqualTo(48);
    }

    private static byte[] with(byte[] a, int at, byte b) {
        byte[] c = a.clone();
        if (at < c.length) c[at] = b;
        return c;
    }

    @Test
    void theProjectsCsvFilesReadAsBefore() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : new String[] {"src/test/resources", "data"}) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".csv") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
        }
        // a file added or changed since the outcomes were recorded has nothing to be held to: only the others count
        int compared = 0;
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            String what = p.toString().replace('\\', '/');
            if (!RECORDING && !RECORDED.hasInput(what, bytes)) continue;
            same(bytes, what);
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
    }

    /** A stream that hands its bytes in uneven pieces (1 to a few thousand bytes), seeded. */
    static final class Pieces extends InputStream {
        private final byte[] bytes;
        private final Random rnd;
        private int pos;

        /** When not 0, the size of the first piece, all others as large as asked for. */
        private int first;

        Pieces(byte[] bytes, long seed) {
            this.bytes = bytes;
            this.rnd = new Random(seed);
        }

        Pieces(byte[] bytes, long seed, int first) {
            this(bytes, seed);
            this.first = first;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (pos >= bytes.length) return -1;
            int max = rnd.nextInt(4) == 0 ? 70000 : rnd.nextInt(3) == 0 ? 9000 : 300;
            int n = Math.min(Math.min(len, bytes.length - pos), first > 0 ? (pos == 0 ? first : len) : 1 + rnd.nextInt(max));
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
