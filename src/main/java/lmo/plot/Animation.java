package lmo.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lmo.io.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * An animated GIF of one population's particle picture ({@link ParticlePlot}) over the frames of a run
 * ({@link AnimationFrames}), {@link #WIDTH} x {@link #HEIGHT} pixels each, written by {@link GifWriter}. The axes are
 * fixed over the whole run ({@link #axes}); each title gives the population, the step and the mean-field time. Fails
 * with an IllegalArgumentException when the run has no frames of the population (the message says what to set), and
 * with an IOException when a state does not read or has the wrong number of columns (nothing is written then).
 */
public final class Animation {
    public static final int WIDTH = 480, HEIGHT = 360;
    /** Room above and below the data on a scatter plot's free axes, as a fraction of their span. */
    private static final double MARGIN = 0.03;

    /** What {@link #write} made: the GIF and its number of frames. */
    public record Result(Path file, int frames) {}

    private Animation() {}

    /** {@code RUN_DIR/plots/animation-<population>.gif}, the population's name made file-safe as for the PNGs. */
    public static Path defaultFile(Path runDir, String population) {
        return runDir.resolve(lmo.io.RunLayout.PLOTS).resolve("animation-" + Charts.safe(population) + ".gif");
    }

    /** Writes the GIF of {@code population} at {@code fps} frames per second (its delay rounded to 1/100 s). */
    public static Result write(Path runDir, String population, double fps, Path gif) throws IOException {
        Charts.headless();
        RunInfo info = RunInfo.read(runDir);
        RunInfo.Space space = info.spaces().get(population);
        if (space == null) {
            throw new IllegalArgumentException("unknown population '" + population + "'; the run has "
                    + (info.spaces().isEmpty() ? "none (no scenario.yaml)" : String.join(", ", info.spaces().keySet())));
        }
        List<AnimationFrames.Frame> frames = AnimationFrames.of(runDir, population);
        ParticlePlot.Axes axes = axes(space, frames);
        int delay = (int) Math.max(1, Math.min(0xffff, Math.round(100 / fps)));
        try (GifWriter out = new GifWriter(gif, delay)) {
            for (AnimationFrames.Frame f : frames) out.add(render(population, space, f, f.state().load(), axes));
            return new Result(out.finish(), frames.size());
        }
    }

    /** One frame as an image. */
    static BufferedImage render(String population, RunInfo.Space space, AnimationFrames.Frame f, Table state,
                                ParticlePlot.Axes axes) throws IOException {
        XYChart c = ParticlePlot.picture(population, space, state, axes);
        int n = state.rows(), stride = (n + ParticlePlot.MAX_POINTS - 1) / ParticlePlot.MAX_POINTS;
        boolean thinned = stride > 1 && !ParticlePlot.coords(space, state).histogram();
        c.setTitle(population + ": step " + f.step() + ", " + f.timeLabel() + (f.what().isEmpty() ? "" : " (" + f.what() + ")")
                + ", " + n + " particles" + (thinned ? ", 1 in " + stride + " shown" : ""));
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12))
                .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10))
                .setLegendPosition(Styler.LegendPosition.InsideNE).setAntiAlias(false);
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
                .setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            c.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The axes over all frames: on 1-D spaces and S^1 the histogram's range (the space's, or the smallest and largest
     * position of any frame on R^1), the bins of the largest particle count and the largest density of any frame; on
     * scatter plots the box around every frame's points (the unit square on a torus, the globe on S^2); the masses'
     * range over all frames for the colour classes.
     */
    static ParticlePlot.Axes axes(RunInfo.Space space, List<AnimationFrames.Frame> frames) throws IOException {
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY, yLo = xLo, yHi = xHi, mLo = xLo, mHi = xHi;
        int n = 0;
        boolean histogram = false, circle = false;
        for (AnimationFrames.Frame f : frames) {
            ParticlePlot.Coords p = ParticlePlot.coords(space, f.state().load());
            histogram = p.histogram();
            circle = p.circle();
            n = Math.max(n, p.x().length);
            double[] x = range(p.x()), m = range(p.m());
            xLo = Math.min(xLo, x[0]);
            xHi = Math.max(xHi, x[1]);
            mLo = Math.min(mLo, m[0]);
            mHi = Math.max(mHi, m[1]);
            if (!histogram) {
                double[] y = range(p.y());
                yLo = Math.min(yLo, y[0]);
                yHi = Math.max(yHi, y[1]);
            }
        }
        if (!Double.isFinite(mLo)) mLo = mHi = 0;
        if (!histogram) {
            double[] x = padded(xLo, xHi), y = padded(yLo, yHi);
            return new ParticlePlot.Axes(x[0], x[1], y[0], y[1], 0, mLo, mHi);
        }
        double lo = circle ? -Math.PI : space.type().equals("torus") ? 0 : Double.isFinite(xLo) ? xLo : 0;
        double hi = circle ? Math.PI : space.type().equals("torus") ? 1 : Math.max(Double.isFinite(xHi) ? xHi : 1, lo + 1e-12);
        int bins = ParticlePlot.bins(n);
        double top = 0;
        for (AnimationFrames.Frame f : frames) {
            ParticlePlot.Coords p = ParticlePlot.coords(space, f.state().load());
            for (double d : ParticlePlot.densities(p.x(), p.m(), lo, hi, bins)) top = Math.max(top, d);
        }
        return new ParticlePlot.Axes(lo, hi, 0, top > 0 ? 1.05 * top : 1, bins, mLo, mHi);
    }

    /** The smallest and largest finite value (+inf, -inf if none). */
    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isFinite(x)) continue;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new double[] {lo, hi};
    }

    /** [lo, hi] widened by {@link #MARGIN} of the span on both sides (by 0.5 when the span is 0; [0, 1] when empty). */
    private static double[] padded(double lo, double hi) {
        if (!Double.isFinite(lo)) return new double[] {0, 1};
        double pad = hi > lo ? MARGIN * (hi - lo) : 0.5;
        return new double[] {lo - pad, hi + pad};
    }
}
