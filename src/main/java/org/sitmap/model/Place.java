package org.sitmap.model;

import java.util.List;

/**
 * A gazetteer entry: a named place with a position.
 *
 * @param name           the preferred name (GeoNames' name or the supplement's)
 * @param asciiName      a plain-ASCII spelling
 * @param alternateNames other spellings and scripts (Arabic included)
 * @param latitude       WGS 84 latitude (a representative point for areas and roads)
 * @param longitude      WGS 84 longitude
 * @param featureCode    GeoNames feature code (PPL, PPLA, ADM2, AREA, RD ...)
 * @param countryCode    ISO 3166-1 alpha-2 (SY, TR, IQ, LB, JO)
 * @param admin1         first-level division (governorate) name, may be null
 * @param population     population, 0 when unknown
 * @param source         where the entry came from (GeoNames id, UCDP place, curated supplement ...)
 */
public record Place(String name, String asciiName, List<String> alternateNames, double latitude, double longitude,
                    String featureCode, String countryCode, String admin1, long population, String source) {
    public Place {
        alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
    }
}
