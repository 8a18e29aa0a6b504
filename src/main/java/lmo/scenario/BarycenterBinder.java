package lmo.scenario;

import java.util.ArrayList;
import java.util.List;
import lmo.scenario.MapReader.Check;

/**
 * Binds {@code model} of type {@code barycenter}: the population (euclidean; for the grid solver, on a {@code grid}
 * init), lambda and tau, the inputs checked against the population's dimension, the barycentric weights and the
 * solver.
 */
final class BarycenterBinder {
    private final DataFiles files;

    BarycenterBinder(DataFiles files) {
        this.files = files;
    }

    BarycenterSpec bind(MapReader m, String population, PopulationSpec pop) throws ScenarioException {
        SpaceSpec space = pop.space();
        if (!space.type().equals("euclidean")) {
            String msg = "barycenter needs a euclidean population, got a " + space.type() + " (population '" + population + "')";
            throw m.has("population") ? m.error("population", msg) : m.node.origin().error(m.path, msg);
        }
        int dim = space.dim();
        double lambda = m.requireDouble("lambda", Check.greaterThan(0));
        MapReader s = m.requireMap("solver");
        String solver = s.choice("type", null, Keys.BARYCENTER_SOLVER.keySet());
        s.allow(Keys.BARYCENTER_SOLVER.get(solver));
        boolean grid = solver.equals("grid");
        double tau = m.requireDouble("tau", grid ? Check.greaterThan(0) : Check.atLeast(0));
        if (grid && !(pop.init() instanceof GridInit)) {
            throw s.error("type", "the grid solver computes on the grid of its population: population '" + population
                    + "' needs init {type: grid, low, high} (count = n^" + dim + "), got init " + pop.init().type());
        }
        List<Node> items = m.requireList("inputs");
        if (items.isEmpty()) throw m.error("inputs", "expected at least one input measure");
        List<BarycenterSpec.Input> inputs = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            inputs.add(input(MapReader.of(items.get(k), m.path + ".inputs[" + k + "]"), dim, grid));
        }
        checkPoints(m, inputs, grid ? pop.count() : 0);
        double[] w = new double[inputs.size()];
        java.util.Arrays.fill(w, 1.0);
        if (m.has("weights")) w = m.doubles("weights", inputs.size(), Check.greaterThan(0));
        m.resolve("weights", w.clone());
        double total = 0;
        for (double v : w) total += v;
        for (int k = 0; k < w.length; k++) w[k] /= total;
        double nan = Double.NaN;
        if (grid) {
            double damping = s.optDouble("damping", nan, Check.between(0, 1));
            if (s.has("damping") && !(damping > 0)) throw s.error("damping", "must be in (0, 1], got 0");
            return new BarycenterSpec(population, lambda, tau, inputs, w, solver, nan, 0, damping);
        }
        double eta = s.requireDouble("stepSize", Check.greaterThan(0));
        int iterations = s.optInt("sinkhornIterations", 1, Check.atLeast(1));
        return new BarycenterSpec(population, lambda, tau, inputs, w, solver, eta, iterations, nan);
    }

    /**
     * The particles solver keeps a potential on every input point, all in one array: the inputs' points in all are
     * at most {@link Limits#MAX_ARRAY}; the grid solver keeps each input on the grid ({@code nodes} doubles each).
     */
    private static void checkPoints(MapReader m, List<BarycenterSpec.Input> inputs, long nodes) throws ScenarioException {
        double total = 0;
        for (BarycenterSpec.Input in : inputs) total += nodes > 0 ? nodes : points(in);
        if (total > Limits.MAX_ARRAY) {
            throw m.error("inputs", (nodes > 0 ? "the grid solver keeps every input on the grid, inputs x nodes = "
                    + inputs.size() + " x " + nodes : "the inputs have " + (long) total + " points in all") + " doubles,"
                    + " more than one Java array holds (" + Limits.MAX_ARRAY + "): use fewer or smaller inputs");
        }
    }

    private static double points(BarycenterSpec.Input in) {
        if (in instanceof BarycenterSpec.Gaussian g) {
            return g.sampling().equals("lattice") ? Math.pow(g.points(), g.mean().length) : g.count();
        }
        if (in instanceof BarycenterSpec.Atoms a) return a.points().length;
        return ((BarycenterSpec.FileInput) in).rows();
    }

    private BarycenterSpec.Input input(MapReader m, int dim, boolean grid) throws ScenarioException {
        String type = m.choice("type", null, Keys.BARYCENTER_INPUT.keySet());
        m.allow(Keys.BARYCENTER_INPUT.get(type));
        switch (type) {
            case "gaussian": {
                double[] mean = m.doubles("mean", dim, Check.ANY);
                double variance = m.requireDouble("variance", Check.greaterThan(0));
                String sampling = m.choice("sampling", "lattice", Keys.BARYCENTER_SAMPLING);
                boolean lattice = sampling.equals("lattice");
                for (String key : List.of("sampling", "points", "radius", "count")) {
                    if (grid && m.has(key)) {
                        throw m.keyError(key, "the grid solver samples a gaussian input's density at the grid nodes;"
                                + " " + key + " applies to the particles solver");
                    }
                }
                if (lattice && m.has("count")) throw m.keyError("count", "count applies to sampling: random");
                if (!lattice && (m.has("points") || m.has("radius"))) {
                    throw m.keyError(m.has("points") ? "points" : "radius", "points and radius apply to sampling: lattice");
                }
                int points = m.optInt("points", 21, Check.atLeast(2));
                double radius = m.optDouble("radius", 5, Check.greaterThan(0));
                long n = m.optSize("count", 1000, dim + 1);
                Limits.check(Limits.oneArray("count x (dim + 1) doubles (the samples and their weights)"),
                        Limits.MAX_ARRAY, v -> (double) v[0] * (dim + 1), Limits.of(m, "count", n, dim + 1));
                int count = (int) n;
                m.forget(grid ? new String[] {"sampling", "points", "radius", "count"} : lattice ? new String[] {"count"}
                        : new String[] {"points", "radius"});
                if (lattice && Math.pow(points, dim) > 1e7) {
                    throw m.error("points", points + "^" + dim + " lattice points is too many (at most 1e7)");
                }
                return new BarycenterSpec.Gaussian(mean, variance, sampling, points, radius, count);
            }
            case "atoms": {
                List<Node> rows = m.requireList("points");
                if (rows.isEmpty()) throw m.error("points", "expected at least one point");
                double[][] points = new double[rows.size()][];
                for (int j = 0; j < points.length; j++) {
                    points[j] = MapReader.numbers(rows.get(j), m.path + ".points[" + j + "]", dim);
                }
                double[] weights = new double[points.length];
                java.util.Arrays.fill(weights, 1.0);
                if (m.has("weights")) weights = m.doubles("weights", points.length, Check.greaterThan(0));
                m.resolve("weights", weights);
                return new BarycenterSpec.Atoms(points, weights);
            }
            default: {
                DataFiles.Data d = files.read(m, "file");
                int rows = m.optInt("rows", d.table().rows(), Check.atLeast(1));
                if (rows > d.table().rows()) {
                    throw m.error("rows", d.path().getFileName() + " has " + MapReader.count(d.table().rows(), "row")
                            + ", asked for " + rows);
                }
                DataFiles.checkShape(m, "file", d, new SpaceSpec("euclidean", dim), rows, "weight", "rows");
                return new BarycenterSpec.FileInput(d.path(), rows);
            }
        }
    }
}
