/**
 * Doubly regularised (lambda, tau)-barycenters, cost {@code c(x, y) = 1/2 |x - y|^2} throughout:
 *
 * <pre>
 *   mu*_{lambda,tau} = argmin_mu  sum_k w_k T_lambda(mu, nu_k) + tau H(mu),
 *   T_lambda(mu, nu) = min_{gamma in Pi(mu, nu)} int 1/2 |x - y|^2 dgamma + lambda KL(gamma | mu (x) nu),
 *   H(mu) = int log(dmu/dx) dmu   (entropy relative to Lebesgue),  w_k > 0,  sum_k w_k = 1.
 * </pre>
 *
 * lambda is the inner (transport) strength, tau the outer (barycenter entropy) strength. (lambda, lambda) is the
 * classical IBP / Cuturi–Doucet entropic barycenter, (lambda, lambda/2) the debiased one, (0, 0) the Wasserstein
 * barycenter. For the cost |x - y|^2 use (lambda/2, tau/2) in these formulas. Sources: Chizat, arXiv 2303.11844
 * (definition, NPGD) and Vaškevičius–Chizat, arXiv 2307.13370 (damped Sinkhorn); see shared/papers/transport.md §2–3.
 *
 * <ul>
 *   <li>{@link lmo.transport.barycenter.GaussianBarycenter}, {@link lmo.transport.barycenter.GaussianEot}: the
 *   closed forms (test oracles).</li>
 *   <li>{@link lmo.transport.barycenter.GridBarycenter}: the reference solver on a tensor grid (damped Sinkhorn,
 *   log domain, separable kernel).</li>
 *   <li>{@link lmo.transport.barycenter.NoisyParticleDescent}: noisy particle gradient descent with warm-started
 *   online Sinkhorn towards each input.</li>
 * </ul>
 */
package lmo.transport.barycenter;
