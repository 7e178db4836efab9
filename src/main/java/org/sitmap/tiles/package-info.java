/**
 * Map tiles for the screen map: a chain of sources (a user-chosen MBTiles pack, OpenStreetMap with a disk cache
 * when online mode allows it, and the locally rendered basemap that always answers), a {@link
 * org.sitmap.tiles.NetworkPolicy} checked before any connection, and which source served each tile. No JavaFX.
 */
package org.sitmap.tiles;
