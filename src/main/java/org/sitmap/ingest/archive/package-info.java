/**
 * Compressed inputs: {@code .gz} files and {@code .zip} archives of data files, read entry by entry with caps on
 * entries, uncompressed size and compression ratio (zip bombs), entry names checked (path traversal), and
 * nested archives never opened.
 */
package org.sitmap.ingest.archive;
