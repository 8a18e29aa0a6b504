package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo animate} on real short runs: one frame per snapshot plus the final state, frames that differ, the delay
 * and loop metadata; bad input exits 2 and writes nothing.
 */
class AnimateCommandTest {
    @TempDir Path dir;

    /** A scenario run into {@code dir/name} with the overrides; returns the run directory. */
    private Path run(String name, String scenario, String... sets) {
        List<String> args = new ArrayList<>(List.of("run", scenario, "--out", dir.resolve(name).toString(), "-q", "--no-plots"));
        for (String s : sets) args.addAll(List.of("--set", s));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return dir.resolve(name);
    }

    private static long snapshots(Path run) throws IOException {
        try (var files = Files.list(run.resolve(RunLayout.SNAPSHOTS))) {
            return files.filter(p -> p.getFileName().toString().matches("particles-\\d+\\.npy")).count();
        }
    }

    @Test
    void aScatterGifHasOneFramePerSnapshotPlusTheFinalState() throws IOException {
        Path run = run("2d", "scenarios/mmd-gaussian-2d.yaml", "steps=40", "output.snapshotEvery=10",
                "populations.particles.count=200", "model.target.count=200");
        Cli a = Cli.run("animate", run.toString());
        assertEquals(0, a.exit(), a.err());
        Path gif = run.resolve(RunLayout.PLOTS).resolve("animation-particles.gif");
        assertEquals(gif + "\n", a.out());
        assertEquals(4, snapshots(run), "steps 0, 10, 20, 30");
        List<BufferedImage> frames = frames(gif);
        assertEquals(snapshots(run) + 1, frames.size(), "the snapshots, then the final state (step 40)");
        for (int i = 1; i < frames.size(); i++) assertTrue(differ(frames.get(i - 1), frames.get(i)), "frame " + i);
        assertEquals("10", delay(gif), "10 frames a second by default");
        assertTrue(loops(gif));
    }

    @Test
    void aHistogramGifAtTheFpsAskedWhereAsked() throws IOException {
        Path run = run("1d", "scenarios/quickstart.yaml", "steps=30", "output.snapshotEvery=10",
                "populations.particles.count=100");
        Path gif = dir.resolve("elsewhere/q.gif");
        Cli a = Cli.run("animate", run.toString(), "--fps", "4", "--out", gif.toString(), "--population", "particles");
        assertEquals(0, a.exit(), a.err());
        List<BufferedImage> frames = frames(gif);
        assertEquals(snapshots(run) + 1, frames.size());
        assertEquals(4, frames.size());
        for (int i = 1; i < frames.size(); i++) assertTrue(differ(frames.get(i - 1), frames.get(i)), "frame " + i);
        assertEquals("25", delay(gif));
        assertFalse(Files.exists(run.resolve(RunLayout.PLOTS)), "only --out is written");
    }

    @Test
    void badInputExits2AndWritesNothing() throws IOException {
        Path run = run("bare", "scenarios/quickstart.yaml", "steps=5", "populations.particles.count=50");
        Path plots = run.resolve(RunLayout.PLOTS);

        Cli none = Cli.run("animate", run.toString());
        assertEquals(Main.BAD_INPUT, none.exit());
        assertTrue(none.err().contains("no snapshots of population particles"), none.err());
        assertTrue(none.err().contains("--set output.snapshotEvery="), none.err());

        Cli pop = Cli.run("animate", run.toString(), "--population", "nobody");
        assertEquals(Main.BAD_INPUT, pop.exit());
        assertTrue(pop.err().contains("unknown population 'nobody'; the run has particles"), pop.err());

        Cli missing = Cli.run("animate", dir.resolve("nowhere").toString());
        assertEquals(Main.BAD_INPUT, missing.exit());
        assertTrue(missing.err().contains("not a run directory"), missing.err());

        for (String fps : new String[] {"0", "-2", "101", "NaN"}) {
            Cli f = Cli.run("animate", run.toString(), "--fps", fps);
            assertEquals(Main.BAD_INPUT, f.exit(), fps);
            assertTrue(f.err().contains("--fps"), f.err());
        }
        assertFalse(Files.exists(plots), "nothing written");
        assertEquals(Main.BAD_INPUT, Cli.run("animate").exit(), "RUN_DIR is required");
    }

    static List<BufferedImage> frames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < r.getNumImages(true); i++) out.add(r.read(i));
            return out;
        }
    }

    /** Whether two frames differ below the title (row 30 on): the particles moved. */
    private static boolean differ(BufferedImage a, BufferedImage b) {
        for (int y = 30; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return true;
        }
        return false;
    }

    private static IIOMetadataNode frameMetadata(Path gif, String node) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            return (IIOMetadataNode) root.getElementsByTagName(node).item(0);
        }
    }

    private static String delay(Path gif) throws IOException {
        return frameMetadata(gif, "GraphicControlExtension").getAttribute("delayTime");
    }

    private static boolean loops(Path gif) throws IOException {
        IIOMetadataNode app = frameMetadata(gif, "ApplicationExtension");
        return app != null && "NETSCAPE".equals(app.getAttribute("applicationID"))
                && java.util.Arrays.equals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject());
    }
}
