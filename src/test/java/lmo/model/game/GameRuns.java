package lmo.model.game;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.engine.Simulation;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;

/**
 * Game scenarios for engine-level tests: Example 4.1 of Wang–Chizat (2 + 2 particles on the circle) or a random
 * Fourier payoff, with a {@code gda} variant given as {@code "cp-mp conic simultaneous"}.
 */
final class GameRuns {
    private GameRuns() {}

    /** Example 4.1's equilibrium: x = (3/8, 7/8), y = (1/8, 5/8), weights 1/2. */
    static final double[] MNE = {0.375, 0.875, 0.125, 0.625};

    /** Every variant of gda: method x update x players (alternating is cp-mda only). */
    static final List<String> VARIANTS = List.of(
            "cp-mda conic simultaneous", "cp-mda weights simultaneous", "cp-mda positions simultaneous",
            "cp-mda conic alternating", "cp-mda weights alternating", "cp-mda positions alternating",
            "cp-mp conic simultaneous", "cp-mp weights simultaneous", "cp-mp positions simultaneous");

    /**
     * @param x positions of x, {@code a} its weights; likewise y, b
     * @param extra more YAML lines at the top level (engine, output)
     */
    static Simulation example41(Path dir, double epsilon, String variant, double eta, double etaM, int steps,
            double[] x, double[] a, double[] y, double[] b, String extra) throws Exception {
        return build(dir, example41Yaml(epsilon, variant, eta, etaM, steps, x, a, y, b, extra));
    }

    /** The YAML of {@link #example41}. */
    static String example41Yaml(double epsilon, String variant, double eta, double etaM, int steps,
            double[] x, double[] a, double[] y, double[] b, String extra) {
        return "steps: " + steps + "\n"
                + "populations:\n"
                + "  x: {count: 2, space: {type: torus, dim: 1}, init: {type: list, positions: [[" + x[0] + "], [" + x[1]
                + "]], masses: [" + a[0] + ", " + a[1] + "]}}\n"
                + "  y: {count: 2, space: {type: torus, dim: 1}, init: {type: list, positions: [[" + y[0] + "], [" + y[1]
                + "]], masses: [" + b[0] + ", " + b[1] + "]}}\n"
                + "model: {type: game, payoff: {type: example-4.1, epsilon: " + epsilon + "}}\n"
                + dynamics(variant, eta, etaM) + extra;
    }

    /** A random Fourier payoff of order 2 on T^2 x T^2, 13 x 17 particles drawn uniformly. */
    static Simulation fourier(Path dir, String variant, String path, int steps, int shards, int blockSize)
            throws Exception {
        return build(dir, fourierYaml(dynamics(variant, 0.01, 0.05), path, steps, shards, blockSize));
    }

    /** The YAML of {@link #fourier} with the given {@code dynamics:} line. */
    static String fourierYaml(String dynamicsLine, String path, int steps, int shards, int blockSize) {
        return "seed: 7\nsteps: " + steps + "\n"
                + "populations:\n"
                + "  x: {count: 13, space: {type: torus, dim: 2}, init: {type: uniform}}\n"
                + "  y: {count: 17, space: {type: torus, dim: 2}, init: {type: uniform}}\n"
                + "model: {type: game, path: " + path + ", payoff: {type: fourier, random: {order: 2, seed: 3}},"
                + " niError: {grid: 16}}\n"
                + dynamicsLine
                + "engine: {shards: " + shards + ", blockSize: " + blockSize + "}\noutput: {every: 5}\n";
    }

    static String dynamics(String variant, double eta, double etaM) {
        String[] v = variant.split(" ");
        return "dynamics: {type: gda, method: " + v[0] + ", update: " + v[1] + ", players: " + v[2] + ", stepSize: "
                + eta + ", massStepSize: " + etaM + "}\n";
    }

    static Simulation build(Path dir, String yaml) throws Exception {
        Path f = Files.createTempFile(dir, "game", ".yaml");
        Files.writeString(f, yaml);
        return Assembler.build(ScenarioLoader.load(f, List.of()));
    }
}
