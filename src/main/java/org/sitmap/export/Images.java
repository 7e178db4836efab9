package org.sitmap.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.BufferedOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.sitmap.render.Raster;

/** Writing rasters as image files. */
public final class Images {
    private Images() { }

    /** The raster's pixels as an opaque RGB image (the basemap covers every pixel). */
    public static BufferedImage rgb(Raster r) {
        BufferedImage out = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_RGB);
        int[] src = r.pixels();
        int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < src.length; i++) dst[i] = src[i] & 0xffffff;   // opaque: premultiplied = straight
        return out;
    }

    /**
     * The PNG writer's compression quality: 0.5 is deflate level 4, which on a 1920×1080 map writes a file about 5%
     * larger than the writer's default in less than half the time (about 50 against 110 ms).
     */
    static final float PNG_QUALITY = 0.5f;

    /** Writes a PNG (via a temporary file, so a failed write leaves no half file). */
    public static void writePng(Raster r, Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        java.util.Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer");
        ImageWriter writer = writers.next();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
             ImageOutputStream ios = new MemoryCacheImageOutputStream(os)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(rgb(r), null, null), param);
        } finally {
            writer.dispose();
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
