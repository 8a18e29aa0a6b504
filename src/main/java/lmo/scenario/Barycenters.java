package lmo.scenario;

import java.util.ArrayList;
import java.util.List;
import lmo.engine.Population;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.barycenter.BarycenterMetrics;
import lmo.model.barycenter.GridBarycenterModel;
import lmo.model.barycenter.ParticleBarycenter;
import lmo.transport.barycenter.GaussianBarycenter;
import lmo.transport.barycenter.GridBarycenter;
import lmo.transport.barycenter.PointCloud;
import lmo.transport.barycenter.TensorGrid;
import lmo.family.BarycenterSpec;

/** Builds the barycenter models of {@link BarycenterSpec}: the inputs as point clouds or as weights on the grid. */
final class Barycenters {
    private Barycenters() {}

    static Model model(BarycenterSpec b, Scenario s, Population p) throws ScenarioException {
        int dim = p.dim();
        BarycenterMetrics metrics = metrics(b, dim).stating(b.lambda(), b.tau());
        try {
            if (b.solver().equals("grid")) {
                GridInit init = (GridInit) s.populations().get(p.name()).init();
                TensorGrid grid = cellCentres(init, dim, p.count());
                double[][] logInputs = new double[b.inputs().size()][];
                for (int k = 0; k < logInputs.length; k++) logInputs[k] = onGrid(b.inputs().get(k), k, grid, s.locations());
                GridBarycenter solver = new GridBarycenter(grid, logInputs, b.weights(), b.lambda(), b.tau());
                if (!Double.isNaN(b.damping())) solver.damping(b.damping());
                return new GridBarycenterModel(p.index(), solver, metrics);
            }
            List<PointCloud> clouds = new ArrayList<>();
            for (int k = 0; k < b.inputs().size(); k++) clouds.add(cloud(b.inputs().get(k), k, dim, s.seed()));
            return new ParticleBarycenter(p.index(), dim, clouds, b.weights(), b.lambda(), b.sinkhornIterations(),
                    p.initialMass(), metrics);
        } catch (IllegalArgumentException e) {
            throw s.locations().error("model", e.getMessage());
        }
    }

    /** The closed-form reference when every input is an isotropic Gaussian. */
    private static BarycenterMetrics metrics(BarycenterSpec b, int dim) {
        int k = b.inputs().size();
        double[][] means = new double[k][];
        double[] variances = new double[k];
        for (int i = 0; i < k; i++) {
            if (!(b.inputs().get(i) instanceof BarycenterSpec.Gaussian g)) return new BarycenterMetrics(dim, k, null, 0);
            means[i] = g.mean();
            variances[i] = g.variance();
        }
        double s2 = GaussianBarycenter.variance(variances, b.weights(), b.lambda(), b.tau());
        if (!(s2 > 0)) return new BarycenterMetrics(dim, k, null, 0);
        return new BarycenterMetrics(dim, k, GaussianBarycenter.mean(means, b.weights()), s2);
    }

    /** The grid init's cell centres: per axis n points from low + h/2 to high - h/2, h = (high - low) / n. */
    static TensorGrid cellCentres(GridInit init, int dim, int count) {
        int n = (int) Math.round(Math.pow(count, 1.0 / dim));
        double[] lo = new double[dim], hi = new double[dim];
        int[] counts = new int[dim];
        for (int a = 0; a < dim; a++) {
            double low = init.low() == null ? 0 : init.low()[a];
            double high = init.high() == null ? 1 : init.high()[a];
            double h = (high - low) / n;
            lo[a] = low + h / 2;
            hi[a] = high - h / 2;
            counts[a] = n;
        }
        return new TensorGrid(lo, hi, counts);
    }

    private static PointCloud cloud(BarycenterSpec.Input in, int k, int dim, long seed) throws ScenarioException {
        if (in instanceof BarycenterSpec.Gaussian g) {
            return g.sampling().equals("lattice") ? PointCloud.gaussianLattice(g.mean(), g.variance(), g.points(), g.radius())
                    : PointCloud.gaussianSample(g.mean(), g.variance(), g.count(), seed, k);
        }
        double[][] rows = points(in, k, dim);
        List<double[]> kept = new ArrayList<>();
        double[] weights = rows[rows.length - 1];
        double total = 0;
        for (int j = 0; j < weights.length; j++) if (weights[j] > 0) total += weights[j];
        List<Double> w = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] > 0) {
                kept.add(rows[j]);
                w.add(weights[j] / total);
            }
        }
        double[] y = new double[kept.size() * dim];
        for (int j = 0; j < kept.size(); j++) System.arraycopy(kept.get(j), 0, y, j * dim, dim);
        return new PointCloud(dim, y, w.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The input's points (rows 0 .. M-1, each of dim coordinates), then their weights (row M, not normalised). */
    private static double[][] points(BarycenterSpec.Input in, int k, int dim) throws ScenarioException {
        if (in instanceof BarycenterSpec.Atoms a) {
            double[][] out = new double[a.points().length + 1][];
            System.arraycopy(a.points(), 0, out, 0, a.points().length);
            out[a.points().length] = a.weights().clone();
            return out;
        }
        BarycenterSpec.FileInput f = (BarycenterSpec.FileInput) in;
        Table t = Assembler.read(f.file(), f.rows(), "model.inputs[" + k + "].file");
        double[][] out = new double[t.rows() + 1][];
        double[] w = new double[t.rows()];
        for (int j = 0; j < t.rows(); j++) {
            out[j] = new double[dim];
            for (int c = 0; c < dim; c++) out[j][c] = t.get(j, c);
            w[j] = t.cols() > dim ? t.get(j, dim) : 1.0;
        }
        out[t.rows()] = w;
        return out;
    }

    /**
     * Log-weights of input k on the grid: a Gaussian's density at the nodes, or the atoms' weights deposited at
     * their nearest node.
     */
    private static double[] onGrid(BarycenterSpec.Input in, int k, TensorGrid grid, Locations where)
            throws ScenarioException {
        if (in instanceof BarycenterSpec.Gaussian g) return grid.logGaussian(g.mean(), g.variance());
        int dim = grid.dim();
        double[][] rows = points(in, k, dim);
        double[] weights = rows[rows.length - 1];
        double[] mass = new double[grid.size()];
        for (int j = 0; j < weights.length; j++) {
            int flat = 0;
            for (int a = 0; a < dim; a++) {
                double lo = grid.coordinate(a, 0), h = grid.spacing(a);
                long i = Math.round((rows[j][a] - lo) / h);
                if (i < 0 || i >= grid.count(a)) {
                    throw where.error("model.inputs[" + k + "]", "point " + j + " " + java.util.Arrays.toString(rows[j])
                            + " lies outside the grid of the population (axis " + a + ": " + (lo - h / 2) + " .. "
                            + (grid.coordinate(a, grid.count(a) - 1) + h / 2) + ")");
                }
                flat = flat * grid.count(a) + (int) i;
            }
            mass[flat] += weights[j];
        }
        double[] lw = new double[mass.length];
        for (int l = 0; l < lw.length; l++) lw[l] = Math.log(mass[l]);
        return lw;
    }
}
