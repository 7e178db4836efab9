/**
 * Tables that are not CSV files (ACLED and UCDP API JSON, {@code .xlsx} workbooks) read through the CSV readers
 * of {@code ingest.acled} and {@code ingest.ucdp}: each record becomes a CSV record with the same column names,
 * so every value is checked by the same code whatever file it came from.
 */
package org.sitmap.ingest.table;
