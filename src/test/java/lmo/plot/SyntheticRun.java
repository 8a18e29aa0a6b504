package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.Table;

/** Test helpers: a run directory written by hand (scenario.yaml, metrics.csv, a state), and PNG checks. */
final class SyntheticRun {
    private SyntheticRun() {}

    /** A run directory whose scenario.yaml names one population with the given space, and {@code output} as given. */
    static Path create(Path dir, String name, String space, int dim, String output) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RunLayout.SCENARIO), "name: " + name + "\nsteps: 100\npopulations:\n  p:\n    count: 10\n"
                    + "    space: {type: " + space + ", dim: " + dim + "}\noutput:\n  every: 1\n" + output);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** metrics.csv with rows at times 0, dt, ..., (rows - 1) dt: energy = f(time), and a constant mass. */
    static void metrics(Path dir, int rows, double dt, DoubleUnaryOperator energy) {
        StringBuilder s = new StringBuilder("step,wallSeconds,time,energy,mass_p\n");
        for (int k = 0; k < rows; k++) {
            double t = k * dt;
            s.append(k).append(",0.001,").append(t).append(',').append(energy.applyAsDouble(t)).append(",1.0\n");
        }
        try {
            Files.writeString(dir.resolve(RunLayout.METRICS), s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file}: n particles of a space of dimension dim, spread deterministically, with masses equal or not. */
    static void state(Path file, String space, int dim, int n, boolean equalMasses) {
        double[] rows = new double[n * (dim + 1)];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int c = 0; c < dim; c++) {
                double u = ((i + 0.5) * (0.6180339887498949 + 0.1 * c)) % 1.0;
                double x = space.equals("torus") ? u : space.equals("sphere") ? Math.cos(2 * Math.PI * u + c) : 3 * u - 1;
                rows[i * (dim + 1) + c] = x;
                norm += x * x;
            }
            if (space.equals("sphere")) for (int c = 0; c < dim; c++) rows[i * (dim + 1) + c] /= Math.sqrt(norm);
            rows[i * (dim + 1) + dim] = equalMasses ? 1.0 / n : (1 + i % 7) / (4.0 * n);
        }
        try {
            Npy.write(file, new Table(n, dim + 1, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run directory with the given scenario.yaml text. */
    static Path scenario(Path dir, String yaml) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RunLayout.SCENARIO), yaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One recorded particle at one recorded step: its coordinates then its mass. */
    interface Row {
        double[] at(int step, int particle);
    }

    /**
     * {@code trajectories-steps.npy} (steps 0, 10, 20, ... at mean-field times 0, dt, 2 dt, ...) and
     * {@code trajectories-<pop>.npy} of shape (steps, k, dim + 1) from {@code row}.
     */
    static void trajectories(Path dir, String pop, int steps, int k, int dim, double dt, Row row) {
        double[] st = new double[2 * steps], data = new double[steps * k * (dim + 1)];
        for (int s = 0; s < steps; s++) {
            st[2 * s] = 10 * s;
            st[2 * s + 1] = s * dt;
            for (int i = 0; i < k; i++) System.arraycopy(row.at(s, i), 0, data, (s * k + i) * (dim + 1), dim + 1);
        }
        try {
            Npy.write(dir.resolve(TrajectoryPlot.STEPS), new long[] {steps, 2}, st);
            Npy.write(dir.resolve(TrajectoryPlot.file(pop)), new long[] {steps, k, dim + 1}, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file is a PNG that ImageIO reads, with a picture in it. */
    static void assertPng(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " exists");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is an image ImageIO reads");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0, png + " has a size");
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 8 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', png + " is a PNG");
    }
}
