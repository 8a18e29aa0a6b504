package lmo.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import lmo.io.Csv;
import lmo.io.Table;
import lmo.model.neural.Datasets;
import lmo.model.neural.Readout;
import lmo.scenario.MapReader.Check;
import lmo.scenario.Node.SeqNode;

/**
 * Binds {@code model}: the MMD model's population, kernel and target, checked against the population's space; the
 * potential model; the two-layer network, its data and teacher, checked against the neurons' space; games in
 * {@link GameBinder}.
 */
final class ModelBinder {
    private final DataFiles files;
    private final InitBinder inits;
    private final List<Path> jars;
    private final Locations where;

    /**
     * @param jars the jars user payoff classes are loaded from
     * @param where the document, for errors about keys outside {@code model} (a population's count)
     */
    ModelBinder(DataFiles files, InitBinder inits, List<Path> jars, Locations where) {
        this.files = files;
        this.inits = inits;
        this.jars = jars;
        this.where = where;
    }

    /** @param seed the scenario's seed, the default seed of generated network data */
    ModelSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
        String type = m.choice("type", null, Keys.MODEL.keySet());
        m.allow(Keys.MODEL.get(type));
        if (type.equals("game")) return new GameBinder(files, jars).bind(m, populations, seed);
        if (type.equals("resnet")) return new ResNetBinder(files).bind(m, populations, seed);
        if (type.equals("deep-linear")) return DeepLinearBinder.bind(m, populations, seed);
        if (type.equals("mlp")) return MlpBinder.bind(m, populations, seed);
        String population;
        if (m.has("population")) {
            population = m.requireString("population");
            if (!populations.containsKey(population)) {
                throw m.error("population", "no population named '" + population + "'; populations: "
                        + String.join(", ", populations.keySet()));
            }
        } else if (populations.size() == 1) {
            population = populations.firstKey();
        } else {
            throw m.node.origin().error(m.path, "missing required key 'population' (several populations: "
                    + String.join(", ", populations.keySet()) + ")");
        }
        m.resolve("population", population);
        if (type.equals("potential")) return new PotentialModelSpec(potential(m.requireMap("potential"), population));
        if (type.equals("two-layer")) return twoLayer(m, population, populations.get(population), seed);
        if (type.equals("ot")) return ot(m, population, populations.get(population).space());
        if (type.equals("barycenter")) return new BarycenterBinder(files).bind(m, population, populations.get(population));
        SpaceSpec space = populations.get(population).space();
        KernelSpec kernel = kernel(m.requireMap("kernel"), space, population);
        TargetSpec target = target(m.requireMap("target"), space, kernel);
        PotentialSpec potential = m.has("potential") ? potential(m.requireMap("potential"), population) : null;
        return new MmdSpec(population, kernel, target, potential);
    }

    /** {@code {type: quadratic, kappa}}: U(x) = kappa |x|^2 / 2. */
    private static PotentialSpec potential(MapReader m, String population) throws ScenarioException {
        String type = m.choice("type", "quadratic", Keys.POTENTIAL.keySet());
        m.allow(Keys.POTENTIAL.get(type));
        return new PotentialSpec(population, type, m.requireDouble("kappa", Check.greaterThan(0)));
    }

    private static KernelSpec kernel(MapReader m, SpaceSpec space, String population) throws ScenarioException {
        String type = m.choice("type", null, Keys.KERNEL.keySet());
        m.allow(Keys.KERNEL.get(type));
        boolean torus = space.isTorus();
        if (type.equals("sobolev") != torus) {
            throw m.error("type", "the " + type + " kernel needs " + (torus ? "a euclidean or sphere" : "a torus")
                    + " space, got " + space.type() + " (population '" + population + "')");
        }
        switch (type) {
            case "sobolev": {
                double s = m.optDouble("s", 1, Check.atLeast(1));
                int dim = space.dim();
                int modes = m.optInt("modes", dim == 1 ? 64 : dim == 2 ? 16 : 6, Check.atLeast(1));
                String method = m.choice("method", "auto", Keys.SOBOLEV_METHODS);
                boolean integer = s == Math.rint(s);
                if (method.equals("exact") && dim != 1) {
                    throw m.error("method", "exact needs dim 1, got dim " + dim + "; use fourier or auto");
                }
                if (method.equals("exact") && !(integer && s <= MAX_EXACT_S)) {
                    throw m.error("method", "exact needs an integer s in 1.." + MAX_EXACT_S + ", got s = "
                            + MapReader.num(s) + "; use fourier or auto");
                }
                if (method.equals("auto")) method = dim == 1 && integer && s <= MAX_EXACT_S ? "exact" : "fourier";
                m.resolve("method", method);
                if (method.equals("fourier")) checkFourierModes(m, dim, modes);
                return new SobolevKernel(s, modes, method);
            }
            case "gaussian":
                return new GaussianKernel(m.requireDouble("sigma", Check.greaterThan(0)));
            default:
                return new EnergyKernel();
        }
    }

    /** The largest s of the exact (Bernoulli) Sobolev kernel. */
    static final int MAX_EXACT_S = 10;
    /** The most Fourier modes the sobolev kernel's fourier method keeps, {@code ((2 modes + 1)^dim - 1) / 2}. */
    static final long MAX_FOURIER_MODES = 50_000_000;

    /** The fourier method keeps {@code ((2 modes + 1)^dim - 1) / 2} modes, at most {@link #MAX_FOURIER_MODES}. */
    private static void checkFourierModes(MapReader m, int dim, int modes) throws ScenarioException {
        if (fourierModes(dim, modes) <= MAX_FOURIER_MODES) return;
        int most = 0;
        while (fourierModes(dim, most + 1) <= MAX_FOURIER_MODES) most++;
        String why = "the fourier method keeps ((2 modes + 1)^dim - 1) / 2 modes, at most " + MAX_FOURIER_MODES
                + "; dim " + dim;
        if (most == 0) {
            throw m.error("type", "the sobolev kernel cannot be computed in dim " + dim + " (" + why + " keeps "
                    + String.format(java.util.Locale.ROOT, "%.3e", fourierModes(dim, 1)) + " even with modes 1)");
        }
        if (m.has("modes")) {
            throw m.error("modes", "must be between 1 and " + most + ", got " + modes + " (" + why + ")");
        }
        throw m.node.origin().error(m.path, "the default modes " + modes + " is too many (" + why + "): give"
                + " modes between 1 and " + most);
    }

    private static double fourierModes(int dim, int modes) { return (Math.pow(2.0 * modes + 1, dim) - 1) / 2; }

    private TargetSpec target(MapReader m, SpaceSpec space, KernelSpec kernel) throws ScenarioException {
        String type = m.choice("type", null, Keys.TARGET.keySet());
        m.allow(Keys.TARGET.get(type));
        if (!(kernel instanceof SobolevKernel) && !type.equals("samples")) {
            throw m.error("type", "the " + kernel.type() + " kernel needs a samples target, got '" + type + "'");
        }
        if (!type.equals("samples") && !space.isTorus()) {
            throw m.error("type", "a " + type + " target needs a torus space, got " + space.type());
        }
        switch (type) {
            case "uniform":
                return new UniformTarget();
            case "cosine":
                return new CosineTarget(InitBinder.density(m, space));
            default:
                return samples(m, space, false);
        }
    }

    /** {@code model.type: ot}: the target samples, the cost (stated, never defaulted), the solver and its schedule. */
    private OtSpec ot(MapReader m, String population, SpaceSpec space) throws ScenarioException {
        if (!space.type().equals("euclidean")) {
            String msg = "ot needs a euclidean population, got a " + space.type() + " (population '" + population + "')";
            throw m.has("population") ? m.error("population", msg) : m.node.origin().error(m.path, msg);
        }
        MapReader t = m.requireMap("target");
        String tt = t.choice("type", "samples", List.of("samples"));
        t.allow(Keys.TARGET.get(tt));
        SamplesTarget target = samples(t, space, true);
        String cost = m.choice("cost", null, Keys.OT_COSTS);
        String normalize = m.choice("normalize", "none", Keys.OT_NORMALIZE);
        MapReader s = m.requireMap("solver");
        String solver = s.choice("type", null, Keys.OT_SOLVER.keySet());
        s.allow(Keys.OT_SOLVER.get(solver));
        Check positive = Check.greaterThan(0);
        double nan = Double.NaN, beta0, kappa = nan, sigma = nan, betaMax = nan;
        switch (solver) {
            case "sinkhorn":
                if (s.has("beta") == s.has("epsilon")) {
                    throw s.has("beta") ? s.keyError("epsilon", "give beta or epsilon = 1 / beta, not both")
                            : s.node.origin().error(s.path, "missing required key 'beta' (or 'epsilon' = 1 / beta)");
                }
                beta0 = s.has("beta") ? s.requireDouble("beta", positive) : 1 / s.requireDouble("epsilon", positive);
                break;
            case "epsilon-scaling":
                beta0 = s.requireDouble("beta0", positive);
                sigma = s.requireDouble("sigma", Check.greaterThan(1));
                betaMax = s.requireDouble("betaMax", Check.atLeast(beta0));
                break;
            default:
                beta0 = s.optDouble("beta0", 10, positive);
                kappa = s.optDouble("kappa", solver.equals("annealed") ? 0.5 : 2.0 / 3, Check.atLeast(0));
        }
        double tolerance = m.has("tolerance") ? m.requireDouble("tolerance", positive) : OtSpec.DEFAULT_TOLERANCE;
        m.resolve("tolerance", tolerance);
        boolean stop = m.optBoolean("stopAtTolerance", false);
        if (stop && !m.has("tolerance")) {
            throw m.keyError("stopAtTolerance", "stopAtTolerance needs model.tolerance (the l1 marginal error to stop at)");
        }
        return new OtSpec(population, target, cost, normalize, solver, beta0, kappa, sigma, betaMax, tolerance, stop);
    }

    /**
     * {@code file} (and optional {@code rows}), or {@code count} and {@code from}.
     *
     * @param positiveWeights every weight of a file's weight column must be > 0 ({@code ot}: a target point of
     *     weight 0 has no dual potential)
     */
    private SamplesTarget samples(MapReader m, SpaceSpec space, boolean positiveWeights) throws ScenarioException {
        boolean generated = m.has("count") || m.has("from");
        if (m.has("file")) {
            if (generated) {
                throw m.keyError(m.has("count") ? "count" : "from", "give either file (with rows) or count and from, not both");
            }
            DataFiles.Data d = files.read(m, "file");
            int rows = m.optInt("rows", d.table().rows(), Check.atLeast(1));
            if (rows > d.table().rows()) {
                throw m.error("rows", d.path().getFileName() + " has " + MapReader.count(d.table().rows(), "row")
                        + ", asked for " + rows);
            }
            DataFiles.checkShape(m, "file", d, space, rows, "weight", "rows");
            if (positiveWeights && d.table().cols() == space.dim() + 1) {
                for (int r = 0; r < rows; r++) {
                    if (d.table().get(r, space.dim()) == 0) {
                        throw m.error("file", d.path().getFileName() + " row " + (r + 1) + " column " + (space.dim() + 1)
                                + ": a target weight must be > 0 for ot (a target point of weight 0 has no potential), got 0");
                    }
                }
            }
            return new SamplesTarget(d.path(), null, rows);
        }
        if (!generated) {
            throw m.node.origin().error(m.path, "missing required key 'file' (or 'count' and 'from')");
        }
        if (m.node.entries().containsKey("rows")) throw m.keyError("rows", "rows only applies to a file target");
        long n = m.requireSize("count", 1);
        int dim = space.dim();
        Limits.check(Limits.oneArray("count x (dim + 1) doubles (the samples and their weights, dim " + dim + ")"),
                Limits.MAX_ARRAY, v -> (double) v[0] * (dim + 1), Limits.of(m, "count", n, 1));
        int count = (int) n;
        InitSpec from = inits.bind(m.requireMap("from"), Keys.FROM_TYPES, space, m, count);
        return new SamplesTarget(null, from, count);
    }

    // ---------------------------------------------------------------- two-layer

    private TwoLayerSpec twoLayer(MapReader m, String population, PopulationSpec pop, long seed) throws ScenarioException {
        String readout = m.choice("readout", null, Keys.READOUTS);
        String activation = m.choice("activation", "relu", Keys.ACTIVATIONS);
        boolean bias = m.optBoolean("bias", false);
        String signs = null;
        if (readout.equals("mass")) {
            signs = m.choice("signs", "positive", Keys.SIGNS);
        } else if (m.node.entries().containsKey("signs")) {
            throw m.keyError("signs", "signs applies to the mass readout only, got readout " + readout);
        }
        String loss = m.choice("loss", "square", Keys.LOSSES);
        double lambda = m.optDouble("regularization", 0, Check.atLeast(0));
        Double threshold = m.has("activeThreshold") ? m.requireDouble("activeThreshold", Check.atLeast(0)) : null;
        boolean homogeneous = readout.equals("cone") || readout.equals("mass");
        if (homogeneous && !activation.equals("relu")) {
            throw m.error("activation", "readout " + readout + " needs activation relu (2-homogeneity), got " + activation);
        }
        if (readout.equals("bilevel")) {
            if (!(lambda > 0)) {
                throw m.has("regularization") ? m.error("regularization", "readout bilevel needs regularization > 0, got 0")
                        : m.error("readout", "readout bilevel needs model.regularization > 0 (the ridge term), which defaults to 0");
            }
            if (!loss.equals("square")) throw m.error("loss", "readout bilevel needs the square loss, got " + loss);
        }
        NetworkDataSpec data = data(m.requireMap("data"), activation, bias, loss, seed);
        checkSpace(m, readout, bias, data, pop);
        checkGram(readout, data, pop);
        PotentialSpec potential = m.has("potential") ? potential(m.requireMap("potential"), population) : null;
        return new TwoLayerSpec(population, readout, activation, bias, signs, loss, lambda, threshold, data, potential);
    }

    /**
     * The neurons' space must be what the readout needs: euclidean for {@code coordinate}, a sphere otherwise, of dim
     * {@code positionDim(d')} (1 + d' for coordinate and cone, d' for mass and bilevel; d' = d + bias).
     */
    private static void checkSpace(MapReader m, String readout, boolean bias, NetworkDataSpec data, PopulationSpec pop)
            throws ScenarioException {
        Readout r = Readout.parse(readout);
        SpaceSpec space = pop.space();
        String want = r.onSphere() ? "sphere" : "euclidean";
        if (!space.type().equals(want)) {
            throw m.error("readout", "readout " + readout + " needs a " + want + " space, got " + space.type()
                    + " (population '" + pop.name() + "')");
        }
        int d = data.dim();
        int dp = d + (bias ? 1 : 0);
        int dim = r.positionDim(dp);
        if (space.dim() != dim) {
            String parts = (r.positionDim(dp) > dp ? "output weight + " : "") + d + " input" + (d == 1 ? "" : "s")
                    + (bias ? " + bias" : "");
            String message = "readout " + readout + " with d = " + d + (bias ? " and bias" : "") + " needs particles of dim "
                    + dim + " (" + parts + "), but population '" + pop.name() + "' has a " + space.type() + " of dim "
                    + space.dim();
            MapReader inputs = MapReader.of(m.requireMap("data").require("inputs"), m.path("data.inputs"));
            throw inputs.has("dim") ? inputs.error("dim", message) : m.error("readout", message);
        }
    }

    /**
     * The bilevel readout and the exact population loss gather a {@code count x (count + 1)} table of the neurons
     * (their Gram rows) in one array: the neurons' count is at most 46340.
     */
    private void checkGram(String readout, NetworkDataSpec data, PopulationSpec pop) throws ScenarioException {
        long n = pop.count();
        if ((double) n * (n + 1) <= Limits.MAX_ARRAY) return;
        long most = (long) Math.floor(Math.sqrt(Limits.MAX_ARRAY));
        while (most * (most + 1) > Limits.MAX_ARRAY) most--;
        String what = readout.equals("bilevel") ? "readout bilevel (the ridge solve)" : "the exact population loss";
        throw where.error("populations." + pop.name() + ".count", "must be between 1 and " + most + " with " + what
                + ", got " + n + " (" + Limits.oneArray("count x (count + 1) doubles (the neurons' Gram rows)") + ")");
    }

    private NetworkDataSpec data(MapReader m, String activation, boolean bias, String loss, long scenarioSeed)
            throws ScenarioException {
        m.allow(Keys.DATA);
        boolean population = m.optBoolean("population", false);
        MapReader in = m.requireMap("inputs");
        String inputs = in.choice("type", null, Keys.INPUTS.keySet());
        in.allow(Keys.INPUTS.get(inputs));
        boolean logistic = loss.equals("logistic");
        if (population) {
            String why = !inputs.equals("sphere") ? "inputs of type sphere, got " + inputs
                    : !activation.equals("relu") ? "activation relu, got " + activation
                    : bias ? "no bias (model.bias: false)"
                    : logistic ? "the square loss, got logistic" : null;
            if (why != null) {
                throw m.error("population", "the exact population loss (arc-cosine kernel) needs " + why
                        + "; use samples (population: false) instead");
            }
            for (String key : List.of("noise", "test")) {
                if (m.node.entries().containsKey(key)) {
                    throw m.keyError(key, "the population loss has no samples: remove " + key + " (or set population: false)");
                }
            }
            if (in.node.entries().containsKey("count")) {
                throw in.keyError("count", "the population loss has no samples: remove count (or set model.data.population: false)");
            }
        }
        if (inputs.equals("file")) return fileData(m, in, logistic);
        for (String key : List.of("labels")) {
            if (m.node.entries().containsKey(key)) throw m.keyError(key, "labels are read for file inputs only; generated inputs are labelled by the teacher");
        }
        long d = in.requireSize("dim", 1);
        long n = population ? 1 : in.requireSize("count", 1);
        Limits.check(SAMPLES, Limits.MAX_ARRAY, v -> samplesSize(v[0], v[1]), Limits.of(in, "count", n, 1),
                Limits.of(in, "dim", d, 1));
        int dim = (int) d;
        int count = population ? 0 : (int) n;
        long seed = m.optLong("seed", scenarioSeed);
        TeacherSpec teacher = teacher(m.requireMap("teacher"), dim, activation, bias, seed);
        if (population && (teacher.bias() || !teacher.activation().equals("relu"))) {
            throw m.error("teacher", "the population loss needs a relu teacher without bias, got "
                    + teacher.activation() + (teacher.bias() ? " with bias" : ""));
        }
        double noise = m.optDouble("noise", 0, Check.atLeast(0));
        if (population) m.forget("noise");
        int testCount = 0;
        if (m.has("test")) {
            MapReader t = m.requireMap("test");
            t.allow(Keys.TEST);
            for (String key : List.of("inputs", "labels")) {
                if (t.node.entries().containsKey(key)) {
                    throw t.keyError(key, "test files go with file inputs; generated data take test: {count: n}");
                }
            }
            long nt = t.requireSize("count", 1);
            Limits.check(SAMPLES, Limits.MAX_ARRAY, v -> samplesSize(v[0], dim), Limits.of(t, "count", nt, 1));
            testCount = (int) nt;
        }
        return new NetworkDataSpec(inputs, dim, count, null, null, teacher, noise, testCount, null, null, seed, population);
    }

    /** What a sample set holds: its inputs, with the bias coordinate, for a number of samples padded to 8. */
    private static final String SAMPLES = Limits.oneArray("ceil8(count) x (dim + 2) doubles (the samples, padded to a"
            + " multiple of 8, with the bias coordinate, and their labels)");

    private static double samplesSize(long count, long dim) {
        return (double) ((count + 7) / 8 * 8) * (dim + 2);
    }

    private NetworkDataSpec fileData(MapReader m, MapReader in, boolean logistic) throws ScenarioException {
        for (String key : List.of("teacher", "noise", "seed")) {
            if (m.node.entries().containsKey(key)) {
                throw m.keyError(key, key + " applies to generated inputs (sphere or gaussian); file inputs come with labels");
            }
        }
        DataFiles.Data x = files.read(in, "path");
        checkFinite(in, "path", x);
        DataFiles.Data y = labels(m.requireMap("labels"), x.table().rows(), "the inputs", logistic);
        int dim = x.table().cols();
        int testCount = 0;
        Path tx = null, ty = null;
        if (m.has("test")) {
            MapReader t = m.requireMap("test");
            t.allow(Keys.TEST);
            if (t.node.entries().containsKey("count")) {
                throw t.keyError("count", "a test set of file data is read from files: test: {inputs: {path: ...}, labels: {path: ...}}");
            }
            MapReader ti = t.requireMap("inputs");
            ti.allow(Keys.FILE);
            DataFiles.Data xt = files.read(ti, "path");
            checkFinite(ti, "path", xt);
            if (xt.table().cols() != dim) {
                throw ti.error("path", xt.path().getFileName() + " has " + MapReader.count(xt.table().cols(), "column")
                        + ", the training inputs have " + dim);
            }
            DataFiles.Data yt = labels(t.requireMap("labels"), xt.table().rows(), "the test inputs", logistic);
            testCount = xt.table().rows();
            tx = xt.path();
            ty = yt.path();
        }
        return new NetworkDataSpec("file", dim, x.table().rows(), x.path(), y.path(), null, 0, testCount, tx, ty, 0, false);
    }

    /** A labels file: one column, as many rows as the inputs, finite; +-1 for the logistic loss. */
    private DataFiles.Data labels(MapReader m, int rows, String what, boolean logistic) throws ScenarioException {
        m.allow(Keys.FILE);
        DataFiles.Data y = files.read(m, "path");
        checkFinite(m, "path", y);
        String name = y.path().getFileName().toString();
        Table t = y.table();
        if (t.cols() != 1) throw m.error("path", name + " has " + MapReader.count(t.cols(), "column") + ", expected 1 (one label per row)");
        if (t.rows() != rows) {
            throw m.error("path", name + " has " + MapReader.count(t.rows(), "row") + ", " + what + " have " + rows);
        }
        if (logistic) {
            for (int r = 0; r < rows; r++) {
                if (t.get(r, 0) != 1 && t.get(r, 0) != -1) {
                    throw m.error("path", name + " row " + (r + 1) + " is " + t.get(r, 0) + ": the logistic loss needs labels +1 or -1");
                }
            }
        }
        return y;
    }

    private static void checkFinite(MapReader m, String key, DataFiles.Data d) throws ScenarioException {
        Table t = d.table();
        for (int i = 0; i < t.data().length; i++) {
            if (!Double.isFinite(t.data()[i])) {
                throw m.error(key, d.path().getFileName() + " row " + (i / t.cols() + 1) + " column " + (i % t.cols() + 1)
                        + " is not a finite number: " + t.data()[i]);
            }
        }
    }

    /** {@code random} (default; {@code listed} when {@code weights} is given) or {@code circle}. */
    private static TeacherSpec teacher(MapReader m, int d, String activation, boolean modelBias, long dataSeed)
            throws ScenarioException {
        String type = m.choice("type", m.has("weights") ? "listed" : "random", Keys.TEACHER.keySet());
        m.allow(Keys.TEACHER.get(type));
        if (type.equals("circle")) {
            if (d != 2) throw m.error("type", "a circle teacher needs 2-D inputs (model.data.inputs.dim: 2), got d = " + d);
            long neurons = m.requireSize("neurons", 1);
            Limits.check(Limits.oneArray("neurons x 3 doubles (the teacher's input weights on the circle and its output"
                    + " weights)"), Limits.MAX_ARRAY, v -> 3.0 * v[0], Limits.of(m, "neurons", neurons, 1));
            int k = (int) neurons;
            double mass = m.optDouble("mass", 1, Check.greaterThan(0));
            CosineDensitySpec density = m.has("density") ? InitBinder.density(m.requireMap("density"), new SpaceSpec("torus", 1))
                    : new CosineDensitySpec(List.of());
            return new TeacherSpec(type, k, 0, null, null, false, activation, mass, density);
        }
        boolean bias = m.optBoolean("bias", modelBias);
        String act = m.choice("activation", activation, Keys.ACTIVATIONS);
        int dp = d + (bias ? 1 : 0);
        if (type.equals("random")) {
            long neurons = m.requireSize("neurons", 1);
            Limits.check(Limits.oneArray("neurons x (dim + 1) doubles (the teacher's input weights)"), Limits.MAX_ARRAY,
                    v -> (double) v[0] * (d + 1), Limits.of(m, "neurons", neurons, 1));
            int k = (int) neurons;
            long seed = m.optLong("seed", dataSeed);
            List<Double> outputs = m.has("outputs") ? boxed(m.doubles("outputs", k, Check.ANY)) : null;
            return new TeacherSpec(type, k, seed, null, outputs, bias, act, 0, null);
        }
        List<Node> rows = m.requireList("weights");
        if (rows.isEmpty()) throw m.error("weights", "expected at least one neuron (a list of input weights)");
        List<Double> w = new ArrayList<>();
        for (int t = 0; t < rows.size(); t++) {
            String path = m.path("weights") + "[" + t + "]";
            Node row = rows.get(t);
            if (!(row instanceof SeqNode seq)) {
                throw row.origin().error(path, "expected a list of " + dp + " numbers (d = " + d + (bias ? " plus the bias" : "")
                        + "), got " + Node.describe(row));
            }
            if (seq.items().size() != dp) {
                throw row.origin().error(path, "expected " + MapReader.count(dp, "number") + " (d = " + d
                        + (bias ? " plus the bias" : "") + "), got " + seq.items().size());
            }
            boolean zero = true;
            for (int c = 0; c < dp; c++) {
                double v = MapReader.number(seq.items().get(c), path + "[" + c + "]", Check.ANY);
                zero &= v == 0;
                w.add(v);
            }
            if (zero) throw row.origin().error(path, "an input weight must not be the zero vector");
        }
        int k = rows.size();
        List<Double> outputs = m.has("outputs") ? boxed(m.doubles("outputs", k, Check.ANY)) : null;
        return new TeacherSpec(type, k, 0, w, outputs, bias, act, 0, null);
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) out.add(v);
        return out;
    }

    /** {min, max} of the training inputs of 1-D data (for the default grid of predictor.csv). */
    static double[] inputRange(NetworkDataSpec data) throws ScenarioException {
        double[] x;
        if (data.inputs().equals("file")) {
            try {
                x = Csv.readNumeric(data.inputsFile()).data();
            } catch (IOException e) {
                throw new ScenarioException("model.data.inputs.path: cannot read " + data.inputsFile() + ": " + e.getMessage());
            }
        } else if (data.inputs().equals("sphere")) {
            return new double[] {-1, 1}; // the unit sphere of R^1
        } else {
            x = Datasets.inputs(Datasets.Inputs.GAUSSIAN, data.dim(), data.count(), data.seed(), Datasets.SET_TRAIN);
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }
}
