package org.sitmap.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.sitmap.render.Raster;

/**
 * An animated GIF written frame by frame with the JDK's GIF writer: every frame mapped to one shared 256-colour
 * palette (built from a reference frame, so colours do not flicker between frames), a delay per frame and the
 * NETSCAPE2.0 application extension that makes viewers loop forever. From the second frame on, pixels unchanged
 * since the previous frame are written as the transparent index over the kept previous frame, so the file holds
 * little more than what changes.
 *
 * <p>Not thread-safe; close it to finish the file.
 */
public final class GifWriter implements Closeable {
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final IndexColorModel palette;
    private final int[] paletteRgb;
    private final short[] lut = new short[1 << 15];
    private final int delayCs;
    private int frames;
    private byte[] previous;
    /** Palette index kept transparent: a pixel unchanged since the previous frame (long runs compress well). */
    private static final int KEEP = 255;

    /**
     * @param file      the GIF to write
     * @param reference a frame whose colours stand for all frames (the palette is built from it)
     * @param delayMs   time each frame is shown
     */
    public GifWriter(Path file, Raster reference, int delayMs) throws IOException {
        writer = ImageIO.getImageWritersByFormatName("gif").next();
        Files.deleteIfExists(file);
        out = ImageIO.createImageOutputStream(file.toFile());
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        paletteRgb = palette(reference.pixels());
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) (paletteRgb[i] >> 16);
            g[i] = (byte) (paletteRgb[i] >> 8);
            b[i] = (byte) paletteRgb[i];
        }
        palette = new IndexColorModel(8, 256, r, g, b);
        Arrays.fill(lut, (short) -1);
        this.delayCs = Math.max(2, delayMs / 10);
    }

    /** The 256 most frequent colours of the reference at 5 bits per channel (averaged within each bucket). */
    static int[] palette(int[] pixels) {
        long[] count = new long[1 << 15];
        long[] sr = new long[1 << 15], sg = new long[1 << 15], sb = new long[1 << 15];
        for (int p : pixels) {
            int k = bucket(p);
            count[k]++;
            sr[k] += (p >> 16) & 0xff;
            sg[k] += (p >> 8) & 0xff;
            sb[k] += p & 0xff;
        }
        Integer[] order = new Integer[1 << 15];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, c) -> Long.compare(count[c], count[a]));
        int[] pal = new int[256];
        int n = 0;
        for (int i = 0; i < order.length && n < KEEP && count[order[i]] > 0; i++) {
            int k = order[i];
            long c = count[k];
            pal[n++] = (int) (sr[k] / c) << 16 | (int) (sg[k] / c) << 8 | (int) (sb[k] / c);
        }
        while (n < 256) pal[n++] = n % 2 == 0 ? 0xffffff : 0;
        return pal;
    }

    private static int bucket(int p) {
        return ((p >> 19) & 0x1f) << 10 | ((p >> 11) & 0x1f) << 5 | ((p >> 3) & 0x1f);
    }

    private int nearest(int k) {
        int r = ((k >> 10) & 0x1f) << 3 | 4, g = ((k >> 5) & 0x1f) << 3 | 4, b = (k & 0x1f) << 3 | 4;
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < KEEP; i++) {
            int c = paletteRgb[i];
            int dr = ((c >> 16) & 0xff) - r, dg = ((c >> 8) & 0xff) - g, db = (c & 0xff) - b;
            int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Appends one frame (same size as the reference). */
    public void add(Raster frame) throws IOException {
        BufferedImage img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int[] src = frame.pixels();
        for (int i = 0; i < src.length; i++) {
            int k = bucket(src[i]);
            short idx = lut[k];
            if (idx < 0) {
                idx = (short) nearest(k);
                lut[k] = idx;
            }
            dst[i] = (byte) idx;
        }
        boolean delta = previous != null;
        byte[] full = dst.clone();
        if (delta) {
            for (int i = 0; i < dst.length; i++) if (dst[i] == previous[i]) dst[i] = (byte) KEEP;
        }
        previous = full;
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "doNotDispose");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", delta ? "TRUE" : "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", Integer.toString(KEEP));
        IIOMetadataNode lct = child(root, "LocalColorTable");
        while (lct.getLength() > 0) lct.removeChild(lct.getFirstChild());
        lct.setAttribute("sizeOfLocalColorTable", "256");
        lct.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString((paletteRgb[i] >> 16) & 0xff));
            e.setAttribute("green", Integer.toString((paletteRgb[i] >> 8) & 0xff));
            e.setAttribute("blue", Integer.toString(paletteRgb[i] & 0xff));
            lct.appendChild(e);
        }
        if (frames == 0) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});   // sub-block 1, loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(img, null, meta), param);
        frames++;
    }

    public int frames() { return frames; }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
        } finally {
            out.close();
            writer.dispose();
        }
    }
}
