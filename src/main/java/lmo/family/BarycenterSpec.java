package lmo.family;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;

/**
 * {@code model.type: barycenter}: the (lambda, tau)-barycenter of the {@code inputs} with weights {@code weights},
 * cost {@code 1/2 |x - y|^2}, by noisy particle descent over the particles of {@code population}
 * ({@link lmo.model.barycenter.ParticleBarycenter}, solver {@code particles}) or by damped Sinkhorn on the
 * population's grid ({@link lmo.model.barycenter.GridBarycenterModel}, solver {@code grid}).
 *
 * @param weights w_k, positive, summing to 1 (normalised by the binder)
 * @param solver {@code particles} or {@code grid}
 * @param stepSize eta of {@code particles} (NaN for grid)
 * @param sinkhornIterations warm-started Sinkhorn iterations per input and step of {@code particles}, at most with
 *     an inner tolerance (0 for grid)
 * @param innerTolerance the marginal error that stops the inner iterations of {@code particles} (NaN: none, the
 *     fixed count; NaN for grid)
 * @param overRelaxation omega of the inner iterations of {@code particles} (1: plain Sinkhorn; 1 for grid)
 * @param damping the damping of {@code grid} (NaN: min(1, tau / lambda); NaN for particles)
 */
public record BarycenterSpec(String population, double lambda, double tau, List<Input> inputs, double[] weights,
                             String solver, double stepSize, int sinkhornIterations, double innerTolerance,
                             double overRelaxation, double damping) implements ModelSpec {
    public BarycenterSpec {
        inputs = List.copyOf(inputs);
        weights = weights.clone();
    }

    @Override public double[] weights() { return weights.clone(); }
    @Override public String type() { return "barycenter"; }

    @Override public boolean equals(Object o) {
        return o instanceof BarycenterSpec b && population.equals(b.population) && Double.compare(lambda, b.lambda) == 0
                && Double.compare(tau, b.tau) == 0 && inputs.equals(b.inputs) && Arrays.equals(weights, b.weights)
                && solver.equals(b.solver) && Double.compare(stepSize, b.stepSize) == 0
                && sinkhornIterations == b.sinkhornIterations && Double.compare(innerTolerance, b.innerTolerance) == 0
                && Double.compare(overRelaxation, b.overRelaxation) == 0 && Double.compare(damping, b.damping) == 0;
    }

    @Override public int hashCode() { return Objects.hash(population, lambda, tau, inputs, Arrays.hashCode(weights), solver); }
    @Override public PotentialSpec potential() { return null; }

    /** An input measure nu_k. */
    public sealed interface Input permits Gaussian, Atoms, FileInput {
        String type();
    }

    /**
     * N(mean, variance I): as a weighted lattice of {@code points} per axis over +-{@code radius} standard deviations
     * ({@code sampling: lattice}), or {@code count} moment-matched samples ({@code sampling: random}); a density
     * on the grid for the grid solver.
     */
    public record Gaussian(double[] mean, double variance, String sampling, int points, double radius, int count)
            implements Input {
        public Gaussian {
            mean = mean.clone();
        }

        @Override public double[] mean() { return mean.clone(); }
        @Override public String type() { return "gaussian"; }

        @Override public boolean equals(Object o) {
            return o instanceof Gaussian g && Arrays.equals(mean, g.mean) && Double.compare(variance, g.variance) == 0
                    && sampling.equals(g.sampling) && points == g.points && Double.compare(radius, g.radius) == 0
                    && count == g.count;
        }

        @Override public int hashCode() { return Objects.hash(Arrays.hashCode(mean), variance, sampling, points, radius, count); }
    }

    /** Atoms listed in the scenario, with weights (normalised). */
    public record Atoms(double[][] points, double[] weights) implements Input {
        @Override public String type() { return "atoms"; }

        @Override public boolean equals(Object o) {
            return o instanceof Atoms a && Arrays.deepEquals(points, a.points) && Arrays.equals(weights, a.weights);
        }

        @Override public int hashCode() { return 31 * Arrays.deepHashCode(points) + Arrays.hashCode(weights); }
    }

    /** The first {@code rows} rows of a {@code .npy}/{@code .csv} file: d columns, or d + 1 with the weights last. */
    public record FileInput(Path file, int rows) implements Input {
        @Override public String type() { return "file"; }
    }
}
