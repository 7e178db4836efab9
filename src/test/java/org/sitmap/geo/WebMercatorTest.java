package org.sitmap.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WebMercatorTest {
    @Test
    void roundTrips() {
        assertThat(WebMercator.lat(WebMercator.y(35.5279))).isCloseTo(35.5279, Offset.offset(1e-9));
        assertThat(WebMercator.lon(WebMercator.x(36.5896))).isCloseTo(36.5896, Offset.offset(1e-9));
    }
}
