package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.kml.KmlReader;
import org.sitmap.ingest.ucdp.UcdpReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.testutil.HostileFiles;

/**
 * Every reader on every hostile file (the committed regression corpus in {@code src/test/resources/.../hostile}
 * and the generated {@link HostileFiles}): a clean read or one {@link InputException} with a one-line message;
 * never another exception, never an incident with an impossible date or position.
 */
class HostileCorpusTest {
    private static final String CORPUS = "src/test/resources/org/sitmap/ingest/hostile";

    @TempDir
    Path dir;

    @Test
    void everyReaderOnEveryFileReadsCleanlyOrRefusesInOneLine() throws IOException {
        List<String[]> files = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(CORPUS))) {
            for (Path p : s.sorted().toList()) {
                files.add(new String[] {p.getFileName().toString()});
                contents.add(Files.readAllBytes(p));
            }
        }
        for (HostileFiles.Hostile h : HostileFiles.all()) {
            files.add(new String[] {h.name()});
            contents.add(h.bytes());
        }
        assertThat(files).hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i)[0];
            byte[] b = contents.get(i);
            Path f = dir.resolve(name);
            Files.write(f, b);
            check(failures, name + " as acled", x -> new AcledReader(new ByteArrayInputStream(b), name, CATALOG));
            check(failures, name + " as ucdp", x -> new UcdpReader(new ByteArrayInputStream(b), name, CATALOG));
            check(failures, name + " as geojson", x -> new GeoJsonReader(new ByteArrayInputStream(b), name, CATALOG));
            check(failures, name + " as kml", x -> KmlReader.open(f, CATALOG, 1 << 20));
            if (b.length < 1 << 20) check(failures, name + " as article", x -> ReadersFuzzTest.openArticle(b));
            try {
                ReadersFuzzTest.readGazetteer(b);
            } catch (RuntimeException | AssertionError e) {
                failures.add(name + " as geonames: " + e);
            }
            Files.delete(f);
        }
        assertThat(failures).isEmpty();
    }

    private static final org.sitmap.model.FactionCatalog CATALOG = FactionCatalog.shipped();

    private static void check(List<String> failures, String what, ReadersFuzzTest.Opener opener) {
        try (IncidentReader r = opener.open(null)) {
            ParsedRow row;
            while ((row = r.next()) != null) {
                if (row.isRejected()) continue;
                Incident inc = row.incident();
                String problem = CheckedReader.problem(inc);
                if (problem != null) failures.add(what + ": stored " + problem);
            }
        } catch (InputException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n") || m.contains("Exception")) {
                failures.add(what + ": message not one plain line: " + m);
            }
        } catch (Throwable t) {
            failures.add(what + ": " + t);
        }
    }
}
