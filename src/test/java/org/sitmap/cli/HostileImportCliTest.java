package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.InputGrammar;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.HostileFiles;

/**
 * The hostile suite through the command line, in process: generated damaged files ({@link HostileFiles})
 * imported into a store that already holds incidents. Each run either imports (exit 0) or refuses with exit 1 and
 * exactly one plain line on stderr (no stack trace, no class name); a refusal leaves the store's content as it
 * was; nothing stored has an impossible date or position.
 */
class HostileImportCliTest {
    @TempDir
    Path dir;

    @Test
    void everyDamagedFileIsImportedOrRefusedInOneLine() throws Exception {
        Path db = dir.resolve("store.gpkg");
        Path seed = dir.resolve("seed.txt");
        Files.writeString(seed, HostileFiles.ARTICLE);
        assertThat(run("import", "--db", db.toString(), "--date", "2024-03-15", seed.toString())[0]).isEqualTo("0");
        List<String> failures = new ArrayList<>();
        String before = content(db);
        List<HostileFiles.Hostile> all = HostileFiles.all();
        // every other file (about 90, all kinds and formats): a store is opened per run, and HostileCorpusTest
        // already puts every file through every reader
        for (int k = 0; k < all.size(); k += 2) {
            HostileFiles.Hostile h = all.get(k);
            Path f = dir.resolve(h.name());
            Files.write(f, h.bytes());
            String[] r = h.format().equals("geonames")
                    ? run("gazetteer", "import", "--db", db.toString(), f.toString())
                    : run("import", "--db", db.toString(), "--format", h.format(), "--date", "2024-03-15", f.toString());
            String code = r[0], err = r[1];
            if (code.equals("1")) {
                if (err.lines().count() != 1 || !err.startsWith("sitmap: ") || err.contains("Exception") || err.contains("\tat ")) {
                    failures.add(h.name() + ": stderr is not one plain line: " + err);
                }
                if (!content(db).equals(before)) failures.add(h.name() + ": refused, but the store changed");
            } else if (!code.equals("0")) {
                failures.add(h.name() + ": exit " + code + " " + err);
            } else {
                if (!err.isEmpty()) failures.add(h.name() + ": imported, but printed on stderr: " + err);
                before = content(db);
            }
            Files.delete(f);
        }
        try (IncidentStore s = IncidentStore.open(db)) {
            for (Incident i : s.query(FilterSpec.ALL)) {
                if (!InputGrammar.inRange(i.date()) || i.latitude() != null && !Double.isFinite(i.latitude())) {
                    failures.add("stored an impossible incident: " + i);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Incidents, batches and places of the store, as text. */
    private static String content(Path db) {
        try (IncidentStore s = IncidentStore.open(db)) {
            StringBuilder sb = new StringBuilder();
            for (Incident i : s.query(FilterSpec.ALL)) sb.append(i).append('\n');
            sb.append(s.batches().size()).append(' ').append(s.places().size());
            return sb.toString();
        }
    }

    /** Exit code and stderr (the command's and anything printed to System.err) of one in-process run. */
    private static String[] run(String... args) {
        CliRunner cli = new CliRunner();
        PrintStream old = System.err;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        System.setErr(new PrintStream(raw, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cli.run(args);
        } finally {
            System.setErr(old);
        }
        return new String[] {Integer.toString(code), raw.toString(StandardCharsets.UTF_8) + cli.err};
    }
}
