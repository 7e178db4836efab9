package org.sitmap.render.basemap;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One basemap layer projected to world pixels at one integer zoom level and simplified for it: points closer
 * than {@link #TOLERANCE_PX} to the last kept point are dropped. Immutable; shared between drawing threads.
 */
final class ProjectedLayer {
    static final double TOLERANCE_PX = 0.4;

    /**
     * A feature's path in world pixels of the level.
     *
     * @param feature index of the feature in its layer
     * @param path    the path (rings closed when the layer is polygonal)
     * @param bounds  the path's bounds
     */
    record Shape(int feature, Path2D.Double path, Rectangle2D bounds) { }

    final int level;
    final List<Shape> shapes;

    private ProjectedLayer(int level, List<Shape> shapes) {
        this.level = level;
        this.shapes = shapes;
    }

    static ProjectedLayer of(List<BasemapData.Feature> features, int level, boolean closed) {
        double scale = 256.0 * Math.pow(2, level);
        double tol2 = TOLERANCE_PX * TOLERANCE_PX;
        List<Shape> shapes = new ArrayList<>(features.size());
        for (int f = 0; f < features.size(); f++) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            boolean any = false;
            for (double[] xy : features.get(f).parts()) {
                int n = xy.length / 2;
                if (n < 2) continue;
                // For big parts drawn tiny, skip whole rings that collapse below a pixel.
                double lastX = xy[0] * scale, lastY = xy[1] * scale;
                path.moveTo(lastX, lastY);
                int kept = 1;
                for (int i = 1; i < n; i++) {
                    double x = xy[2 * i] * scale, y = xy[2 * i + 1] * scale;
                    double dx = x - lastX, dy = y - lastY;
                    if (i < n - 1 && dx * dx + dy * dy < tol2) continue;
                    path.lineTo(x, y);
                    lastX = x;
                    lastY = y;
                    kept++;
                }
                if (closed) path.closePath();
                any |= kept >= 2;
            }
            if (any) shapes.add(new Shape(f, path, path.getBounds2D()));
        }
        return new ProjectedLayer(level, List.copyOf(shapes));
    }
}
