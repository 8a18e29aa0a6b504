package lmo.model.game;

import lmo.space.Space;

/**
 * {@code inf} of a {@link Field} over a player's space. On a torus of dim 1 or 2: the minimum over the uniform grid of
 * step {@code 1/grid} per axis (exact at the grid points; a step {@code 1/(8m)} contains the atoms 1/8, 3/8, ... of
 * Example 4.1). Elsewhere: multi-start projected gradient descent with Armijo backtracking (sufficient decrease
 * {@code 1e-4 t |g|^2}, the trial step doubled after each accepted step and halved on rejection), returning the best
 * value found, a lower bound of nothing — a local search. On a euclidean space an iterate that runs off to
 * {@code |x| > 1e6 (1 + |start|)} means the infimum is {@code -Infinity} (an unbounded best response), and
 * {@code -Infinity} is returned.
 */
final class BestResponse {
    private BestResponse() {}

    /** Minimum over the grid {@code {0, 1/g, ..., (g-1)/g}^d}, d = 1 or 2. */
    static double grid(Field f, int grid) {
        double[] p = new double[f.dim];
        double best = Double.POSITIVE_INFINITY;
        if (f.dim == 1) {
            for (int i = 0; i < grid; i++) {
                p[0] = (double) i / grid;
                best = Math.min(best, f.eval(p, 0, null));
            }
            return best;
        }
        for (int i = 0; i < grid; i++) {
            p[0] = (double) i / grid;
            for (int j = 0; j < grid; j++) {
                p[1] = (double) j / grid;
                best = Math.min(best, f.eval(p, 0, null));
            }
        }
        return best;
    }

    /**
     * Best local minimum from every start point.
     *
     * @param starts start points, {@code dim} doubles each (modified)
     */
    static double local(Field f, Space space, double[] starts, int iterations) {
        int dim = f.dim;
        double best = Double.POSITIVE_INFINITY;
        double[] g = new double[dim], gt = new double[dim], step = new double[dim], trial = new double[dim];
        for (int at = 0; at < starts.length; at += dim) {
            double[] x = new double[dim];
            System.arraycopy(starts, at, x, 0, dim);
            double bound = 1e6 * (1 + norm(x, 0, dim));
            double fx = f.eval(x, 0, g);
            double t = 1;
            boolean euclidean = space.type().equals("euclidean");
            for (int it = 0; it < iterations && Double.isFinite(fx); it++) {
                space.projectTangent(x, 0, g, 0);
                double gn2 = 0;
                for (int c = 0; c < dim; c++) gn2 += g[c] * g[c];
                if (gn2 == 0) break;
                boolean accepted = false;
                while (t > 1e-20) {
                    System.arraycopy(x, 0, trial, 0, dim);
                    for (int c = 0; c < dim; c++) step[c] = -t * g[c];
                    space.retract(trial, 0, step, 0);
                    double ft = f.eval(trial, 0, gt);
                    if (ft <= fx - 1e-4 * t * gn2) {
                        System.arraycopy(trial, 0, x, 0, dim);
                        System.arraycopy(gt, 0, g, 0, dim);
                        fx = ft;
                        accepted = true;
                        break;
                    }
                    t /= 2;
                }
                if (!accepted) break;
                if (euclidean && norm(x, 0, dim) > bound) return Double.NEGATIVE_INFINITY;
                t *= 2;
            }
            best = Math.min(best, fx);
        }
        return best;
    }

    static double norm(double[] x, int off, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) s += x[off + c] * x[off + c];
        return Math.sqrt(s);
    }
}
