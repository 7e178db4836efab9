package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outcomes recorded case by case in a text file, one line each: the digest of the case's input, the digest of its
 * outcome lines (both SHA-256, first 64 bits in hex) and the case's name. A check compares a case with its line; when
 * recording, the checks only collect, and {@link #writeWhenRecording} writes the file again (kept cases merged with
 * the new ones). Used by one test class at a time: its tests run on one thread.
 */
final class Recorded {
    private final Path file;
    private final boolean recording;
    private final Map<String, String[]> known = new TreeMap<>();
    private final Map<String, String[]> made = new TreeMap<>();

    Recorded(Path file, boolean recording) {
        this.file = file;
        this.recording = recording;
        try {
            if (!Files.exists(file)) return;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split(" ", 3);
                known.put(f[2], new String[] {f[0], f[1]});
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Whether {@code what} has a recorded outcome for exactly this input. */
    boolean hasInput(String what, byte[] input) {
        String[] r = known.get(what);
        return r != null && r[0].equals(digest(input));
    }

    /** Fails unless {@code lines} are the outcome recorded for {@code what} with this input (recording: keeps it). */
    void check(String what, byte[] input, List<String> lines) {
        String in = digest(input);
        String out = digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        if (recording) {
            made.put(what, new String[] {in, out});
            return;
        }
        String[] r = known.get(what);
        assertThat(r).as("no outcome recorded for %s in %s (record with -Dsitmap.csv.record=true)", what, file).isNotNull();
        assertThat(in).as("%s: not the input recorded (the corpus changed?); record again if intended", what).isEqualTo(r[0]);
        assertThat(out).as("%s: the readers' outcome is not the recorded one", what).isEqualTo(r[1]);
    }

    /** When recording, writes the file: the cases kept from before and those checked in this run. */
    void writeWhenRecording() throws IOException {
        if (!recording) return;
        Map<String, String[]> all = new TreeMap<>(known);
        all.putAll(made);
        List<String> lines = new ArrayList<>();
        lines.add("# input digest, outcome digest, case (CsvExactnessTest; -Dsitmap.csv.record=true writes it)");
        all.forEach((k, v) -> lines.add(v[0] + " " + v[1] + " " + k));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String digest(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
