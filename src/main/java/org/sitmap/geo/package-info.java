/**
 * Geometry and geodesy behind one door: JTS for geometry, WKB and GeoJSON geometry, GeoPackage binary encoding,
 * distances. The rest of the project uses this package, never JTS directly, so the library stays swappable.
 */
package org.sitmap.geo;
