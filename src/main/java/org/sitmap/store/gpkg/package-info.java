/**
 * The SQLite store, a valid GeoPackage 1.3: the {@code incident} point feature table plus the project's own
 * tables (factions, actors, sources, places, import batches, migrations). Prepared statements only.
 */
package org.sitmap.store.gpkg;
