/**
 * The one drawing path: incidents, basemap, labels, legend and scale bar drawn into a plain ARGB pixel buffer,
 * the same for the screen and for exports. No JavaFX.
 */
package org.sitmap.render;
