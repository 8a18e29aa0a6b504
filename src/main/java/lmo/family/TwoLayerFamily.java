package lmo.family;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lmo.io.FinalTable;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.init.GridInit;
import lmo.io.Csv;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.neural.Activation;
import lmo.model.neural.Dataset;
import lmo.model.neural.Datasets;
import lmo.model.neural.Loss;
import lmo.model.neural.Readout;
import lmo.model.neural.Signs;
import lmo.model.neural.Teacher;
import lmo.model.neural.TwoLayerModel;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.CosineDensitySpec;
import lmo.scenario.CosineMode;
import lmo.scenario.DataFiles;
import lmo.scenario.InitBinder;
import lmo.scenario.Keys;
import lmo.scenario.Limits;
import lmo.scenario.Locations;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.Node;
import lmo.scenario.Node.SeqNode;
import lmo.scenario.PopulationSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.PredictorSpec;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: two-layer}: a wide two-layer network whose neurons are the particles of one population
 * ({@link TwoLayerModel}; docs/networks.md). Binding checks the readout, its activation and loss, the data (generated
 * by a teacher, read from files, or the exact population loss) and the neurons' space; the build makes the teacher,
 * the data set and the network, whose initial state is the population as assembled from the scenario (the state
 * {@code distanceFromInit} measures from, also after a resume), with {@code predictor.csv} for 1-D inputs.
 */
public final class TwoLayerFamily implements ModelFamily<TwoLayerSpec> {
    static final List<String> KEYS = List.of("type", "population", "readout", "activation", "bias", "signs", "loss",
            "regularization", "activeThreshold", "data", "potential");
    static final List<String> READOUTS = List.of("coordinate", "cone", "mass", "bilevel");
    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "gelu");
    static final List<String> SIGNS = List.of("positive", "balanced");
    static final List<String> LOSSES = List.of("square", "logistic");
    static final List<String> DATA = List.of("inputs", "labels", "teacher", "noise", "test", "seed", "population");
    static final Map<String, List<String>> INPUTS = KeyLists.ordered(
            "sphere", List.of("type", "dim", "count"),
            "gaussian", List.of("type", "dim", "count"),
            "file", List.of("type", "path"));
    static final List<String> FILE = List.of("path");
    static final Map<String, List<String>> TEACHER = KeyLists.ordered(
            "random", List.of("type", "neurons", "seed", "outputs", "bias", "activation"),
            "listed", List.of("type", "weights", "outputs", "bias", "activation"),
            "circle", List.of("type", "neurons", "mass", "density"));
    static final List<String> TEST = List.of("count", "inputs", "labels");

    @Override public String type() { return "two-layer"; }
    @Override public Class<TwoLayerSpec> specType() { return TwoLayerSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }

    @Override
    public SortedSet<String> paths() {
        return new KeyLists().add("", KEYS).add("data", DATA).addEach("data.inputs", INPUTS.values())
                .add("data.labels", FILE).addEach("data.teacher", TEACHER.values())
                .add("data.teacher.density", Keys.DENSITY).add("data.teacher.density.modes[]", Keys.MODE)
                .add("data.test", TEST).add("data.test.inputs", FILE).add("data.test.labels", FILE)
                .addEach("potential", PotentialFamily.POTENTIAL.values()).paths();
    }

    @Override
    public String predictorRefusal(TwoLayerSpec t) {
        return t.data().dim() == 1 ? null : "predictor.csv needs 1-D inputs (model.data.inputs dim 1), got d = "
                + t.data().dim();
    }

    @Override
    public double[] predictorRange(TwoLayerSpec t) throws ScenarioException { return inputRange(t.data()); }

    @Override
    public Model build(TwoLayerSpec t, BuildContext c) throws ScenarioException {
        Population pop = c.population(t.population());
        TwoLayerModel net = network(t, pop, c.where());
        Model model = PotentialFamily.withPotential(net, t.potential(), c);
        PredictorSpec grid = c.predictor();
        return grid == null ? model : new WithPredictor(model, net, pop.index(), grid.grid());
    }

    @Override
    public TwoLayerSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        String population = c.population(m);
        PopulationSpec pop = c.populations().get(population);
        long seed = c.seed();
        String readout = m.choice("readout", null, READOUTS);
        String activation = m.choice("activation", "relu", ACTIVATIONS);
        boolean bias = m.optBoolean("bias", false);
        String signs = null;
        if (readout.equals("mass")) {
            signs = m.choice("signs", "positive", SIGNS);
        } else if (m.node.entries().containsKey("signs")) {
            throw m.keyError("signs", "signs applies to the mass readout only, got readout " + readout);
        }
        String loss = m.choice("loss", "square", LOSSES);
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
        NetworkDataSpec data = data(m.requireMap("data"), activation, bias, loss, seed, c);
        checkSpace(m, readout, bias, data, pop);
        checkGram(readout, data, pop, c);
        PotentialSpec potential = m.has("potential") ? PotentialFamily.potential(m.requireMap("potential"), population) : null;
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
    private static void checkGram(String readout, NetworkDataSpec data, PopulationSpec pop, BindContext c)
            throws ScenarioException {
        long n = pop.count();
        if ((double) n * (n + 1) <= Limits.MAX_ARRAY) return;
        long most = (long) Math.floor(Math.sqrt(Limits.MAX_ARRAY));
        while (most * (most + 1) > Limits.MAX_ARRAY) most--;
        String what = readout.equals("bilevel") ? "readout bilevel (the ridge solve)" : "the exact population loss";
        throw c.where().error("populations." + pop.name() + ".count", "must be between 1 and " + most + " with " + what
                + ", got " + n + " (" + Limits.oneArray("count x (count + 1) doubles (the neurons' Gram rows)") + ")");
    }

    private static NetworkDataSpec data(MapReader m, String activation, boolean bias, String loss, long scenarioSeed,
            BindContext c) throws ScenarioException {
        m.allow(DATA);
        boolean population = m.optBoolean("population", false);
        MapReader in = m.requireMap("inputs");
        String inputs = in.choice("type", null, INPUTS.keySet());
        in.allow(INPUTS.get(inputs));
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
        if (inputs.equals("file")) return fileData(m, in, logistic, c);
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
            t.allow(TEST);
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

    private static NetworkDataSpec fileData(MapReader m, MapReader in, boolean logistic, BindContext c)
            throws ScenarioException {
        for (String key : List.of("teacher", "noise", "seed")) {
            if (m.node.entries().containsKey(key)) {
                throw m.keyError(key, key + " applies to generated inputs (sphere or gaussian); file inputs come with labels");
            }
        }
        DataFiles.Data x = c.files().read(in, "path");
        checkFinite(in, "path", x);
        DataFiles.Data y = labels(m.requireMap("labels"), x.table().rows(), "the inputs", logistic, c);
        int dim = x.table().cols();
        int testCount = 0;
        Path tx = null, ty = null;
        if (m.has("test")) {
            MapReader t = m.requireMap("test");
            t.allow(TEST);
            if (t.node.entries().containsKey("count")) {
                throw t.keyError("count", "a test set of file data is read from files: test: {inputs: {path: ...}, labels: {path: ...}}");
            }
            MapReader ti = t.requireMap("inputs");
            ti.allow(FILE);
            DataFiles.Data xt = c.files().read(ti, "path");
            checkFinite(ti, "path", xt);
            if (xt.table().cols() != dim) {
                throw ti.error("path", xt.path().getFileName() + " has " + MapReader.count(xt.table().cols(), "column")
                        + ", the training inputs have " + dim);
            }
            DataFiles.Data yt = labels(t.requireMap("labels"), xt.table().rows(), "the test inputs", logistic, c);
            testCount = xt.table().rows();
            tx = xt.path();
            ty = yt.path();
        }
        return new NetworkDataSpec("file", dim, x.table().rows(), x.path(), y.path(), null, 0, testCount, tx, ty, 0, false);
    }

    /** A labels file: one column, as many rows as the inputs, finite; +-1 for the logistic loss. */
    private static DataFiles.Data labels(MapReader m, int rows, String what, boolean logistic, BindContext c)
            throws ScenarioException {
        m.allow(FILE);
        DataFiles.Data y = c.files().read(m, "path");
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
        String type = m.choice("type", m.has("weights") ? "listed" : "random", TEACHER.keySet());
        m.allow(TEACHER.get(type));
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
        String act = m.choice("activation", activation, ACTIVATIONS);
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
    private static double[] inputRange(NetworkDataSpec data) throws ScenarioException {
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

    // ---------------------------------------------------------------- build

    /** The network over its neurons' population, from the population as assembled (its initial state). */
    private static TwoLayerModel network(TwoLayerSpec t, Population pop, Locations where) throws ScenarioException {
        try {
            TwoLayerModel.Builder b = TwoLayerModel.builder(Readout.parse(t.readout()))
                    .population(pop.index())
                    .activation(Activation.parse(t.activation()))
                    .bias(t.bias())
                    .loss(Loss.parse(t.loss()))
                    .regularization(t.regularization())
                    .initialState(pop.x0(), pop.m0());
            if (t.signs() != null) b.signs(Signs.parse(t.signs()));
            if (t.activeThreshold() != null) b.activeThreshold(t.activeThreshold());
            NetworkDataSpec d = t.data();
            if (d.population()) b.populationLoss(teacher(d.teacher(), d.dim()));
            else b.data(dataset(d, Loss.parse(t.loss()), where));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw where.error("model", e.getMessage());
        }
    }

    /** The teacher of generated data, stated in full. */
    private static Teacher teacher(TeacherSpec s, int d) {
        Activation act = Activation.parse(s.activation());
        double[] outputs = s.outputs() == null ? null : s.outputs().stream().mapToDouble(Double::doubleValue).toArray();
        return switch (s.type()) {
            case "random" -> Teacher.random(s.neurons(), d, s.bias(), act, s.seed(), outputs);
            case "listed" -> Teacher.listed(d, s.bias(), act, s.weights().stream().mapToDouble(Double::doubleValue).toArray(), outputs);
            default -> circle(s, act);
        };
    }

    /**
     * k neurons at the angles {@code phi_t = 2 pi (t + 1/2) / k} of the circle (the points of {@code init: {type:
     * grid}} on a sphere of dim 2), output weights {@code a_t = (M / k) (1 + sum_j a_j cos(2 pi k_j (t + 1/2) / k))}:
     * the measure of density {@code (M / 2 pi) (1 + sum_j a_j cos(k_j phi))} on the circle, discretised.
     */
    private static Teacher circle(TeacherSpec s, Activation act) {
        int k = s.neurons();
        double[] w = new double[2 * k];
        double[] a = new double[k];
        for (int t = 0; t < k; t++) {
            double phi = GridInit.circleAngle(t, k);
            w[2 * t] = StrictMath.cos(phi);
            w[2 * t + 1] = StrictMath.sin(phi);
            double rho = 1;
            for (CosineMode mode : s.density().modes()) {
                rho += mode.amplitude() * StrictMath.cos(2 * Math.PI * mode.k()[0] * ((t + 0.5) / k));
            }
            a[t] = s.mass() / k * rho;
        }
        return Teacher.listed(2, false, act, w, a);
    }

    private static Dataset dataset(NetworkDataSpec d, Loss loss, Locations where) throws ScenarioException {
        if (d.generated()) {
            return Datasets.teacherStudent(teacher(d.teacher(), d.dim())).inputs(Datasets.Inputs.parse(d.inputs()))
                    .count(d.count()).testCount(d.testCount()).labelNoise(d.noise())
                    .signLabels(loss == Loss.LOGISTIC).seed(d.seed()).build();
        }
        double[] x = read(d.inputsFile(), "model.data.inputs.path", where);
        double[] y = read(d.labelsFile(), "model.data.labels.path", where);
        double[] xt = d.testCount() > 0 ? read(d.testInputsFile(), "model.data.test.inputs.path", where) : null;
        double[] yt = d.testCount() > 0 ? read(d.testLabelsFile(), "model.data.test.labels.path", where) : null;
        return Datasets.fromArrays(d.dim(), x, y, xt, yt);
    }

    private static double[] read(Path file, String key, Locations where) throws ScenarioException {
        try {
            return Csv.readNumeric(file).data();
        } catch (IOException | IllegalArgumentException e) {
            throw where.error(key, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * A model plus {@code predictor.csv}: the network's output on a grid of 1-D inputs at the final state
     * ({@link Model#finalTables}); everything else is the inner model's.
     */
    private static final class WithPredictor implements Model {
        private final Model inner;
        private final TwoLayerModel net;
        private final int population;
        private final double[] grid;

        WithPredictor(Model inner, TwoLayerModel net, int population, double[] grid) {
            this.inner = inner;
            this.net = net;
            this.population = population;
            this.grid = grid.clone();
        }

        @Override public int rounds() { return inner.rounds(); }
        @Override public Reduction reduction(int round) { return inner.reduction(round); }
        @Override public void partial(int round, Block b, Summaries done, double[] out) { inner.partial(round, b, done, out); }
        @Override public void globalStep(int round, Summaries s) { inner.globalStep(round, s); }
        @Override public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
            inner.firstVariation(b, s, v, gradV, sums);
        }
        @Override public int metricSumLength() { return inner.metricSumLength(); }
        @Override public String staleSummaryProblem() { return inner.staleSummaryProblem(); }
        @Override public boolean partialsLinearInMass() { return inner.partialsLinearInMass(); }
        @Override public List<String> metricNames() { return inner.metricNames(); }
        @Override public double[] metrics(Summaries s, double[] sums) { return inner.metrics(s, sums); }
        @Override public int defaultBlockSize(int[] counts) { return inner.defaultBlockSize(counts); }
        @Override public double pairEvaluationsPerStep(int[] counts) { return inner.pairEvaluationsPerStep(counts); }

        @Override
        public Map<String, FinalTable> finalTables(Gathered state) {
            double[] f = net.predictor(state.x()[population], state.m()[population], grid);
            double[] rows = new double[2 * grid.length];
            for (int k = 0; k < grid.length; k++) {
                rows[2 * k] = grid[k];
                rows[2 * k + 1] = f[k];
            }
            return Map.of(lmo.io.RunLayout.PREDICTOR, new FinalTable(List.of("x", "f"), new Table(grid.length, 2, rows)));
        }

        @Override public String toString() { return inner + " with predictor.csv"; }
    }

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = KeyLists.concat(List.of(
            new Key("type", "`two-layer`", "required", "", "The functional."),
            new Key("population", "population name", "the only population", "an existing population", "The neurons."),
            new Key("readout", "`coordinate` | `cone` | `mass` | `bilevel`", "required", "",
                    "How a neuron carries its output weight."),
            new Key("activation", "`relu` | `tanh` | `gelu`", "`relu`", "`relu` for `cone` and `mass`", "sigma."),
            new Key("bias", "boolean", "`false`", "",
                    "Inputs `x~ = (x, 1)`: the last input-weight coordinate of a neuron is its bias."),
            new Key("signs", "`positive` | `balanced`", "`positive`", "`mass` readout only",
                    "The fixed output signs of the `mass` readout: all +1, or +1 for even particle ids and -1 "
                    + "for odd ones."),
            new Key("loss", "`square` | `logistic`", "`square`", "`square` for `bilevel` and the population loss",
                    "`square`: `l = (f - y)^2 / 2`; `logistic`: `l = log(1 + exp(-y f))` with labels +-1 "
                    + "(generated labels are then the sign of the noisy teacher)."),
            new Key("regularization", "number", "`0`", ">= 0; > 0 for `bilevel`",
                    "lambda, on the readout's natural norm: `(lambda/2) sum_i m_i |theta_i|^2` (`coordinate`), "
                    + "`lambda` times the total mass (`cone`, `mass`), the ridge term `(lambda/2) sum_i m_i "
                    + "h_i^2` (`bilevel`)."),
            new Key("activeThreshold", "number", "see meaning", ">= 0",
                    "Threshold of the metric `activeNeurons` on each neuron's mass (see "
                    + "[networks.md](networks.md#metrics)); default `1e-3` times the mean initial neuron mass "
                    + "(bilevel: `1e-3 sum_i m_i |h_i| / N` at the current step)."),
            new Key("data", "mapping", "required", "", "The data, below."),
            new Key("potential", "mapping", "absent", "", "An external potential added to F (see [Model](#model))."),
            new Key("data.inputs", "mapping", "required", "", "The training inputs."),
            new Key("data.inputs.type", "`sphere` | `gaussian` | `file`", "required", "",
                    "Generated on the sphere, generated Gaussian, or read."),
            new Key("data.inputs.dim", "integer", "required", ">= 1", "`sphere`, `gaussian`: the input dimension d."),
            new Key("data.inputs.count", "integer", "required",
                    ">= 1; absent with `population: true`; [Limits](#limits)",
                    "`sphere`, `gaussian`: the number of training samples n."),
            new Key("data.inputs.path", "path", "required", "`.npy` or `.csv`, finite",
                    "`file`: one input per row; d is the number of columns, n the number of rows."),
            new Key("data.labels", "mapping", "required for `file` inputs", "`file` inputs only", "The labels."),
            new Key("data.labels.path", "path", "required",
                    "one column, as many rows as the inputs; +-1 for the logistic loss", "One label per row."),
            new Key("data.teacher", "mapping", "required for generated inputs", "generated inputs only",
                    "The teacher network `f*(x) = sum_t a*_t sigma*(<w*_t, x~>)` that labels the inputs: `y = "
                    + "f*(x) + noise N(0, 1)`."),
            new Key("data.noise", "number", "`0`", ">= 0; generated inputs, not with `population: true`",
                    "Standard deviation of the Gaussian label noise (test labels get their own noise)."),
            new Key("data.test", "mapping", "absent (no test set)", "not with `population: true`",
                    "A test set: its loss is the metric `testLoss`."),
            new Key("data.test.count", "integer", "required", ">= 1; generated inputs",
                    "The number of test samples, drawn from the same law as the training inputs, independently "
                    + "of them, and labelled by the teacher."),
            new Key("data.test.inputs", "mapping", "required", "`file` inputs",
                    "The test inputs: `model.data.test.inputs.path`, as many columns as the training inputs."),
            new Key("data.test.inputs.path", "path", "required", "`.npy` or `.csv`", "One test input per row."),
            new Key("data.test.labels", "mapping", "required", "`file` inputs",
                    "The test labels: `model.data.test.labels.path`."),
            new Key("data.test.labels.path", "path", "required", "one column, as many rows as the test inputs",
                    "One test label per row."),
            new Key("data.seed", "integer (64-bit)", "the scenario's `seed`", "generated inputs",
                    "Seed of the generated inputs and label noise (counter-based: the first n samples of a "
                    + "larger set are the n-sample set; the test set is independent of the training set)."),
            new Key("data.population", "boolean", "`false`",
                    "needs `sphere` inputs, `relu`, no bias, the `square` loss, a relu teacher without bias",
                    "The exact population loss `1/2 E_x (f(x) - f*(x))^2` over x uniform on S^(d-1), computed "
                    + "with the arc-cosine kernel instead of samples (no `count`, `noise` or `test`)."),
            new Key("data.teacher.type", "`random` | `listed` | `circle`", "`random` (`listed` with `weights`)",
                    "`circle` needs d = 2", "How the teacher's neurons are made."),
            new Key("data.teacher.neurons", "integer", "required", ">= 1; [Limits](#limits)",
                    "`random`, `circle`: the number of neurons k."),
            new Key("data.teacher.seed", "integer (64-bit)", "`model.data.seed`", "",
                    "`random`: the seed of the input weights."),
            new Key("data.teacher.weights", "list of k lists of d' numbers", "required", "not the zero vector",
                    "`listed`: the input weights `w*_t`, as written (not normalised); with a bias the last "
                    + "number of a row is the neuron's bias."),
            new Key("data.teacher.outputs", "list of k numbers", "`1/k` each", "",
                    "`random`, `listed`: the output weights `a*_t`."),
            new Key("data.teacher.bias", "boolean", "`model.bias`", "`false` with `population: true`",
                    "`random`, `listed`: the teacher's inputs are `(x, 1)`."),
            new Key("data.teacher.activation", "`relu` | `tanh` | `gelu`", "`model.activation`",
                    "`relu` with `population: true`", "`random`, `listed`: the teacher's sigma."),
            new Key("data.teacher.mass", "number", "`1`", "> 0", "`circle`: the total output weight M."),
            new Key("data.teacher.density", "mapping", "uniform",
                    "a cosine density on the circle: `sum |amplitude| < 1`",
                    "`circle`: the density of output weights, `1 + sum_j amplitude_j cos(k_j phi)`."),
            new Key("data.teacher.density.type", "`cosine`", "`cosine`", "", "The only density type."),
            new Key("data.teacher.density.modes", "list of modes", "required", "",
                    "The terms; `[]` is the uniform measure."),
            new Key("data.teacher.density.modes[].k", "list of 1 integer", "required", "not 0",
                    "The frequency k_j, written `[2]`."),
            new Key("data.teacher.density.modes[].amplitude", "number", "required", "", "The coefficient.")),
            PotentialFamily.POTENTIAL_KEYS);
}
