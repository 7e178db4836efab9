/**
 * What every Sitmap store shares, whichever kind it is: the failures ({@link org.sitmap.store.StoreException},
 * {@link org.sitmap.store.StoreFault}), import options and batches, gazetteer entries, the stored form of an
 * incident ({@link org.sitmap.store.IncidentValues}, {@link org.sitmap.store.IncidentRows}) and where the default
 * store lives. One package per store below it: {@code gpkg} (a GeoPackage file) and {@code pg} (a team store on
 * PostgreSQL/PostGIS).
 */
package org.sitmap.store;
