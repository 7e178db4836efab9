/** Readers that turn input files (news articles, ACLED, UCDP GED, GeoJSON, KML) into incidents, and the gazetteer. */
package org.sitmap.ingest;
