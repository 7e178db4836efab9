/**
 * Developer tools run by hand, not tests and not part of the application: {@link org.sitmap.tools.WindowPreview}
 * opens the window on a store at a given view (the screenshots in docs/), {@link org.sitmap.tools.BasemapPreview}
 * renders basemap views and tile mosaics to PNG, {@link org.sitmap.tools.WriteIcons} writes the icons of icons/.
 * Speed is measured by {@code sitmap bench}, not here.
 */
package org.sitmap.tools;
