package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitmap.render.Raster;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's rotating pictures: drawn on a worker, shown on the FX thread without a copy, never drawn on screen. */
class FrameBuffersTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPictureDrawnOnAWorkerIsShownAsDrawn() throws Exception {
        FrameBuffers buffers = new FrameBuffers();
        FrameBuffers.Slot slot = onFx(() -> buffers.back(40, 30));
        Raster r = slot.raster();                       // made here, on the drawing thread
        assertThat(r.width()).isEqualTo(40);
        assertThat(r.height()).isEqualTo(30);
        r.pixels()[40 * 2 + 5] = 0xff112233;
        WritableImage image = onFx(() -> buffers.show(slot));
        assertThat(image.getPixelReader().getArgb(5, 2)).isEqualTo(0xff112233);
        r.pixels()[0] = 0xff445566;                     // drawn again into the same picture, then shown again
        WritableImage again = onFx(() -> buffers.show(slot));
        assertThat(again).isSameAs(image);
        assertThat(again.getPixelReader().getArgb(0, 0)).isEqualTo(0xff445566);
    }

    @Test
    void theBackPictureIsNeverTheOneOnScreenNorTheOneBefore() throws Exception {
        FrameBuffers buffers = new FrameBuffers();
        Raster shownBefore = null;
        Raster shown = null;
        Set<Raster> all = new HashSet<>();
        for (int k = 0; k < 7; k++) {
            FrameBuffers.Slot slot = onFx(() -> buffers.back(20, 10));
            Raster r = slot.raster();
            assertThat(r).isNotSameAs(shown).isNotSameAs(shownBefore);
            all.add(r);
            onFx(() -> buffers.show(slot));
            shownBefore = shown;
            shown = r;
        }
        assertThat(all).hasSize(3);
    }

    @Test
    void aDrawingForAnOldSizeIsNotShown() throws Exception {
        FrameBuffers buffers = new FrameBuffers();
        FrameBuffers.Slot old = onFx(() -> buffers.back(40, 30));
        old.raster();
        FrameBuffers.Slot now = onFx(() -> buffers.back(50, 30));
        assertThat(onFx(() -> buffers.show(old))).isNull();
        assertThat(now.raster().width()).isEqualTo(50);
        assertThat(onFx(() -> buffers.show(now))).isNotNull();
    }
}
