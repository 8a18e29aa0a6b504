/**
 * Entropic optimal transport between two weighted point clouds, online and in the log domain (Chizat 2024,
 * "Annealed Sinkhorn for optimal transport", arXiv 2408.11620): no n x m matrix in the solver, memory O(n + m).
 *
 * <ul>
 *   <li>{@link lmo.transport.Cost}: {@code |x - y|^2} or {@code 1/2 |x - y|^2}, divided by 1, its max or its
 *   oscillation; rows computed on the fly.</li>
 *   <li>{@link lmo.transport.LogSumExp}: the (max, sum) accumulator and its fixed-order combine.</li>
 *   <li>{@link lmo.transport.InverseTemperature}: constant, annealed, debiased-annealed, epsilon-scaling
 *   schedules of beta = 1 / epsilon.</li>
 *   <li>{@link lmo.transport.OnlineSinkhorn}: the block kernels {@code uRows}, {@code vPartial}, {@code combine},
 *   {@code vFrom} and the driver {@code solve}; results in {@link lmo.transport.SinkhornResult} with
 *   {@link lmo.transport.PlanMetrics} per iteration.</li>
 *   <li>{@link lmo.transport.Rounding} (Algorithm 2) and {@link lmo.transport.ExactOt} (network simplex,
 *   Hungarian) for the rounded suboptimality {@code <c, round(pi_t)> - OT} on problems that fit a dense plan.</li>
 * </ul>
 */
package lmo.transport;
