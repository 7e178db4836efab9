package org.sitmap.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeoPackageBinaryTest {
    @Test
    void encodesTheHeaderAndLittleEndianWkb() {
        byte[] b = GeoPackageBinary.point(36.5896, 35.5279);
        String hex = HexFormat.of().formatHex(b);
        // "GP", version 0, flags 0x01 (little endian, no envelope), srs 4326 LE, WKB LE point (type 1)
        assertThat(hex).startsWith("47500001" + "e6100000" + "01" + "01000000");
        assertThat(b).hasSize(8 + 21);
        assertThat(GeoPackageBinary.srsId(b)).isEqualTo(4326);
        assertThat(GeoPackageBinary.decodePoint(b)).containsExactly(36.5896, 35.5279);
    }

    @Test
    void theDirectPointEncodingIsTheWkbJtsWrites() {
        var factory = new org.locationtech.jts.geom.GeometryFactory();
        for (double[] p : new double[][] {{36.5896, 35.5279}, {-0.0, 90}, {-179.999999, -89.5}}) {
            byte[] wkb = new org.locationtech.jts.io.WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN)
                    .write(factory.createPoint(new org.locationtech.jts.geom.Coordinate(p[0], p[1])));
            byte[] b = GeoPackageBinary.point(p[0], p[1]);
            assertThat(java.util.Arrays.copyOfRange(b, 8, b.length)).isEqualTo(wkb);
        }
    }

    @Test
    void decodesAnEnvelopeAndTheEmptyPoint() {
        byte[] plain = GeoPackageBinary.point(40.4272, 35.1562);
        byte[] withEnvelope = new byte[plain.length + 32];
        System.arraycopy(plain, 0, withEnvelope, 0, 8);
        withEnvelope[3] = 0x03; // little endian, XY envelope
        System.arraycopy(plain, 8, withEnvelope, 40, plain.length - 8);
        assertThat(GeoPackageBinary.decodePoint(withEnvelope)).containsExactly(40.4272, 35.1562);
        byte[] empty = GeoPackageBinary.emptyPoint();
        assertThat(empty[3] & 0x10).isEqualTo(0x10);
        assertThat(GeoPackageBinary.decodePoint(empty)).isNull();
        assertThatThrownBy(() -> GeoPackageBinary.decodePoint(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distancesAndPolygons() {
        // Aleppo to Damascus is about 310 km in a straight line
        assertThat(Geodesy.distanceKm(36.2021, 37.1343, 33.5138, 36.2765)).isCloseTo(309, within(5.0));
        assertThat(Geodesy.distanceKm(35, 36, 35, 36)).isZero();
        List<double[]> square = List.of(new double[] {36, 35}, new double[] {37, 35}, new double[] {37, 36}, new double[] {36, 36});
        assertThat(Geodesy.inPolygon(square, 36.5, 35.5)).isTrue();
        assertThat(Geodesy.inPolygon(square, 37.5, 35.5)).isFalse();
    }

    @Test
    void readsThePositionAndBoundsOfBlobsGdalWrites() {
        // GDAL's AsGPB(MakePoint(38.6, 35.5, 4326)): big envelope header (flags 0x03), WKB point
        byte[] gdal = HexFormat.of().parseHex("47500003E6100000CDCCCCCCCC4C4340CDCCCCCCCC4C43400000000000C04140"
                + "0000000000C041400101000000CDCCCCCCCC4C43400000000000C04140");
        double[] xy = new double[2];
        assertThat(GeoPackageBinary.position(gdal, xy)).isTrue();
        assertThat(xy).containsExactly(38.6, 35.5);
        assertThat(GeoPackageBinary.envelope(gdal)).containsExactly(38.6, 38.6, 35.5, 35.5);
        // GDAL's MakePoint(38.5, 35.5, 4326) without AsGPB stores a SpatiaLite blob, which GDAL reads back
        byte[] spatialite = HexFormat.of().parseHex("0001E610000000000000004043400000000000C04140000000000040434000"
                + "00000000C041407C0100000000000000004043400000000000C04140FE");
        assertThat(GeoPackageBinary.position(spatialite, xy)).isTrue();
        assertThat(xy).containsExactly(38.5, 35.5);
        assertThat(GeoPackageBinary.envelope(spatialite)).containsExactly(38.5, 38.5, 35.5, 35.5);
        assertThat(GeoPackageBinary.srsId(spatialite)).isEqualTo(4326);
        assertThat(GeoPackageBinary.geometryType(spatialite)).isEqualTo("POINT");
        // Sitmap's own point: no envelope; bounds from the WKB
        byte[] own = GeoPackageBinary.point(36.5, 35.25);
        assertThat(GeoPackageBinary.envelope(own)).containsExactly(36.5, 36.5, 35.25, 35.25);
        assertThat(GeoPackageBinary.isEmpty(own)).isFalse();
        assertThat(GeoPackageBinary.isEmpty(GeoPackageBinary.emptyPoint())).isTrue();
        assertThat(GeoPackageBinary.position(GeoPackageBinary.emptyPoint(), xy)).isFalse();
        assertThatThrownBy(() -> GeoPackageBinary.envelope(new byte[] {'G', 'P', 0, 1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherGeometriesGiveTheirEnvelopeAndCentre() {
        var factory = new org.locationtech.jts.geom.GeometryFactory();
        var line = factory.createLineString(new org.locationtech.jts.geom.Coordinate[] {
            new org.locationtech.jts.geom.Coordinate(36, 35), new org.locationtech.jts.geom.Coordinate(38, 36)});
        byte[] wkb = new org.locationtech.jts.io.WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.BIG_ENDIAN).write(line);
        byte[] blob = new byte[8 + wkb.length];
        blob[0] = 'G';
        blob[1] = 'P';
        blob[3] = 0; // big-endian header, no envelope
        blob[6] = 0x10;
        blob[7] = (byte) 0xE6;
        System.arraycopy(wkb, 0, blob, 8, wkb.length);
        assertThat(GeoPackageBinary.geometryType(blob)).isEqualTo("LINESTRING");
        assertThat(GeoPackageBinary.srsId(blob)).isEqualTo(4326);
        assertThat(GeoPackageBinary.envelope(blob)).containsExactly(36.0, 38.0, 35.0, 36.0);
        double[] xy = new double[2];
        assertThat(GeoPackageBinary.position(blob, xy)).isTrue();
        assertThat(xy).containsExactly(37.0, 35.5);
        assertThat(GeoPackageHeader.isAssignable("GEOMETRY", "POINT")).isTrue();
        assertThat(GeoPackageHeader.isAssignable("point", "POINT")).isTrue();
        assertThat(GeoPackageHeader.isAssignable("POINT", "LINESTRING")).isFalse();
        assertThat(GeoPackageHeader.isAssignable("GEOMETRYCOLLECTION", "MULTIPOINT")).isTrue();
    }
}
