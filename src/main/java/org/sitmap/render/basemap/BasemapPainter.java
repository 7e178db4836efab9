package org.sitmap.render.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.render.label.LabelPlacer;
import org.sitmap.render.label.LabelStyle;

/**
 * Draws the offline basemap (sea, land, lakes and rivers, country borders, coastlines, Syrian governorate lines and
 * names, trunk roads, town dots and names) for any {@link Viewport} into a {@link Raster}. The ground (everything
 * but the names) is drawn by the local tile source behind the screen map and directly by exports; the names are
 * handed as {@link #labelCandidates candidates} to the map's one label placer, which places them together with
 * the incidents' labels for each picture, so no incident label lands on a town name.
 *
 * <p>Paths are projected and simplified once per integer zoom level (levels 0 to {@value #MAX_LEVEL}; deeper
 * zooms scale the finest level). Thread-safe: any number of threads may paint at once (the caches are concurrent and their contents
 * immutable); each call draws only into the raster it is given.
 */
public final class BasemapPainter {
    static final int MAX_LEVEL = 10;

    private final BasemapData data;
    private final Map<Integer, ProjectedLayer[]> levels = new ConcurrentHashMap<>();
    private volatile double[][] countryPoints;
    private volatile double[][] governoratePoints;

    private static final class Shared {
        static final BasemapPainter INSTANCE = new BasemapPainter();
    }

    /** One painter over the shipped basemap for the whole application, so its caches are shared. */
    public static BasemapPainter shared() {
        return Shared.INSTANCE;
    }

    /** A painter over the basemap shipped in {@code data/basemap/}. */
    public BasemapPainter() {
        this(BasemapData.shipped());
    }

    public BasemapPainter(BasemapData data) {
        this.data = data;
    }

    /** Attribution for what this painter draws. */
    public static String attribution() {
        return "Natural Earth; GeoNames (CC BY 4.0)";
    }

    /**
     * Paints the basemap of {@code view} with its own names over the whole raster (the raster's size should match
     * the view's): a picture of the basemap alone. The map and exports draw {@link #paintGround} and place these
     * names together with the incidents' labels instead.
     */
    public void paint(Raster raster, Viewport view) {
        Graphics2D g = raster.graphics();
        try {
            paint(g, view);
        } finally {
            g.dispose();
        }
    }

    /** As {@link #paint(Raster, Viewport)}, into a Java2D context whose origin is the view's top-left pixel. */
    public void paint(Graphics2D g, Viewport view) {
        paintGround(g, view);
        drawLabels(g, view);
    }

    /** Paints the basemap of {@code view} without names (tiles: the names are placed over them, per picture). */
    public void paintGround(Raster raster, Viewport view) {
        Graphics2D g = raster.graphics();
        try {
            paintGround(g, view);
        } finally {
            g.dispose();
        }
    }

    /** As {@link #paintGround(Raster, Viewport)}, into a Java2D context whose origin is the view's top-left pixel. */
    public void paintGround(Graphics2D g, Viewport view) {
        double zoom = view.zoom();
        g.setColor(BasemapStyle.SEA);
        g.fill(new Rectangle2D.Double(0, 0, view.width(), view.height()));
        int level = (int) Math.max(0, Math.min(MAX_LEVEL, Math.floor(zoom + 0.25)));
        ProjectedLayer[] layers = levels.computeIfAbsent(level, this::project);
        double k = view.worldPixels() / (256.0 * Math.pow(2, level));
        AffineTransform saved = g.getTransform();
        g.translate(-view.originX(), -view.originY());
        g.scale(k, k);
        Rectangle2D visible = new Rectangle2D.Double(view.originX() / k - 2 / k, view.originY() / k - 2 / k,
                (view.width() + 4) / k, (view.height() + 4) / k);
        for (ProjectedLayer.Shape s : layers[0].shapes) {
            if (!s.bounds().intersects(visible)) continue;
            boolean focus = data.countries().get(s.feature()).name().equals(BasemapStyle.FOCUS_COUNTRY);
            g.setColor(focus ? BasemapStyle.LAND_FOCUS : BasemapStyle.LAND);
            g.fill(s.path());
        }
        if (zoom >= 4) {
            g.setColor(BasemapStyle.SEA);
            for (ProjectedLayer.Shape s : layers[5].shapes) if (s.bounds().intersects(visible)) g.fill(s.path());
            stroke(g, layers[5], visible, BasemapStyle.COAST, new BasicStroke((float) (0.6 / k)));
        }
        if (zoom >= 5) {
            float rw = (float) (zoom < 7 ? 0.9 : zoom < 9 ? 1.4 : 2.0);
            stroke(g, layers[4], visible, BasemapStyle.RIVER, new BasicStroke((float) (rw / k), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
        }
        if (zoom >= 5) {
            float w = (float) (zoom >= 8 ? 1.1 : 0.8);
            float[] dash = {(float) (6 / k), (float) (2.5 / k), (float) (1.5 / k), (float) (2.5 / k)};
            stroke(g, layers[3], visible, BasemapStyle.GOVERNORATE,
                    new BasicStroke((float) (w / k), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0));
        }
        stroke(g, layers[2], visible, BasemapStyle.COAST, new BasicStroke((float) (0.7 / k)));
        if (zoom >= 5) {
            stroke(g, layers[1], visible, BasemapStyle.BORDER_HALO, new BasicStroke((float) (5 / k),
                    BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        float bw = (float) (zoom < 4 ? 0.6 : zoom < 7 ? 1.1 : 1.5);
        stroke(g, layers[1], visible, BasemapStyle.BORDER, new BasicStroke((float) (bw / k), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        if (zoom >= BasemapLabels.ROAD_ZOOM) {
            float rw = (float) (zoom < 9 ? 2.2 : zoom < 11 ? 3.2 : 4.2);
            stroke(g, layers[6], visible, BasemapStyle.ROAD_CASING, new BasicStroke((float) ((rw + 2) / k),
                    BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            stroke(g, layers[6], visible, BasemapStyle.ROAD, new BasicStroke((float) (rw / k), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
        }
        g.setTransform(saved);
    }

    private static void stroke(Graphics2D g, ProjectedLayer layer, Rectangle2D visible, Color color,
                               BasicStroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        for (ProjectedLayer.Shape s : layer.shapes) {
            if (s.bounds().intersects(visible)) g.draw(s.path());
        }
    }

    private ProjectedLayer[] project(int level) {
        return new ProjectedLayer[] {
            ProjectedLayer.of(data.countries(), level, true),
            ProjectedLayer.of(data.borders(), level, false),
            ProjectedLayer.of(data.coast(), level, false),
            ProjectedLayer.of(data.governorateLines(), level, false),
            ProjectedLayer.of(data.rivers(), level, false),
            ProjectedLayer.of(data.lakes(), level, true),
            ProjectedLayer.of(data.roads(), level, false)};
    }

    /**
     * The basemap's names for {@code view} as candidates for the map's label placer (see {@link BasemapLabels});
     * {@code scale} is the symbol size relative to the screen (dpi / 96 in print exports).
     */
    public List<LabelPlacer.Candidate> labelCandidates(Viewport view, double scale) {
        if (countryPoints == null) {
            synchronized (this) {
                if (countryPoints == null) {
                    governoratePoints = data.governorates().stream().map(LabelPoints::of).toArray(double[][]::new);
                    countryPoints = data.countries().stream().map(LabelPoints::of).toArray(double[][]::new);
                }
            }
        }
        return BasemapLabels.candidates(data, countryPoints, governoratePoints, view, scale);
    }

    private void drawLabels(Graphics2D g, Viewport view) {
        LabelPlacer placer = new LabelPlacer(view.width(), view.height());
        for (LabelPlacer.Placed p : placer.place(labelCandidates(view, 1))) LabelStyle.paint(g, p);
    }
}
