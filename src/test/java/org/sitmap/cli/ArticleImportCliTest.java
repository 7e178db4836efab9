package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FactionCatalog;

/** {@code sitmap import} of a plain-text article and {@code sitmap gazetteer import}, end to end on a temp store. */
class ArticleImportCliTest {
    @TempDir
    Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    int run(String... args) {
        return cli.run(args);
    }

    @Test
    void anArticleIsReviewedWithMarkedEvidenceAndUnresolvedPlaces() throws Exception {
        Path db = dir.resolve("s.gpkg");
        Path a = dir.resolve("report.txt");
        Files.writeString(a, "Shelling hits Idlib villages\n\nArmy artillery shelled Ariha and Khirbet Umm Zaytuna on Wednesday.\n");
        assertThat(run("import", "--db", db.toString(), "--date", "2024-03-15", "--review", "--dry-run", a.toString()))
                .as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("2024-03-13 (day) Ariha").contains("[[Ariha]]")
                .contains("Khirbet Umm Zaytuna [unresolved]").contains("Shelling");
    }

    @Test
    void anArticleKnownOnlyToTheMonthGivesMonthPrecision() throws Exception {
        Path db = dir.resolve("s.gpkg");
        Path a = dir.resolve("report.txt");
        Files.writeString(a, "Army artillery shelled Ariha this month.\n");
        assertThat(run("import", "--db", db.toString(), "--date", "2020-06", "--review", a.toString()))
                .as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("2020-06-01 (month) Ariha").contains("1 imported");
        assertThat(run("import", "--db", db.toString(), "--date", "June 2020", a.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--date").contains("YYYY-MM");
    }

    @Test
    void anArticleWithoutADateIsRefused() throws Exception {
        Path a = dir.resolve("report.txt");
        Files.writeString(a, "Clashes erupted in Ariha today.\n");
        assertThat(run("import", "--db", dir.resolve("s.gpkg").toString(), a.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("report.txt").contains("--date");
    }

    @Test
    void placesFromAGeoNamesDumpLocateArticleVillages() throws Exception {
        Path db = dir.resolve("s.gpkg");
        Path dump = dir.resolve("SY.txt");
        Files.writeString(dump, "900001\tKhirbat Umm Zaytunah\tKhirbat Umm Zaytunah\tKhirbet Umm Zaytuna\t35.70\t36.60\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01\n");
        assertThat(run("gazetteer", "import", "--db", db.toString(), dump.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("1 places read");
        Path a = dir.resolve("report.txt");
        Files.writeString(a, "Army artillery shelled Khirbet Umm Zaytuna today.\n");
        org.sitmap.model.Place p;
        try (org.sitmap.store.gpkg.IncidentStore s = org.sitmap.store.gpkg.IncidentStore.open(db)) {
            assertThat(s.places()).extracting(org.sitmap.model.Place::name).contains("Khirbat Umm Zaytunah");
            p = s.places().get(0);
        }
        org.sitmap.ingest.article.ArticleReader r = org.sitmap.ingest.article.ArticleReader.open(a,
                org.sitmap.ingest.article.ArticleDate.parse("2024-03-15"), () -> java.util.List.of(p),
                FactionCatalog.shipped());
        assertThat(r.next().incident().latitude()).isEqualTo(35.70);
    }
}
