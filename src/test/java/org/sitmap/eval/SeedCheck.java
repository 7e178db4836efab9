package org.sitmap.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sitmap.geo.Geodesy;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.ingest.article.ArticleExtractor;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;

/**
 * The seed check of {@code docs/design/articles.md} as a program run by hand: each of the five seed articles
 * ({@code ../shared/seeds}, not in the project) must give an incident within 3 km of each expected place with at
 * least the expected factions. {@code java ... org.sitmap.eval.SeedCheck ../shared/seeds}; exit 1 when one fails.
 */
public final class SeedCheck {
    private SeedCheck() { }

    record Want(int article, String place, double lat, double lon, List<String> factions) { }

    static final String[] DATES = {"2020-06", "2020-05-06", "2020-08-26", "2024-11-29", "2020-07"};

    static final List<Want> WANT = List.of(
            new Want(0, "Kafr Sajnah", 35.5279, 36.5896, List.of("SAA")),
            new Want(0, "Maarat Hurmah", 35.5469, 36.5428, List.of("SAA")),
            new Want(0, "Maarzita", 35.5572, 36.5699, List.of("SAA")),
            new Want(0, "Hish", 35.5479, 36.6436, List.of("SAA")),
            new Want(0, "Sfuhen", 35.6073, 36.4645, List.of("SAA")),
            new Want(0, "Ihsim", 35.7208, 36.5563, List.of("SAA")),
            new Want(0, "Iblin", 35.7161, 36.5192, List.of("SAA")),
            new Want(0, "Sheikh Mustafa", 35.5208, 36.5547, List.of("SAA")),
            new Want(0, "Maarrat Misrin", 36.0115, 36.6718, List.of("SAA")),
            new Want(0, "Al Busayrah", 35.1562, 40.4272, List.of("ISIS", "SDF")),
            new Want(1, "Badia al-Ashara", 34.9213, 40.5601, List.of("ISIS", "SAA", "IRN")),
            new Want(1, "Nayrab", 35.8718, 36.7173, List.of("RUS", "TUR")),
            new Want(2, "Albu Kamal", 34.4523, 40.9185, List.of("ISIS", "SAA")),
            new Want(3, "Aleppo", 36.2012, 37.1612, List.of("HTS")),
            new Want(4, "Jisr ash Shughur", 35.8142, 36.3198, List.of("RUS")));

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
        ArticleExtractor ex = new ArticleExtractor(Gazetteer.load(null), FactionCatalog.shipped());
        int failed = 0;
        for (int a = 0; a < 5; a++) {
            String text = Files.readString(dir.resolve("article-00" + a + ".txt"), StandardCharsets.UTF_8);
            ArticleExtractor.Result r = ex.extract(text, ArticleDate.parse(DATES[a]), "article-00" + a + ".txt", null);
            for (Want w : WANT) {
                if (w.article() != a) continue;
                Incident hit = r.incidents().stream().map(ArticleExtractor.Extracted::incident)
                        .filter(i -> i.located() && Geodesy.distanceKm(w.lat(), w.lon(), i.latitude(), i.longitude()) <= 3)
                        .filter(i -> i.factions().containsAll(w.factions())).findFirst().orElse(null);
                System.out.println("article-00" + a + "  " + w.place() + " want " + w.factions() + " -> "
                        + (hit == null ? "MISSING" : "OK " + hit.place() + " " + hit.subEventType() + " " + hit.factions()));
                if (hit == null) failed++;
            }
            System.out.println("article-00" + a + " unresolved: " + r.unresolved() + "  incidents: " + r.incidents().size());
        }
        System.out.println(failed == 0 ? "seed check: all expected incidents found" : "seed check: " + failed + " missing");
        if (failed > 0) System.exit(1);
    }
}
