package org.sitmap.render;

/** Where an overlay (legend, scale bar) is anchored in a picture. */
public enum Corner {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    /** Left x of a box of width {@code w} in a picture of width {@code width}, {@code margin} from the edge. */
    public int x(int width, int w, int margin) {
        return this == TOP_LEFT || this == BOTTOM_LEFT ? margin : width - w - margin;
    }

    /** Top y of a box of height {@code h} in a picture of height {@code height}, {@code margin} from the edge. */
    public int y(int height, int h, int margin) {
        return this == TOP_LEFT || this == TOP_RIGHT ? margin : height - h - margin;
    }
}
