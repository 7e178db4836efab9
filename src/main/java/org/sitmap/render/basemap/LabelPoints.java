package org.sitmap.render.basemap;

/**
 * Where a polygon's name goes: a point well inside its largest ring (the grid point farthest from the ring's
 * edges), so concave shapes such as Rif Dimashq around Damascus get their name inside them.
 */
final class LabelPoints {
    private LabelPoints() { }

    /** Returns {x, y} in normalised Mercator, or null when the feature has no ring. */
    static double[] of(BasemapData.Feature feature) {
        double[] ring = null;
        double bestArea = 0;
        for (double[] p : feature.parts()) {
            double a = Math.abs(area(p));
            if (a > bestArea) {
                bestArea = a;
                ring = p;
            }
        }
        if (ring == null) return null;
        ring = thin(ring, 400);
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < ring.length; i += 2) {
            x0 = Math.min(x0, ring[i]); x1 = Math.max(x1, ring[i]);
            y0 = Math.min(y0, ring[i + 1]); y1 = Math.max(y1, ring[i + 1]);
        }
        int steps = 24;
        double[] best = {(x0 + x1) / 2, (y0 + y1) / 2};
        double bestDist = -1;
        for (int i = 1; i < steps; i++) {
            for (int j = 1; j < steps; j++) {
                double x = x0 + (x1 - x0) * i / steps, y = y0 + (y1 - y0) * j / steps;
                if (!inside(ring, x, y)) continue;
                double d = edgeDistance2(ring, x, y);
                if (d > bestDist) {
                    bestDist = d;
                    best = new double[] {x, y};
                }
            }
        }
        return best;
    }

    /** Every k-th point so that at most about {@code max} remain (enough for placing a name). */
    private static double[] thin(double[] ring, int max) {
        int n = ring.length / 2;
        if (n <= max) return ring;
        int step = (n + max - 1) / max;
        double[] out = new double[((n + step - 1) / step) * 2];
        for (int i = 0, k = 0; i < n; i += step, k++) {
            out[2 * k] = ring[2 * i];
            out[2 * k + 1] = ring[2 * i + 1];
        }
        return out;
    }

    private static double area(double[] p) {
        double s = 0;
        int n = p.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) s += p[2 * j] * p[2 * i + 1] - p[2 * i] * p[2 * j + 1];
        return s / 2;
    }

    private static boolean inside(double[] p, double x, double y) {
        boolean in = false;
        int n = p.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
        }
        return in;
    }

    private static double edgeDistance2(double[] p, double x, double y) {
        double best = Double.MAX_VALUE;
        int n = p.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double ax = p[2 * j], ay = p[2 * j + 1], bx = p[2 * i], by = p[2 * i + 1];
            double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
            double ex = ax + t * dx - x, ey = ay + t * dy - y;
            best = Math.min(best, ex * ex + ey * ey);
        }
        return best;
    }
}
