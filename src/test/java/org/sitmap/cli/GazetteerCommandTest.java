package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.Place;

class GazetteerCommandTest {
    @TempDir
    Path dir;
    private final CliRunner cli = new CliRunner();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;
    final GazetteerCommand.PlaceWriter original = GazetteerCommand.writer;
    final GazetteerListing.PlaceReader originalReader = GazetteerListing.reader;

    @AfterEach
    void restore() {
        GazetteerCommand.writer = original;
        GazetteerListing.reader = originalReader;
    }

    int run(String... args) {
        return cli.run(args);
    }

    @Test
    void theStoreMayBeNamedBeforeOrAfterTheCommand() {
        List<Path> stores = new ArrayList<>();
        GazetteerListing.reader = (db, spec) -> { stores.add(db == null ? null : db.file()); return List.of(); };
        assertThat(run("--db", "a.gpkg", "gazetteer", "stats")).isZero();
        assertThat(run("gazetteer", "list", "--db", "b.gpkg")).isZero();
        assertThat(run("gazetteer", "stats")).isZero();
        assertThat(stores).containsExactly(Path.of("a.gpkg"), Path.of("b.gpkg"), null);
    }

    @Test
    void importsTheRowsOfADump() throws Exception {
        Path f = dir.resolve("SY.txt");
        Files.writeString(f, "1\tTell Rifaat\tTell Rifaat\tTall Rifat\t36.47\t37.10\tP\tPPL\tSY\t\t09\t\t\t\t20000\t\t400\tAsia/Damascus\t2020-01-01\n");
        List<Place> got = new ArrayList<>();
        GazetteerCommand.writer = (db, spec, places) -> { got.addAll(places); return places.size(); };
        assertThat(run("gazetteer", "import", f.toString())).isEqualTo(0);
        assertThat(got).singleElement().satisfies(p -> assertThat(p.admin1()).isEqualTo("Aleppo"));
        assertThat(out.toString()).contains("1 places read, 1 written");
    }

    @Test
    void aBadLineIsNamedAndNothingIsWritten() throws Exception {
        Path f = dir.resolve("SY.txt");
        Files.writeString(f, "1\tA\tA\t\t35\t36\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t1\tx\t2020-01-01\nname,lat,lon\n");
        List<Place> got = new ArrayList<>();
        GazetteerCommand.writer = (db, spec, places) -> { got.addAll(places); return places.size(); };
        assertThat(run("gazetteer", "import", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("SY.txt:2:").contains("19");
        assertThat(got).isEmpty();
    }
}
