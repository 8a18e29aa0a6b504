package lmo.model.kernel;

import java.util.Arrays;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * The kernel discrepancy {@code F(mu) = 1/2 ||mu - nu||_k^2 = 1/2 int int k(x,y) d(mu-nu)(x) d(mu-nu)(y)} of one
 * population {@code mu = sum_i m_i delta_{x_i}} (masses as the blocks hold them) toward a fixed {@link Target} nu.
 * First variation {@code V(x) = int k(x,y) d(mu - nu)(y)} and its gradient in x; blocks of other populations get
 * {@code v = 0, gradV = 0}. Metric {@code energy} = F at the state the summaries were taken from, with the diagonal
 * {@code i = j} included (the V-statistic).
 *
 * <p>Kernels:
 * <ul>
 *   <li>{@link #sobolevExact}: the periodic Sobolev (Riesz) kernel {@code K_s(x) = sum_{k != 0} (2 pi |k|)^(-2s)
 *       e^(2 pi i k x)} on the unit circle, in closed form (Bernoulli polynomial); GATHER.</li>
 *   <li>{@link #sobolevFourier}: the same kernel on T^d, truncated to {@code 0 < |k|_inf <= modes}; SUM of Fourier
 *       coefficients.</li>
 *   <li>{@link #gaussian}, {@link #energy}: {@code exp(-|x-y|^2/(2 sigma^2))} and {@code -|x-y|} in R^d, against a
 *       samples target; GATHER, Vector API hot loop.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class MmdModel implements Model {
    private final int population;
    private final int dim;
    private final String name;
    private final MmdKernel kernel;

    private MmdModel(int population, int dim, String name, MmdKernel kernel) {
        if (population < 0) throw new IllegalArgumentException("population index must be >= 0, got " + population);
        this.population = population;
        this.dim = dim;
        this.name = name;
        this.kernel = kernel;
    }

    /**
     * Sobolev kernel {@code H^-s} on the unit circle (d = 1, positions in [0,1)), integer {@code 1 <= s <= 10}, exact
     * closed form {@code K_s(x) = (-1)^(s+1) B_2s({x})/(2s)!}, with {@code K_s'(0) = 0}. Any target of dimension 1.
     */
    public static MmdModel sobolevExact(int population, int s, Target target) {
        target.requireDim(1, "sobolevExact");
        return new MmdModel(population, 1, "sobolevExact(s=" + s + ")", new SobolevExactKernel(s, target));
    }

    /**
     * Sobolev kernel {@code H^-s} on the unit torus T^d, real {@code s >= 1} (any s > 0 is accepted), as the Fourier
     * sum over {@code 0 < |k|_inf <= modes}. Any target of dimension {@code dim}.
     */
    public static MmdModel sobolevFourier(int population, int dim, double s, int modes, Target target) {
        target.requireDim(dim, "sobolevFourier");
        return new MmdModel(population, dim, "sobolevFourier(s=" + s + ", modes=" + modes + ")",
            new FourierSobolev(dim, s, modes, target));
    }

    /** Gaussian kernel {@code exp(-|x-y|^2/(2 sigma^2))} in R^d (or on a sphere embedded in R^d), samples target. */
    public static MmdModel gaussian(int population, int dim, double sigma, Target samples) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("gaussian: sigma must be > 0, got " + sigma);
        return new MmdModel(population, dim, "gaussian(sigma=" + sigma + ")",
            new RadialKernelSums(RadialKernelSums.Kind.GAUSSIAN, dim, sigma, samples));
    }

    /** Energy-distance kernel {@code -|x-y|} in R^d (gradient 0 at x = y), samples target. */
    public static MmdModel energy(int population, int dim, Target samples) {
        return new MmdModel(population, dim, "energy", new RadialKernelSums(RadialKernelSums.Kind.ENERGY, dim, 0, samples));
    }

    /**
     * The engine block size for {@code count} particles. GATHER kernels: 256 (the gathered traffic is
     * {@code count * (dim + 1)} doubles whatever the block size). Fourier SUM kernel with L doubles per partial: the
     * smallest multiple of 64, at least 256, with {@code ceil(count / blockSize) * L <= 4,000,000} (32 MB of partials
     * per reduce round), or one block holding everything if even that is too much.
     */
    public int defaultBlockSize(int count) { return kernel.defaultBlockSize(count); }

    @Override public int defaultBlockSize(int[] counts) { return defaultBlockSize(counts[population]); }

    /**
     * Kernel evaluations per step with {@code count} particles in the population: {@code N (N + M)} for gathered
     * kernels with M target samples, {@code 2 N H} for the Fourier kernel with H kept modes.
     */
    public double pairEvaluationsPerStep(int count) { return kernel.pairEvaluations(count); }

    @Override public double pairEvaluationsPerStep(int[] counts) { return pairEvaluationsPerStep(counts[population]); }

    public int population() { return population; }

    public int dim() { return dim; }

    @Override public Reduction reduction(int round) {
        if (round != 0) throw new IllegalArgumentException("MMD models have one round, asked for round " + round);
        return kernel.reduction();
    }

    @Override public void partial(int round, Block block, Summaries done, double[] out) {
        if (round != 0) throw new IllegalArgumentException("MMD models have one round, asked for round " + round);
        if (block.population() != population) return;
        requireDim(block);
        kernel.partial(block, out);
    }

    @Override public void firstVariation(Block block, Summaries summaries, double[] v, double[] gradV, double[] metricSums) {
        if (block.population() != population) {
            Arrays.fill(v, 0, block.count(), 0.0);
            Arrays.fill(gradV, 0, block.count() * block.dim(), 0.0);
            return;
        }
        requireDim(block);
        kernel.firstVariation(block, summaries, v, gradV, metricSums);
    }

    @Override public int metricSumLength() { return kernel.metricSumLength(); }

    @Override public List<String> metricNames() { return List.of("energy"); }

    /**
     * A stale summary is the measure of an earlier state: V and its gradient at a particle's current position are
     * those of the kernel against that earlier measure (the particle's own earlier copy included) minus the target's.
     * Refused for kernels with a kink at 0 (see the kernels).
     */
    @Override public String staleSummaryProblem() { return kernel.staleSummaryProblem(); }

    @Override public boolean partialsLinearInMass() { return true; }

    /**
     * The Sobolev kernels with a uniform target: around {@code mu = nu} (mass 1) the density perturbation f of
     * {@code rho = 1 + f} follows {@code df/dt = -(-Delta)^(1-s) f} (truncated to the kept modes on the Fourier
     * path), so mode k decays at rate {@code (2 pi |k|)^(2 - 2s)} and the largest rate is
     * {@code max_k (2 pi |k|)^(2 - 2s)} over the kernel's modes: {@code (2 pi)^(2 - 2s)} at {@code |k| = 1} for
     * s >= 1. NaN for the other kernels and targets (a non-uniform target mixes the modes).
     */
    @Override public double largestLinearRate() { return kernel.largestLinearRate(); }

    @Override public double[] metrics(Summaries summaries, double[] metricSums) {
        return new double[] {kernel.energy(summaries, metricSums)};
    }

    @Override public String toString() { return "MmdModel[" + name + ", population " + population + ", dim " + dim + "]"; }

    private void requireDim(Block block) {
        if (block.dim() != dim) {
            throw new IllegalArgumentException(name + ": block of population " + population + " has dim " + block.dim() + ", model has " + dim);
        }
    }
}
