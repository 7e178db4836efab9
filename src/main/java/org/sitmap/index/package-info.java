/**
 * The in-memory incident index: each incident's day span, position, factions, type and precision in primitive
 * arrays sorted by day, and the filter and histogram computed over them in milliseconds. SQLite is consulted only
 * for details, full-text search and persistence. No JavaFX, no SQL.
 */
package org.sitmap.index;
