package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.testutil.Fixtures;

class FormatsTest {
    @TempDir Path dir;

    @Test
    void detectsByContentThenByExtension() throws IOException {
        Path sniffed = Fixtures.write(dir.resolve("export.txt"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertThat(Formats.detect(sniffed, "auto").name()).isEqualTo("geojson");
        Path byExt = Fixtures.write(dir.resolve("odd.geojson"), "{\"features\":[], \"type\" : \"FeatureCollection\"}");
        assertThat(Formats.detect(byExt, null).name()).isEqualTo("geojson");
        assertThat(Formats.detect(sniffed, "GeoJSON").name()).isEqualTo("geojson");
        assertThat(Formats.names()).startsWith("auto", "geojson");
    }
}
