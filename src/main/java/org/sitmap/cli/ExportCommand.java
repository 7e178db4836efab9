package org.sitmap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitmap.export.DataExport;
import org.sitmap.export.Element;
import org.sitmap.export.MapExport;
import org.sitmap.export.Paper;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.model.BBox;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FactionRule;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.InputException;
import org.sitmap.render.Corner;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.Viewport;
import org.sitmap.store.IncidentStorage;
import org.sitmap.store.pg.PgStore;
import org.sitmap.store.pg.TeamStore;
import org.sitmap.tiles.MbTilesSource;
import org.sitmap.tiles.TileChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sitmap export --out FILE ...}: a map snapshot (.png with .pgw/.prj, .pdf), a timeline animation (.gif)
 * or the filtered incidents as data (.geojson, .csv, .kml, .kmz, .gpkg). Runs without a display, through the same
 * renderer as the window's File → Export map….
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a map (.png .pdf), an animation (.gif) or data (.geojson .csv .kml .kmz .gpkg).",
                "The format follows the --out file's ending. Without --bbox or --center the map fits the shown"
                        + " incidents."})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    SitmapCommand parent;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output file: .png .pdf .gif .geojson .csv .kml .kmz .gpkg")
    Path out;

    @CommandLine.Mixin
    FilterOptions filterOptions;

    @Option(names = "--faction-rule", paramLabel = "any|primary", defaultValue = "any",
            description = "any (default): incidents involving a listed faction; primary: incidents whose primary"
                    + " faction is listed, as the window shows them.")
    String factionRule;

    @Option(names = "--layout", paramLabel = "sitmap|acled|ucdp", defaultValue = "sitmap",
            description = "CSV columns: sitmap (default; every stored field, imports back unchanged), acled"
                    + " (ACLED's 31 columns in ACLED's order) or ucdp (UCDP GED's columns).")
    String layout;

    @Option(names = "--filter-bbox", paramLabel = "minLon,minLat,maxLon,maxLat",
            description = "Keep only incidents inside this box (the window's Area tool).")
    String filterBbox;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Area the map shows (fitted).")
    String bbox;

    @Option(names = "--center", paramLabel = "LAT,LON", description = "Map centre (with --zoom).")
    String center;

    @Option(names = "--zoom", paramLabel = "Z", description = "Web Mercator zoom at screen scale (with --center).")
    Double zoom;

    @Option(names = "--width", paramLabel = "PX", description = "Width in pixels (default 1920).")
    Integer width;

    @Option(names = "--height", paramLabel = "PX", description = "Height in pixels (default 1080).")
    Integer height;

    @Option(names = "--paper", paramLabel = "SIZE", description = "A4, A3 or Letter (landscape unless --portrait).")
    String paper;

    @Option(names = "--portrait", description = "Paper upright.")
    boolean portrait;

    @Option(names = "--dpi", paramLabel = "N", description = "Dots per inch (default 300 with --paper, else 96); symbols and text scale by dpi/96.")
    Integer dpi;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title.")
    String title;

    @Option(names = "--subtitle", paramLabel = "TEXT", description = "Subtitle.")
    String subtitle;

    @Option(names = "--marking", paramLabel = "TEXT", description = "Marking line at top and bottom (classification, handling caveat).")
    String marking;

    @Option(names = "--mode", paramLabel = "MODE", description = "auto (default), markers, clusters or heat.")
    String mode;

    @Option(names = "--offline", description = "Open no network connection (cached tiles and the local basemap).")
    boolean offline;

    @Option(names = "--mbtiles", paramLabel = "FILE", description = "An MBTiles tile pack for the basemap.")
    Path mbtiles;

    @Option(names = "--step", paramLabel = "N(d|w|m)", description = "GIF: time per frame, e.g. 1d, 1w (default), 2w, 1m.")
    String step;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "500", description = "GIF: milliseconds per frame (default 500).")
    int delayMs;

    @Option(names = "--created", paramLabel = "ISO-TIME", hidden = true, description = "Creation time printed (tests).")
    ZonedDateTime created;

    @Option(names = "--no-title", description = "No title block.") boolean noTitle;
    @Option(names = "--no-filters", description = "No date range and filter lines.") boolean noFilters;
    @Option(names = "--no-legend", description = "No legend.") boolean noLegend;
    @Option(names = "--no-created", description = "No creation date.") boolean noCreated;
    @Option(names = "--no-scale-bar", description = "No scale bar.") boolean noScaleBar;
    @Option(names = "--no-attribution", description = "No attribution.") boolean noAttribution;
    @Option(names = "--no-north-arrow", description = "No north arrow.") boolean noNorthArrow;
    @Option(names = "--no-labels", description = "No town labels.") boolean noLabels;
    @Option(names = "--title-corner", paramLabel = "NW|NE|SW|SE", description = "Move the title to a corner.") String titleCorner;
    @Option(names = "--filters-corner", paramLabel = "NW|NE|SW|SE", description = "Move the filters to a corner.") String filtersCorner;
    @Option(names = "--legend-corner", paramLabel = "NW|NE|SW|SE", description = "Move the legend to a corner.") String legendCorner;
    @Option(names = "--created-corner", paramLabel = "NW|NE|SW|SE", description = "Move the created to a corner.") String createdCorner;
    @Option(names = "--scale-bar-corner", paramLabel = "NW|NE|SW|SE", description = "Move the scale bar to a corner.") String scaleBarCorner;
    @Option(names = "--attribution-corner", paramLabel = "NW|NE|SW|SE", description = "Move the attribution to a corner.") String attributionCorner;
    @Option(names = "--north-arrow-corner", paramLabel = "NW|NE|SW|SE", description = "Move the north arrow to a corner.") String northArrowCorner;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (IOException e) {
            throw new InputException(out.toString(), 0, "cannot write the file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private Integer run() throws IOException {
        String ext = MapExport.extension(out);
        boolean map = MapExport.FORMATS.contains(ext);
        if (!map && !DataExport.FORMATS.contains(ext)) {
            throw usage("--out must end in .png, .pdf, .gif, .geojson, .csv, .kml, .kmz or .gpkg, not '" + out.getFileName() + "'");
        }
        Period period = ext.equals("gif") ? period() : null;
        try (IncidentStorage store = StoreTarget.openForReading(parent.db, spec)) {
            FilterSpec filter = filter(store.factions());
            if (store instanceof PgStore server && ext.equals("gpkg")
                    && filter.withFactionRule(FactionRule.ANY).equals(FilterSpec.ALL)) {
                // the whole team store to take away: streamed by a cursor, never held in memory
                spec.commandLine().getOut().println(TeamStore.takeAway(server.location(), out));
                return 0;
            }
            if (!map) {
                long n = DataExport.write(store, filter, csvLayout(), out);
                spec.commandLine().getOut().println(n + " incidents written to " + out);
                return 0;
            }
            SnapshotSpec snap = snapshot(filter);
            TileChain chain = chain();
            try {
                MapExport export = new MapExport(store, chain);
                ZonedDateTime when = created != null ? created : ZonedDateTime.now(ZoneOffset.UTC);
                if (ext.equals("gif")) {
                    int frames = export.writeAnimation(snap, out, period, delayMs, when, n -> { });
                    spec.commandLine().getOut().println(out + ": " + frames + " frames, " + snap.width() + "x"
                            + snap.height());
                } else {
                    Viewport vp = export.write(snap, out, when);
                    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %dx%d, centre %.5f,%.5f, zoom %.2f%s%n", out,
                            vp.width(), vp.height(), vp.centerLat(), vp.centerLon(), vp.zoom(),
                            ext.equals("png") ? " (world file .pgw and .prj beside it)" : "");
                }
            } finally {
                chain.close();
            }
        }
        return 0;
    }

    private TileChain chain() {
        MbTilesSource pack = null;
        if (mbtiles != null) {
            try {
                pack = MbTilesSource.open(mbtiles);
            } catch (IOException e) {
                // the pack's messages already start with its name
                String m = String.valueOf(e.getMessage());
                String prefix = mbtiles + ": ";
                throw new InputException(mbtiles.toString(), 0, m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
            }
        }
        return TileChain.forExport(offline || parent.offline, pack);
    }

    /** The snapshot spec these options describe (filter already parsed). */
    SnapshotSpec snapshot(FilterSpec filter) {
        SnapshotSpec s = SnapshotSpec.defaults().withFilter(filter).withOffline(offline || parent.offline);
        try {
            if (center != null || zoom != null) {
                if (center == null || zoom == null) throw usage("--center and --zoom go together");
                if (bbox != null) throw usage("give --bbox or --center/--zoom, not both");
                String[] p = center.split(",");
                if (p.length != 2) throw usage("--center must be LAT,LON");
                s = s.withCenter(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()), zoom);
            } else if (bbox != null) {
                s = s.withBbox(BBox.parse(bbox));
            }
            if (paper != null) {
                if (width != null || height != null) throw usage("give --width/--height or --paper, not both");
                s = s.withPaper(Paper.parse(paper), !portrait, dpi == null ? 300 : dpi);
            } else {
                s = s.withPixels(width == null ? 1920 : width, height == null ? 1080 : height);
                if (dpi != null) {
                    s = new SnapshotSpec(s.bbox(), s.centerLat(), s.centerLon(), s.zoom(), s.width(), s.height(), dpi,
                            null, true, "", "", "", s.elements(), s.filter(), s.mode(), s.offline());
                }
            }
            s = s.withTexts(title, subtitle, marking);
            if (mode != null) s = s.withMode(IncidentPainter.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT)));
            s = s.withElements(elements());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return s;
    }

    private Map<Element, Corner> elements() {
        Map<Element, Corner> m = SnapshotSpec.defaults().elementsCopy();
        Object[][] table = {
            {Element.TITLE, noTitle, titleCorner}, {Element.FILTERS, noFilters, filtersCorner},
            {Element.LEGEND, noLegend, legendCorner}, {Element.CREATED, noCreated, createdCorner},
            {Element.SCALE_BAR, noScaleBar, scaleBarCorner}, {Element.ATTRIBUTION, noAttribution, attributionCorner},
            {Element.NORTH_ARROW, noNorthArrow, northArrowCorner}, {Element.LABELS, noLabels, null}};
        for (Object[] row : table) {
            Element e = (Element) row[0];
            if ((Boolean) row[1]) {
                m.remove(e);
            } else if (row[2] != null) {
                m.put(e, Element.parseCorner((String) row[2]));
            }
        }
        return m;
    }

    private Period period() {
        if (step == null) return Period.ofWeeks(1);
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("(\\d{1,4})\\s*([dwmDWM])").matcher(step.strip());
        if (!mm.matches() || Integer.parseInt(mm.group(1)) == 0) throw usage("--step must be like 1d, 1w, 2w or 1m, not '" + step + "'");
        int n = Integer.parseInt(mm.group(1));
        return switch (Character.toLowerCase(mm.group(2).charAt(0))) {
            case 'd' -> Period.ofDays(n);
            case 'w' -> Period.ofWeeks(n);
            default -> Period.ofMonths(n);
        };
    }

    private FilterSpec filter(FactionCatalog catalog) {
        BBox fb;
        try {
            fb = filterBbox == null ? null : BBox.parse(filterBbox);
        } catch (IllegalArgumentException e) {
            throw usage("--filter-bbox: " + e.getMessage());
        }
        return filterOptions.toFilter(catalog, fb, spec.commandLine()).withFactionRule(rule());
    }

    private org.sitmap.export.CsvLayout csvLayout() {
        try {
            return org.sitmap.export.CsvLayout.parse(layout);
        } catch (IllegalArgumentException e) {
            throw usage("--layout: " + e.getMessage());
        }
    }

    private org.sitmap.model.FactionRule rule() {
        return switch (factionRule.strip().toLowerCase(Locale.ROOT)) {
            case "any" -> org.sitmap.model.FactionRule.ANY;
            case "primary" -> org.sitmap.model.FactionRule.PRIMARY;
            default -> throw usage("--faction-rule must be any or primary, not '" + factionRule + "'");
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
