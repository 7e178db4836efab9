/**
 * Plain domain records of Sitmap: incidents, actors, factions, the ACLED event taxonomy, filters and import
 * reports. This package depends on nothing else in the project, on no JavaFX and on no SQL; every other layer
 * depends on it.
 */
package org.sitmap.model;
