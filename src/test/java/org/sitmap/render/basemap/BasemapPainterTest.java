package org.sitmap.render.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;

class BasemapPainterTest {
    private static final BasemapData SHIPPED = BasemapData.shipped();

    /** The shipped data without towns, so land and sea can be sampled where a town dot would sit. */
    private static final BasemapData NO_TOWNS = new BasemapData(SHIPPED.countries(), SHIPPED.borders(),
            SHIPPED.coast(), SHIPPED.governorates(), SHIPPED.governorateLines(), SHIPPED.rivers(), SHIPPED.lakes(),
            List.of(), SHIPPED.roads());

    private static int rgbAt(Raster r, Viewport v, double lat, double lon) {
        return r.pixels()[(int) v.y(lat) * r.width() + (int) v.x(lon)] & 0xFFFFFF;
    }

    @Test
    void shipsSyriaWithItsGovernoratesAndTowns() {
        assertThat(SHIPPED.countries()).extracting(BasemapData.Feature::name).contains("Syria", "Lebanon", "Turkey");
        assertThat(SHIPPED.governorates()).extracting(BasemapData.Feature::name)
                .contains("Idlib", "Aleppo", "Damascus", "Dayr Az Zawr", "Rif Dimashq");
        assertThat(SHIPPED.governorateLines()).isNotEmpty();
        assertThat(SHIPPED.rivers()).isNotEmpty();
        assertThat(SHIPPED.lakes()).isNotEmpty();
        assertThat(SHIPPED.towns()).extracting(BasemapData.Town::name).contains("Aleppo", "Saraqib", "Idlib");
    }

    @Test
    void damascusIsLandAndTheEasternMediterraneanIsSea() {
        Viewport v = new Viewport(34.8, 37.5, 6, 900, 700);
        Raster r = new Raster(v.width(), v.height());
        new BasemapPainter(NO_TOWNS).paint(r, v);
        assertThat(rgbAt(r, v, 33.51, 36.29)).isEqualTo(BasemapStyle.LAND_FOCUS.getRGB() & 0xFFFFFF); // Damascus
        assertThat(rgbAt(r, v, 33.89, 35.85)).isEqualTo(BasemapStyle.LAND.getRGB() & 0xFFFFFF); // Bekaa, Lebanon
        assertThat(rgbAt(r, v, 34.3, 34.0)).isEqualTo(BasemapStyle.SEA.getRGB() & 0xFFFFFF); // Mediterranean
    }

    @Test
    void governorateBordersAreDrawnInsideSyria() {
        Viewport v = new Viewport(35.6, 36.7, 9, 600, 600); // around the Idlib-Hama line
        BasemapData without = new BasemapData(NO_TOWNS.countries(), NO_TOWNS.borders(), NO_TOWNS.coast(),
                NO_TOWNS.governorates(), List.of(), NO_TOWNS.rivers(), NO_TOWNS.lakes(), List.of(), List.of());
        Raster with = new Raster(600, 600);
        Raster plain = new Raster(600, 600);
        new BasemapPainter(NO_TOWNS).paint(with, v);
        new BasemapPainter(without).paint(plain, v);
        int differ = 0;
        for (int i = 0; i < with.pixels().length; i++) if (with.pixels()[i] != plain.pixels()[i]) differ++;
        assertThat(differ).isGreaterThan(300);
    }

    @Test
    void neighbouringTilesAgreeAlongTheirEdge() {
        // Two tiles side by side drawn separately equal one picture of both (tiles carry no names: they are placed per picture).
        BasemapPainter painter = new BasemapPainter();
        int z = 8;
        double n = Math.pow(2, z);
        int tx = 154;
        int ty = 102; // northern Syria
        Raster both = new Raster(512, 256);
        painter.paintGround(both, new Viewport(lat(ty + 0.5, n), lon(tx + 1, n), z, 512, 256));
        for (int k = 0; k < 2; k++) {
            Raster tile = new Raster(256, 256);
            painter.paintGround(tile, new Viewport(lat(ty + 0.5, n), lon(tx + k + 0.5, n), z, 256, 256));
            int same = 0;
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int a = tile.pixels()[y * 256 + x];
                    int b = both.pixels()[y * 512 + x + 256 * k];
                    if (Math.abs((a & 0xFF) - (b & 0xFF)) <= 8) same++;
                }
            }
            assertThat(same).isGreaterThan(256 * 256 * 99 / 100);
        }
    }

    private static double lat(double row, double n) {
        return org.sitmap.geo.WebMercator.lat(row / n);
    }

    private static double lon(double col, double n) {
        return org.sitmap.geo.WebMercator.lon(col / n);
    }
}
