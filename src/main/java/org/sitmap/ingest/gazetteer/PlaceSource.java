package org.sitmap.ingest.gazetteer;

import java.util.List;
import org.sitmap.model.Place;

/**
 * Extra gazetteer entries, e.g. the places stored in an open store ({@code store::places}). Called once, on the
 * thread that builds the {@link Gazetteer}.
 */
@FunctionalInterface
public interface PlaceSource {
    List<Place> places();
}
