package org.sitmap.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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

    /** Writes a PNG (via a temporary file, so a failed write leaves no half file). */
    public static void writePng(Raster r, Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            if (!ImageIO.write(rgb(r), "png", os)) throw new IOException("no PNG writer");
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
