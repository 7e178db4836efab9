/** Exports for briefers: PNG/PDF map snapshots, animations, and data (GeoJSON, CSV, KML, GeoPackage). */
package org.sitmap.export;
