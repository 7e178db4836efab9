/** ESRI shapefiles of points ({@code .shp} with its {@code .dbf}, {@code .prj} and {@code .cpg}). */
package org.sitmap.ingest.shp;
