package org.sitmap.ui.session;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.sitmap.render.Raster;

/**
 * Three rotating pictures of one size for a view drawn on the worker: the one on screen, the one shown before it
 * (which the toolkit may still be uploading) and the back one the worker draws into.
 *
 * <p>Threading: {@link #back} and {@link #show} run on the FX thread only. A {@link Slot}'s {@link Slot#raster()}
 * runs on the worker that draws it: the first time a slot is drawn its raster is allocated there, so a new window
 * size never costs the FX thread the allocation (three full-screen rasters of fresh memory are tens of ms of page
 * faults on this kind of machine). The toolkit's {@link PixelBuffer} and image wrapping that raster are made by
 * {@link #show} on the FX thread the first time the slot is shown; they copy nothing. The slot travels from the
 * worker to the FX thread through the drawing's commit ({@code Platform.runLater}), which orders the worker's
 * writes before the FX thread's reads.
 */
public final class FrameBuffers {
    private Size size;
    private int front = -1;

    /** One size's three pictures. */
    private static final class Size {
        final int width;
        final int height;
        final Raster[] rasters = new Raster[3];
        final PixelBuffer<IntBuffer>[] pixels;
        final WritableImage[] images = new WritableImage[3];

        @SuppressWarnings("unchecked")
        Size(int width, int height) {
            this.width = width;
            this.height = height;
            this.pixels = new PixelBuffer[3];
        }
    }

    /** Where one drawing goes: a picture of one size generation. */
    public static final class Slot {
        private final Size size;
        private final int index;

        private Slot(Size size, int index) {
            this.size = size;
            this.index = index;
        }

        /** Worker: the raster to draw into, allocated here the first time this picture is drawn. */
        public Raster raster() {
            Raster r = size.rasters[index];
            if (r == null) {
                r = new Raster(size.width, size.height);
                size.rasters[index] = r;
            }
            return r;
        }
    }

    /** FX thread: the picture the next drawing of a {@code width} × {@code height} frame goes into. */
    public Slot back(int width, int height) {
        if (size == null || size.width != width || size.height != height) {
            size = new Size(width, height);
            front = -1;
        }
        return new Slot(size, (front + 1) % 3);
    }

    /**
     * FX thread: marks a drawn slot's pixels as changed and returns its image to show, or null when the view has
     * changed size since the slot was handed out (the drawing is stale and is not shown).
     */
    public WritableImage show(Slot slot) {
        Size s = slot.size;
        if (s != size) return null;
        int k = slot.index;
        if (s.pixels[k] == null) {
            s.pixels[k] = new PixelBuffer<>(s.width, s.height, IntBuffer.wrap(slot.raster().pixels()),
                    PixelFormat.getIntArgbPreInstance());
            s.images[k] = new WritableImage(s.pixels[k]);
        } else {
            s.pixels[k].updateBuffer(pb -> null);
        }
        front = k;
        return s.images[k];
    }
}
