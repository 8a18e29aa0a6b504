/**
 * Deep linear networks for scalar regression and their sharpness (Marion &amp; Chizat, "Deep linear networks for
 * regression are implicitly regularized towards flat minima", arXiv 2405.13456): a plain library, no engine, no
 * actors.
 *
 * <pre>
 *   f(x) = W_L ... W_1 x   (plain)   or   r' W_L ... W_1 x   (residual, r fixed),
 *   R(theta) = (1/n) sum_i (y_i - f(x_i))^2                       -- no 1/2, as in the authors' code
 *   S(theta) = lambda_max(Hessian of R),   S(theta*) >= 2 L |w*|^(2-2/L) a  at every global minimiser theta*,
 *   a = w*' Sigma w* / |w*|^2,  Sigma = X'X/n;   critical step  eta_c = 2 / S_min = 1 / (L a)  when |w*| = 1.
 * </pre>
 *
 * <h2>Use</h2>
 * <pre>
 *   Regression data = Regression.paper(50, 5, 1.0, seed);        // n, d, label noise; |w*| = 1
 *   DeepLinearNetwork net = DeepLinearNetwork.plain(10, 5);        // or residual(L, d, randomReadout(d, seed))
 *   double[] theta0 = net.gaussianInit(0.35, seed);                // or net.residualInit(0.25, seed)
 *   GradientDescent.Run run = GradientDescent.run(net, data, theta0, 0.02, 4000);
 *   Sharpness.Estimate s = Sharpness.of(net, run.theta(), data);   // Lanczos on exact Hessian-vector products
 *   double bound = Sharpness.lowerBound(net, data);                // 2 L a |w*|^(2-2/L) |r|^(2/L)
 *   double etaC = GradientDescent.criticalStep(net, data);         // 2 / bound
 *   double[] star = Minimisers.balancedRankOne(net, data);         // W_k = s u u', W_L = s u', s^L = |w*|
 * </pre>
 *
 * <h2>Parameter layout</h2>
 * One flat {@code double[] theta}: layer k (1-based) at {@code (k-1) d^2}, W_k row-major, {@code rows(k) x d}
 * (rows = d, except 1 for the plain network's last layer); length {@code (L-1) d^2 + d} (plain) or {@code L d^2}
 * (residual). Directions for Hessian-vector products use the same layout.
 *
 * <h2>Random numbers</h2>
 * {@link lmo.rng.CounterRng}, population word 0, the {@code STREAM_DEEP_LINEAR_*} streams listed there: 30 inputs (key {@code (seed, 0, i, 0, 30)}, row i), 31 teacher ({@code (seed, 0, 0, 0, 31)}), 32 label
 * noise ({@code (seed, 0, i, 0, 32)}), 33 layer initialisation ({@code (seed, 0, k, 0, 33)}, layer k), 34 read-out
 * ({@code (seed, 0, 0, 0, 34)}), 35 Lanczos / power start vector ({@code (seed, 0, 0, 0, 35)}), 36 random
 * reparametrisation of minimisers ({@code (seed, 0, k, 0, 36)}). {@code lmo.deep.mlp} uses 30 .. 32 with other
 * meanings: the two never run in one scenario, so their keys never meet. JAX's {@code PRNGKey(0)} numbers are not reproduced.
 *
 * <h2>Cost</h2>
 * Gradient and Hessian-vector product: {@code O(L d^2 + n d)} each (the Hessian is never formed). Measured (JDK 17,
 * one thread, n = 50, d = 5, L = 10): 4000 GD steps take about 15 ms after warm-up; a sharpness at a minimiser takes
 * 6 Lanczos steps (H has rank <= d there), well under a millisecond; the whole test set runs in under a second.
 */
package lmo.deep.linear;
