package org.sitmap.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.store.IncidentStorage;
import org.sitmap.tiles.TileChain;

/**
 * Map exports from a store: PNG (with {@code .pgw} and {@code .prj}), vector PDF (georeferenced) and animated GIF,
 * all through one {@link SnapshotRenderer}. The window and {@code sitmap export} both call this with the same
 * {@link SnapshotSpec}, so they write the same picture.
 *
 * <p>Threading: blocking; run it on a worker thread (the window's worker, or the command's main thread). The
 * store is only read.
 */
public final class MapExport {
    /** File name endings handled here. */
    public static final List<String> FORMATS = List.of("png", "pdf", "gif");
    /** Data sources named in the attribution; more are summarised as "and N more". */
    private static final int MAX_SOURCES = 4;

    private final IncidentStorage store;
    private final TileChain chain;
    private final java.util.function.Function<String, long[]> textSearch;
    private IncidentIndex index;

    /** An export that loads the store's index when first needed ({@code sitmap export}). */
    public MapExport(IncidentStorage store, TileChain chain) {
        this(store, chain, null, store::searchText);
    }

    /**
     * An export of an index already in memory (the window's): nothing is loaded again.
     *
     * @param index      the incidents' filter columns, or null to load the store's
     * @param textSearch words → matching ids (the window passes its cached look-up)
     */
    public MapExport(IncidentStorage store, TileChain chain, IncidentIndex index,
                     java.util.function.Function<String, long[]> textSearch) {
        this.store = store;
        this.chain = chain;
        this.index = index;
        this.textSearch = textSearch;
    }

    /** The index drawn from (the store's, loaded once, unless one was given). */
    public IncidentIndex index() {
        if (index == null) index = store.loadIndex();
        return index;
    }

    /** The incidents the filter keeps (its factions matched under its {@link org.sitmap.model.FactionRule}). */
    public Selection select(FilterSpec f) {
        long[] ids = f.text().isBlank() ? null : textSearch.apply(f.text());
        return new IndexFilter(index(), f, ids).apply();
    }

    /** Data sets named by their key prefix; other incidents are credited to their reported source. */
    private static final java.util.Map<String, String> DATA_SETS = java.util.Map.of(
            "ucdp", "UCDP Georeferenced Event Dataset (CC BY 4.0)",
            "acled", "ACLED (acleddata.com)",
            "seed", "Sitmap seed incidents from news reports");

    /**
     * The sources of the filtered incidents, for the attribution: the data set of each key prefix (UCDP GED, ACLED
     * ...), else the source each incident reports; {@code shown} is the selection drawn for {@code f}.
     */
    public List<String> dataSources(FilterSpec f, Selection shown) {
        Set<String> all = new LinkedHashSet<>();
        for (String[] pair : store.sources(f, shown)) {
            String set = DATA_SETS.get(pair[0]);
            if (set != null) {
                all.add(set);
            } else if (pair[1] != null && !pair[1].isBlank()) {
                all.add(pair[1].strip());
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : all) {
            if (out.size() == MAX_SOURCES) {
                out.add("and " + (all.size() - MAX_SOURCES) + " more");
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** The spec with its area fixed to a centre and zoom (what was fitted when it had none), so frames agree. */
    public SnapshotSpec resolve(SnapshotSpec spec, Selection shown) {
        Viewport s = spec.screenViewport(shown);
        return spec.withCenter(s.centerLat(), s.centerLon(), s.zoom());
    }

    /** Renders a snapshot of the spec. */
    public SnapshotRenderer.Result render(SnapshotSpec spec, ZonedDateTime created) {
        Selection shown = select(spec.filter());
        SnapshotSpec fixed = resolve(spec, shown);
        return new SnapshotRenderer(chain).render(fixed,
                new SnapshotRenderer.Content(shown, dataSources(spec.filter(), shown), created, null));
    }

    /**
     * Writes a PNG (plus world and projection files) or a PDF by the file's ending; for a GIF see
     * {@link #writeAnimation}. Returns the viewport drawn.
     */
    public Viewport write(SnapshotSpec spec, Path out, ZonedDateTime created) throws IOException {
        String ext = extension(out);
        if (!ext.equals("png") && !ext.equals("pdf")) {
            throw new IllegalArgumentException(out + ": a map is written as .png or .pdf, not ." + ext);
        }
        createParent(out);
        if (ext.equals("png")) {
            SnapshotRenderer.Result res = render(spec, created);
            Images.writePng(res.raster(), out);
            WorldFile.writeBeside(out, res.viewport());
            return res.viewport();
        }
        // a PDF: the basemap as an image, everything over it drawn by the same painters as vectors and text
        Selection shown = select(spec.filter());
        SnapshotSpec fixed = resolve(spec, shown);
        SnapshotRenderer renderer = new SnapshotRenderer(chain);
        SnapshotRenderer.Result base = renderer.basemap(fixed, shown);
        SnapshotRenderer.Content content = new SnapshotRenderer.Content(shown, dataSources(spec.filter(), shown), created,
                null);
        PdfWriter.write(base.raster(), base.viewport(), fixed, created, out,
                g -> renderer.drawOver(g, fixed, base.viewport(), base.tiles(), content));
        return base.viewport();
    }

    /**
     * Writes an animated GIF of the timeline: one frame per {@code step} from the filter's first to last day (the
     * shown incidents' span when open), each frame showing the incidents of its window with the dates as caption.
     *
     * @param progress receives the number of frames written so far
     * @return the number of frames
     */
    public int writeAnimation(SnapshotSpec spec, Path out, Period step, int delayMs, ZonedDateTime created,
                              IntConsumer progress) throws IOException {
        if (step.isNegative() || step.isZero()) throw new IllegalArgumentException("--step must be positive");
        createParent(out);
        Selection all = select(spec.filter());
        LocalDate from = spec.filter().from();
        LocalDate to = spec.filter().to();
        if (from == null || to == null) {
            IncidentIndex ix = all.index();
            int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
            for (int k = 0; k < all.count(); k++) {
                min = Math.min(min, ix.day(all.row(k)));
                max = Math.max(max, ix.dayEnd(all.row(k)));
            }
            if (all.count() == 0) throw new IllegalArgumentException("no incidents to animate (check the filters)");
            if (from == null) from = LocalDate.ofEpochDay(min);
            if (to == null) to = LocalDate.ofEpochDay(max);
        }
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plus(step)) {
            starts.add(d);
            if (starts.size() > 2000) throw new IllegalArgumentException("more than 2000 frames: use a longer --step");
        }
        SnapshotSpec fixed = resolve(spec, all);
        SnapshotRenderer renderer = new SnapshotRenderer(chain);
        SnapshotRenderer.Result base = renderer.basemap(fixed, all);
        List<String> sources = dataSources(spec.filter(), all);
        int[] basePixels = base.raster().pixels().clone();
        Raster frame = base.raster();
        // the palette comes from the whole range drawn at once: every faction colour shown appears in it
        renderer.drawOver(frame, fixed, base.viewport(), base.tiles(),
                new SnapshotRenderer.Content(all, sources, created, FilterText.range(from, to)));
        int n = 0;
        try (GifWriter gif = new GifWriter(out, frame, delayMs)) {
            for (LocalDate start : starts) {
                LocalDate end = start.plus(step).minusDays(1);
                if (end.isAfter(to)) end = to;
                FilterSpec f = spec.filter().withDates(start, end);
                Selection sel = select(f);
                System.arraycopy(basePixels, 0, frame.pixels(), 0, basePixels.length);
                renderer.drawOver(frame, fixed.withFilter(f), base.viewport(), base.tiles(),
                        new SnapshotRenderer.Content(sel, sources, created, FilterText.range(start, end)));
                gif.add(frame);
                progress.accept(++n);
            }
        }
        return n;
    }

    /** The file name's ending in lower case ("" when none). */
    public static String extension(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }
}
