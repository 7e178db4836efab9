/**
 * {@code sitmap bench}: a synthetic but realistic data set and the timings that say Sitmap is fast (import, open,
 * filter, histogram, raster, brush frame, export, heap, article extraction, and the same filter through SQLite).
 */
package org.sitmap.bench;
