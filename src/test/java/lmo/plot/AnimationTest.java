package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frames of a run, the axes fixed over them, and the GIF: palette, delay, loop, atomic writing. */
class AnimationTest {
    @TempDir Path dir;

    /** A 2-D run: snapshots at 0, 10, 20 (metrics logged every 10 from 0 to 20, then 25), final state at 25. */
    private Path run2d() throws IOException {
        Path run = SyntheticRun.create(dir.resolve("run"), "r", "euclidean", 2, "");
        Files.writeString(run.resolve(RunLayout.METRICS), "step,wallSeconds,time,energy\n0,0,0,1\n10,0,0.5,1\n20,0,1,1\n25,0,1.25,1\n");
        Files.writeString(run.resolve(RunLayout.SUMMARY), "{\"status\": \"completed\", \"finalStep\": 25}");
        Files.createDirectories(run.resolve(RunLayout.SNAPSHOTS));
        for (int s : new int[] {0, 10, 20}) Npy.write(run.resolve(RunLayout.snapshot("p", s)), cloud(s / 10.0));
        Npy.write(run.resolve(RunLayout.finalState("p")), cloud(4));
        return run;
    }

    /** 20 particles on a circle of radius 1 + shift, centred at (shift, 0), mass 1/20. */
    private static Table cloud(double shift) {
        double[] v = new double[60];
        for (int i = 0; i < 20; i++) {
            v[3 * i] = shift + (1 + shift) * Math.cos(i * 0.314);
            v[3 * i + 1] = (1 + shift) * Math.sin(i * 0.314);
            v[3 * i + 2] = 0.05;
        }
        return new Table(20, 3, v);
    }

    @Test
    void theFramesAreTheSnapshotsThenTheFinalStateWithTheirTimes() throws IOException {
        Path run = run2d();
        Files.writeString(run.resolve("snapshots/p-q-00000005.npy"), "a snapshot of population p-q, not of p");
        Files.writeString(run.resolve("snapshots/p-00000010-solver.npy"), "solver state, not a frame");
        Npy.write(run.resolve(RunLayout.snapshot("p", 15)), cloud(1.5));
        List<AnimationFrames.Frame> f = AnimationFrames.of(run, "p");
        assertEquals(List.of(0L, 10L, 15L, 20L, 25L), f.stream().map(AnimationFrames.Frame::step).toList());
        assertEquals(List.of("t = 0", "t = 0.5", "t \u2248 0.75", "t = 1", "t = 1.25"),
                f.stream().map(AnimationFrames.Frame::timeLabel).toList());
        assertEquals("final", f.get(4).what());
        assertEquals("t = ?", new AnimationFrames.Times(new double[] {0, 10}, new double[] {0, 1}).label(30));
    }

    @Test
    void theAxesHoldEveryFrame() throws IOException {
        Path run = run2d();
        ParticlePlot.Axes a = Animation.axes(new RunInfo.Space("euclidean", 2), AnimationFrames.of(run, "p"));
        assertTrue(a.xLo() < -1 && a.xHi() > 9 && a.yLo() < -5 && a.yHi() > 5, a.toString()); // final: centre 4, radius 5
        assertTrue(a.xLo() > -1.5 && a.xHi() < 9.5, "a small margin only: " + a);

        Path one = SyntheticRun.create(dir.resolve("one"), "r", "torus", 1, "");
        Files.createDirectories(one.resolve(RunLayout.SNAPSHOTS));
        SyntheticRun.state(one.resolve(RunLayout.snapshot("p", 0)), "torus", 1, 100, true);
        Npy.write(one.resolve(RunLayout.snapshot("p", 1)), new Table(2, 2, new double[] {0.5, 0.5, 0.51, 0.5}));
        ParticlePlot.Axes h = Animation.axes(new RunInfo.Space("torus", 1), AnimationFrames.of(one, "p"));
        assertEquals(0, h.xLo());
        assertEquals(1, h.xHi());
        assertEquals(10, h.bins(), "sqrt(100) bins, the largest frame's");
        assertEquals(1.05 * 10, h.yHi(), 1e-9, "all the mass of frame 2 in one bin of width 0.1: density 10");
    }

    @Test
    void withoutSnapshotsTheTrajectoriesAreTheFrames() throws IOException {
        Path run = SyntheticRun.create(dir.resolve("traj"), "r", "euclidean", 1, "");
        double[] points = new double[3 * 4 * 2];
        for (int s = 0; s < 3; s++) for (int k = 0; k < 4; k++) {
            points[(s * 4 + k) * 2] = s + k;
            points[(s * 4 + k) * 2 + 1] = 0.25;
        }
        Files.write(run.resolve(AnimationFrames.trajectories("p")), npy3(points));
        Npy.write(run.resolve(AnimationFrames.TRAJECTORY_STEPS), new Table(3, 2, new double[] {0, 0, 5, 0.25, 10, 0.5}));
        List<AnimationFrames.Frame> f = AnimationFrames.of(run, "p");
        assertEquals(List.of(0L, 5L, 10L), f.stream().map(AnimationFrames.Frame::step).toList());
        assertEquals("t = 0.25", f.get(1).timeLabel());
        assertEquals(2.0, f.get(1).state().load().get(1, 0));
        Path gif = dir.resolve("t.gif");
        assertEquals(3, Animation.write(run, "p", 5, gif).frames());
        assertEquals(3, frames(gif).size());
    }

    @Test
    void aRunWithoutFramesSaysWhatToSetAndWritesNothing() {
        Path run = SyntheticRun.create(dir.resolve("bare"), "r", "torus", 1, "");
        Path gif = dir.resolve("x.gif");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Animation.write(run, "p", 10, gif));
        assertTrue(e.getMessage().contains("--set output.snapshotEvery="), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Animation.write(run, "q", 10, gif), "unknown population");
        assertFalse(Files.exists(gif));
    }

    @Test
    void theGifHasTheFramesTheDelayAndTheLoopAndTheColoursExactly() throws IOException {
        Path run = run2d();
        Path gif = dir.resolve("out/a.gif");
        assertEquals(4, Animation.write(run, "p", 4, gif).frames());
        List<BufferedImage> frames = frames(gif);
        assertEquals(4, frames.size());
        assertEquals(Animation.WIDTH, frames.get(0).getWidth());
        for (int i = 1; i < frames.size(); i++) {
            assertFalse(samePixels(frames.get(i - 1), frames.get(i), 30), "frame " + i + " differs below the title");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            for (int i = 0; i < 4; i++) {
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("25", gce.getAttribute("delayTime"), "4 frames a second");
                if (i > 0) continue;
                IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
                assertEquals("NETSCAPE", app.getAttribute("applicationID"));
                assertEquals("2.0", app.getAttribute("authenticationCode"));
                assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(), "loop forever");
            }
        }
        assertFalse(Files.exists(gif.resolveSibling("a.gif.tmp")));

        BufferedImage picture = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) picture.setRGB(x, y, (x / 2 * 16) << 16 | (y / 2 * 16) << 8 | 77);
        Path small = dir.resolve("small.gif");
        try (GifWriter w = new GifWriter(small, 10)) {
            w.add(picture);
            w.finish();
        }
        assertTrue(samePixels(picture, frames(small).get(0), 0), "256 colours, each its own palette entry");
    }

    /** Whether two images agree on every pixel from row {@code fromRow} down. */
    private static boolean samePixels(BufferedImage a, BufferedImage b, int fromRow) {
        for (int y = fromRow; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) return false;
        }
        return true;
    }

    static List<BufferedImage> frames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            int n = r.getNumImages(true);
            List<BufferedImage> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) out.add(r.read(i));
            return out;
        }
    }

    /** A (3, 4, 2) float64 .npy. */
    private static byte[] npy3(double[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Npy.write(out, new Table(data.length, 1, data));
        String s = new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.replace("'shape': (24, 1), ", "'shape': (3, 4, 2)").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
