package lmo.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.barycenter.BarycenterMetrics;
import lmo.model.barycenter.GridBarycenterModel;
import lmo.model.barycenter.ParticleBarycenter;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.DataFiles;
import lmo.scenario.DynamicsSpec;
import lmo.scenario.GridInit;
import lmo.scenario.LangevinSpec;
import lmo.scenario.Limits;
import lmo.scenario.Locations;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.Node;
import lmo.scenario.NoneSpec;
import lmo.scenario.PopulationSpec;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;
import lmo.transport.barycenter.GaussianBarycenter;
import lmo.transport.barycenter.GridBarycenter;
import lmo.transport.barycenter.PointCloud;
import lmo.transport.barycenter.TensorGrid;

/**
 * {@code model.type: barycenter}: the (lambda, tau)-barycenter of input measures with barycentric weights, cost
 * {@code 1/2 |x - y|^2}, over a euclidean population: by noisy particle descent (solver {@code particles}: the
 * inputs as point clouds, dynamics langevin with the solver's step size and temperature tau, implied) or by damped
 * Sinkhorn on the population's grid (solver {@code grid}: the inputs as weights on the grid, dynamics {@code none}).
 * The closed-form reference is stated when every input is an isotropic Gaussian.
 */
public final class BarycenterFamily implements ModelFamily<BarycenterSpec> {
    static final List<String> KEYS = List.of("type", "population", "lambda", "tau", "inputs", "weights", "solver");
    static final Map<String, List<String>> SOLVER = KeyLists.ordered(
            "particles", List.of("type", "stepSize", "sinkhornIterations", "innerTolerance", "overRelaxation"),
            "grid", List.of("type", "damping"));
    static final Map<String, List<String>> INPUT = KeyLists.ordered(
            "gaussian", List.of("type", "mean", "variance", "sampling", "points", "radius", "count"),
            "atoms", List.of("type", "points", "weights"),
            "file", List.of("type", "file", "rows"));
    static final List<String> SAMPLING = List.of("lattice", "random");
    /** The default cap of the particles' inner Sinkhorn rounds per input and step with an inner tolerance. */
    static final int DEFAULT_MAX_INNER = 100;

    @Override public String type() { return "barycenter"; }
    @Override public Class<BarycenterSpec> specType() { return BarycenterSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }

    @Override
    public SortedSet<String> paths() {
        return new KeyLists().add("", KEYS).addEach("solver", SOLVER.values()).addEach("inputs[]", INPUT.values())
                .paths();
    }

    /** Noisy descent (langevin, the solver's step size, temperature tau) or, for the grid solver, none. */
    @Override
    public DynamicsSpec impliedDynamics(BarycenterSpec b) {
        return b.solver().equals("grid") ? new NoneSpec() : new LangevinSpec(b.stepSize(), b.tau());
    }

    @Override
    public String refusedDynamics(BarycenterSpec b, DynamicsSpec dynamics) {
        if (sameDynamics(dynamics, impliedDynamics(b))) return null;
        return b.solver().equals("grid")
                ? "model barycenter with solver grid moves no particle: its step is a damped Sinkhorn iteration;"
                        + " leave dynamics out"
                : "model barycenter with solver particles sets its own dynamics, langevin with stepSize = "
                        + "model.solver.stepSize and temperature = model.tau (noisy particle descent); leave"
                        + " dynamics out";
    }

    /** none = none; langevin = langevin with the same step size and the same constant temperature. */
    private static boolean sameDynamics(DynamicsSpec a, DynamicsSpec b) {
        if (a instanceof NoneSpec) return b instanceof NoneSpec;
        return a instanceof LangevinSpec x && b instanceof LangevinSpec y && x.stepSize() == y.stepSize()
                && x.scaleStepByInit() == y.scaleStepByInit() && x.temperature().type().equals("constant")
                && y.temperature().type().equals("constant") && x.temperature().a() == y.temperature().a();
    }

    @Override
    public BarycenterSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        String population = c.population(m);
        PopulationSpec pop = c.populations().get(population);
        SpaceSpec space = pop.space();
        if (!space.type().equals("euclidean")) {
            String msg = "barycenter needs a euclidean population, got a " + space.type() + " (population '" + population + "')";
            throw m.has("population") ? m.error("population", msg) : m.node.origin().error(m.path, msg);
        }
        int dim = space.dim();
        double lambda = m.requireDouble("lambda", Check.greaterThan(0));
        MapReader s = m.requireMap("solver");
        String solver = s.choice("type", null, SOLVER.keySet());
        s.allow(SOLVER.get(solver));
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
            inputs.add(input(MapReader.of(items.get(k), m.path + ".inputs[" + k + "]"), dim, grid, c));
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
            return new BarycenterSpec(population, lambda, tau, inputs, w, solver, nan, 0, nan, 1, damping);
        }
        double eta = s.requireDouble("stepSize", Check.greaterThan(0));
        double tolerance = s.optDouble("innerTolerance", nan, Check.atLeast(0));
        boolean fixed = Double.isNaN(tolerance);
        if (fixed && s.has("overRelaxation")) {
            throw s.keyError("overRelaxation", "over-relaxation applies to inner iterations to a tolerance: give"
                    + " innerTolerance too");
        }
        int iterations = s.optInt("sinkhornIterations", fixed ? 1 : DEFAULT_MAX_INNER, Check.atLeast(1));
        double omega = fixed ? 1 : s.optDouble("overRelaxation", 1, Check.between(1, 2));
        if (!(omega < 2)) throw s.error("overRelaxation", "must be in [1, 2), got " + MapReader.num(omega));
        return new BarycenterSpec(population, lambda, tau, inputs, w, solver, eta, iterations, tolerance, omega, nan);
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

    private static BarycenterSpec.Input input(MapReader m, int dim, boolean grid, BindContext c) throws ScenarioException {
        String type = m.choice("type", null, INPUT.keySet());
        m.allow(INPUT.get(type));
        switch (type) {
            case "gaussian": {
                double[] mean = m.doubles("mean", dim, Check.ANY);
                double variance = m.requireDouble("variance", Check.greaterThan(0));
                String sampling = m.choice("sampling", "lattice", SAMPLING);
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
                DataFiles.Data d = c.files().read(m, "file");
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

    // ---------------------------------------------------------------- build

    @Override
    public Model build(BarycenterSpec b, BuildContext c) throws ScenarioException {
        Population p = c.population(b.population());
        int dim = p.dim();
        BarycenterMetrics metrics = metrics(b, dim).stating(b.lambda(), b.tau());
        try {
            if (b.solver().equals("grid")) {
                GridInit init = (GridInit) c.specs().get(p.name()).init();
                TensorGrid grid = cellCentres(init, dim, p.count());
                double[][] logInputs = new double[b.inputs().size()][];
                for (int k = 0; k < logInputs.length; k++) logInputs[k] = onGrid(b.inputs().get(k), k, grid, c.where());
                GridBarycenter solver = new GridBarycenter(grid, logInputs, b.weights(), b.lambda(), b.tau());
                if (!Double.isNaN(b.damping())) solver.damping(b.damping());
                return new GridBarycenterModel(p.index(), solver, metrics);
            }
            List<PointCloud> clouds = new ArrayList<>();
            for (int k = 0; k < b.inputs().size(); k++) clouds.add(cloud(b.inputs().get(k), k, dim, c.seed()));
            ParticleBarycenter.Inner inner = Double.isNaN(b.innerTolerance())
                    ? ParticleBarycenter.Inner.fixed(b.sinkhornIterations())
                    : ParticleBarycenter.Inner.toTolerance(b.sinkhornIterations(), b.innerTolerance(), b.overRelaxation());
            return new ParticleBarycenter(p.index(), dim, clouds, b.weights(), b.lambda(), inner, p.initialMass(),
                    metrics);
        } catch (IllegalArgumentException e) {
            throw c.where().error("model", e.getMessage());
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
    private static TensorGrid cellCentres(GridInit init, int dim, int count) {
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
        Table t = DataFiles.table(f.file(), f.rows(), "model.inputs[" + k + "].file");
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

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = List.of(
            new Key("type", "`barycenter`", "required", "", "The functional."),
            new Key("lambda", "number", "required", "> 0", "The inner strength lambda."),
            new Key("tau", "number", "required", ">= 0 (`particles`), > 0 (`grid`)",
                    "The outer strength tau (for `particles`, the temperature of the noise; 0: no noise)."),
            new Key("inputs", "list of mappings", "required", "at least one",
                    "The input measures nu_k, each with a `type`."),
            new Key("inputs[].type", "`gaussian` | `atoms` | `file`", "required", "",
                    "`gaussian`: N(mean, variance I)."),
            new Key("inputs[].mean", "list of d numbers", "required", "", "`gaussian`: the mean."),
            new Key("inputs[].variance", "number", "required", "> 0",
                    "`gaussian`: sigma^2 (per coordinate, isotropic)."),
            new Key("inputs[].sampling", "`lattice` | `random`", "`lattice`", "",
                    "`gaussian`, `particles` solver: a weighted lattice (tensor product, weights proportional to "
                    + "the density), or `count` samples moment-matched to the mean and covariance exactly (keyed "
                    + "by the scenario's seed)."),
            new Key("inputs[].points", "integer, or list of rows", "`21` (lattice) / required (atoms)", ">= 2",
                    "`gaussian` lattice: points per axis over +-`radius` standard deviations."),
            new Key("inputs[].radius", "number", "`5`", "> 0",
                    "`gaussian` lattice: half-width in standard deviations."),
            new Key("inputs[].count", "integer", "`1000`", "> d; [Limits](#limits)",
                    "`gaussian`, `sampling: random`: the number of samples."),
            new Key("inputs[].weights", "list of numbers", "equal", "> 0", "`atoms`: their weights (normalised)."),
            new Key("inputs[].file", "path", "required", "`.npy` / `.csv`",
                    "`file`: d columns, or d + 1 with the weights last (>= 0, normalised; zero-weight rows are "
                    + "dropped)."),
            new Key("inputs[].rows", "integer", "all", ">= 1", "`file`: use the first rows only."),
            new Key("weights", "list of K numbers", "equal", "> 0",
                    "The barycentric weights w_k (normalised to sum 1)."),
            new Key("solver.type", "`particles` | `grid`", "required", "", "See above."),
            new Key("solver.stepSize", "number", "required", "> 0",
                    "`particles`: eta (the time step of the dynamics)."),
            new Key("solver.sinkhornIterations", "integer", "`1`; `100` with `innerTolerance`", ">= 1",
                    "`particles`: warm-started Sinkhorn iterations per input and step (at most, with "
                    + "`innerTolerance`)."),
            new Key("solver.innerTolerance", "number", "none", ">= 0",
                    "`particles`: iterate towards each input until the l1 marginal error of the plan the drift uses "
                    + "is below this (at most `sinkhornIterations`); none: exactly `sinkhornIterations`."),
            new Key("solver.overRelaxation", "number", "`1`", "[1, 2); with `innerTolerance`",
                    "`particles`: omega of the accelerated inner Sinkhorn (over-relaxation of both potentials, a "
                    + "momentum step on g; a step that raises the semi-dual too little is replaced by a safe one); "
                    + "1: plain Sinkhorn; about 2 / (1 + sqrt(lambda / (sigma_mu sigma_k))) is best."),
            new Key("solver.damping", "number", "`min(1, tau / lambda)`", "(0, 1]",
                    "`grid`: the damping of the potential update (undamped iterations diverge for tau < lambda / "
                    + "2)."),
            new Key("population", "population name", "the only population", "an existing population",
                    "The population that moves."),
            new Key("solver", "mapping", "required", "",
                    "The schedule of inverse temperatures beta_t (epsilon_t = 1 / beta_t)."));
}
