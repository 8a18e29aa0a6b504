package lmo.engine;

import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.model.Model;
import lmo.particles.Population;

/** Small deterministic simulations for engine tests. */
final class Fixtures {
    private Fixtures() {}

    /** n particles in R^dim at scrambled but deterministic positions, masses 1/n. */
    static Population cloud(String name, int index, int n, int dim) {
        double[] x = new double[n * dim];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                double t = (i + 1) * (0.6180339887498949 + 0.1 * c);
                x[i * dim + c] = 4 * (t - Math.floor(t)) - 2;
            }
            m[i] = 1.0 / n;
        }
        return new Population(name, index, new FlatSpace(dim), x, m);
    }

    static Simulation sim(int n, int dim, Model model, Dynamics dyn, int steps, int blockSize, int shards) {
        return new Simulation("test", 11, steps, List.of(cloud("p", 0, n, dim)), model, dyn, blockSize, shards, 1, 0);
    }
}
