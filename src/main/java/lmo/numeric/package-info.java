/**
 * Numerical building blocks shared by the model kernels and the transport solvers: {@link lmo.numeric.ExpPoly}, an
 * {@code exp} from fma, multiply and shifts only, and {@link lmo.numeric.VectorExp}, the same operations lane-wise
 * (Vector API), so that scalar and vector kernels give identical bits.
 */
package lmo.numeric;
