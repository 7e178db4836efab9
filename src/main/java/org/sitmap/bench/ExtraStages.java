package org.sitmap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.ingest.article.ArticleExtractor;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * The benchmark stages that are not on the brush path: the headless snapshot export and the extraction of one
 * news article. Runs on the calling thread.
 */
final class ExtraStages {
    /**
     * A short wire-style report written for the benchmark (not taken from any source): several places, actors,
     * event cues and a death toll, so every step of the extractor runs.
     */
    static final String ARTICLE = """
            Idlib, Syria — Government aircraft bombed Kafar Sijnah and the nearby village of Al-Bara on Tuesday,
            local rescuers said, in the heaviest raids on Jabal al-Zawiya this month. Three civilians were killed
            in Kafar Sijnah and seven were wounded.

            Russian jets also hit positions of Hayat Tahrir al-Sham outside Ariha, according to a monitoring group.
            Turkish forces shelled SDF posts near Tal Rifaat in the evening.

            In the east, Islamic State fighters ambushed a government convoy in the desert near Busayrah in Deir
            ez-Zor province, killing four soldiers. A patrol on the M4 highway near Saraqib was struck by a
            roadside bomb on Wednesday; nobody was hurt.
            """;

    private final PrintStream log;
    private final int runs;

    ExtraStages(PrintStream log, int runs) {
        this.log = log;
        this.runs = runs;
    }

    void run(BenchResult out, Path dir, Path db) throws IOException {
        log.println("headless 1920×1080 export…");
        try (IncidentStore store = IncidentStore.open(db)) {
            ExportStage.measure(out, store, dir, Math.min(runs, 5));
        }
        log.println("article extraction…");
        ArticleExtractor ex = new ArticleExtractor(Gazetteer.load(null), FactionCatalog.shipped());
        ArticleDate date = ArticleDate.of(LocalDate.of(2021, 6, 8));
        int[] found = new int[1];
        out.timing("extract_article_ms", Timing.measure(runs, runs, () ->
                found[0] = ex.extract(ARTICLE, date, "bench-article.txt", "benchmark").incidents().size()), null);
        if (found[0] == 0) throw new IllegalStateException("the benchmark article gave no incidents");
    }
}
