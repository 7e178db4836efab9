/**
 * The team store on a PostgreSQL/PostGIS server: how a server is named ({@link org.sitmap.store.pg.PgLocation},
 * libpq's URI, keyword and service rules), how a connection is opened with bounded waits, the schema
 * ({@link org.sitmap.store.pg.PgSchema}) and {@code sitmap server init} ({@link org.sitmap.store.pg.ServerInit}).
 */
package org.sitmap.store.pg;
