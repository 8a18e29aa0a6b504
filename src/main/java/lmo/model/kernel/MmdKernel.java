package lmo.model.kernel;

import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * One way of computing the kernel discrepancy {@code 1/2 ||mu - nu||_k^2} of one population, behind
 * {@link MmdModel}. Called only with blocks of the model's population and dimension; immutable and thread-safe.
 */
interface MmdKernel {

    /** The single reduce round. */
    Reduction reduction();

    /** Adds the block's share of the SUM summary to {@code out} (SUM kernels only). */
    default void partial(Block block, double[] out) {
        throw new UnsupportedOperationException("no SUM round");
    }

    /** V and grad V at the block's particles, and the block's share of the metric sums. */
    void firstVariation(Block block, Summaries summaries, double[] v, double[] gradV, double[] metricSums);

    int metricSumLength();

    /** F at the state the summaries were taken from. */
    double energy(Summaries summaries, double[] metricSums);

    /** Kernel (pair) evaluations per step with {@code count} particles. */
    double pairEvaluations(int count);

    /** Why a stale summary is refused for this kernel (see {@code Model#staleSummaryProblem}), or null. */
    default String staleSummaryProblem() { return null; }

    /** See {@code Model#largestLinearRate}: NaN unless the kernel knows it. */
    default double largestLinearRate() { return Double.NaN; }

    /** The block size that keeps the reduce traffic small, for {@code count} particles. */
    int defaultBlockSize(int count);
}
