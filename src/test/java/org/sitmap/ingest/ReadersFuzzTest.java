package org.sitmap.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.ingest.article.ArticleExtractor;
import org.sitmap.ingest.article.ArticleReader;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ingest.gazetteer.GeoNamesDump;
import org.sitmap.ingest.kml.KmlReader;
import org.sitmap.ingest.ucdp.UcdpReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.testutil.EventFiles;

/**
 * Fuzz tests of the readers: whatever the bytes, a reader yields rows (incidents or rejections) and may stop with
 * an {@link InputException}; any other exception or error fails the test.
 *
 * <p>In a plain {@code mvn test} these run in Jazzer's regression mode on the empty input and the seeds in
 * {@code src/test/resources/org/sitmap/ingest/ReadersFuzzTestInputs/<method>/}. {@code mvn verify} fuzzes each
 * method for a bounded time in its own surefire execution with {@code JAZZER_FUZZ=1} (see pom.xml, executions
 * {@code fuzz-*}); a crash input found is written next to the seeds.
 */
class ReadersFuzzTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static final byte[] ACLED_HEADER = (EventFiles.ACLED_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    static final ArticleExtractor EXTRACTOR = new ArticleExtractor(Gazetteer.load(null), CATALOG);
    static final ArticleDate ARTICLE_DATE = ArticleDate.parse("2024-03-15");
    private static final byte[] UCDP_HEADER = (EventFiles.UCDP_HEADER + "\n").getBytes(StandardCharsets.UTF_8);

    /** The reader's contract on one input. */
    @FunctionalInterface
    interface Opener {
        IncidentReader open(byte[] bytes) throws IOException;
    }

    static void drain(Opener opener, byte[] bytes) throws IOException {
        try (IncidentReader r = opener.open(bytes)) {
            ParsedRow row;
            int n = 0;
            while ((row = r.next()) != null) {
                if (row.incident() == null && row.rejection() == null) throw new AssertionError("an empty row");
                if (++n > 1_000_000) throw new AssertionError("endless rows");
            }
        } catch (InputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) throw new AssertionError("no message");
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @FuzzTest(maxDuration = "20s")
    void acled(byte[] data) throws IOException {
        Opener o = b -> new AcledReader(new ByteArrayInputStream(b), "fuzz.csv", CATALOG);
        drain(o, data);
        drain(o, concat(ACLED_HEADER, data));
    }

    @FuzzTest(maxDuration = "20s")
    void ucdp(byte[] data) throws IOException {
        Opener o = b -> new UcdpReader(new ByteArrayInputStream(b), "fuzz.csv", CATALOG);
        drain(o, data);
        drain(o, concat(UCDP_HEADER, data));
    }

    @FuzzTest(maxDuration = "20s")
    void geojson(byte[] data) throws IOException {
        drain(b -> new GeoJsonReader(new ByteArrayInputStream(b), "fuzz.geojson", CATALOG), data);
    }

    @FuzzTest(maxDuration = "20s")
    void kml(byte[] data) throws IOException {
        if (data.length >= 2 && data[0] == 'P' && data[1] == 'K') {
            // a KMZ goes through the archive code, which reads files
            Path f = Files.createTempFile("fuzz", ".kmz");
            try {
                Files.write(f, data);
                drain(b -> KmlReader.open(f, CATALOG, 1 << 20), data);
            } finally {
                Files.deleteIfExists(f);
            }
        } else {
            drain(b -> new KmlReader(new ByteArrayInputStream(b), "fuzz.kml", CATALOG), data);
        }
    }

    /** A news article: decoded by the input contract, then extracted. */
    static IncidentReader openArticle(byte[] b) throws IOException {
        return new ArticleReader(TextInput.decode(new ByteArrayInputStream(b), "fuzz.txt", TextInput.Limits.ARTICLE),
                "fuzz.txt", ARTICLE_DATE, EXTRACTOR, null);
    }

    /** A GeoNames dump: every place read has a real position and a population of at least 0. */
    static void readGazetteer(byte[] b) throws IOException {
        try (java.io.Reader r = TextInput.decode(new ByteArrayInputStream(b), "fuzz.txt", TextInput.Limits.GAZETTEER)) {
            for (org.sitmap.model.Place p : GeoNamesDump.read(r, "fuzz.txt")) {
                if (!(Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180) || p.population() < 0) {
                    throw new AssertionError("impossible place " + p);
                }
            }
        } catch (InputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) throw new AssertionError("no message");
        }
    }

    @FuzzTest(maxDuration = "20s")
    void article(byte[] data) throws IOException {
        drain(ReadersFuzzTest::openArticle, data);
    }

    @FuzzTest(maxDuration = "20s")
    void gazetteer(byte[] data) throws IOException {
        readGazetteer(data);
    }
}
