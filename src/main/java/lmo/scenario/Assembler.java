package lmo.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.dynamics.FisherRao;
import lmo.dynamics.Langevin;
import lmo.dynamics.MassUpdate;
import lmo.dynamics.Schedule;
import lmo.model.potential.PotentialModel;
import lmo.model.potential.QuadraticPotential;
import lmo.model.potential.WithPotential;
import lmo.dynamics.Wasserstein;
import lmo.dynamics.WassersteinFisherRao;
import lmo.engine.Population;
import lmo.engine.Simulation;
import lmo.init.CosineDensity;
import lmo.init.InitialDistribution;
import lmo.init.QuantileInit;
import lmo.init.TableInit;
import lmo.io.Csv;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.kernel.MmdModel;
import lmo.model.kernel.Target;
import lmo.model.neural.ScalingPath;
import lmo.model.neural.TwoLayerModel;
import lmo.space.Space;
import lmo.space.Spaces;

/**
 * Turns a validated {@link Scenario} into the {@link Simulation} the engine runs: spaces, initial states, the
 * model with its target, the dynamics, and the resolved block size. Deterministic: the same scenario gives the
 * same simulation on every JVM.
 *
 * <p>Random initial positions of population p are keyed by (seed, p, particle id); generated target samples of a
 * model acting on population p by (seed, -1 - p, sample id), so they are independent of the particles.
 */
public final class Assembler {
    private Assembler() {}

    public static Simulation build(Scenario s) throws ScenarioException {
        List<Population> pops = new ArrayList<>();
        int index = 0;
        for (PopulationSpec p : s.populations().values()) {
            pops.add(population(p, index++, s.seed()));
        }
        Model model = model(s.model(), s, pops);
        int[] counts = pops.stream().mapToInt(Population::count).toArray();
        int blockSize = s.engine().autoBlockSize() ? model.defaultBlockSize(counts) : s.engine().blockSize();
        Dynamics dynamics = dynamics(s.dynamics(),
                ScenarioBinder.stepScale(s.dynamics(), s.populations().get(s.model().population())));
        checkFits(s, model, dynamics);
        if (s.dynamics() instanceof GdaSpec g && g.players().equals("alternating") && pops.size() != 2) {
            throw s.locations().error("dynamics.players", "alternating players need exactly two populations (x moves"
                    + " first, then y); the scenario has " + pops.size());
        }
        return new Simulation(s.name(), s.seed(), s.steps(), pops, model, dynamics, blockSize,
                s.engine().shards(), s.output().every(), s.output().snapshotEvery(), s.checkpoint().every());
    }

    /**
     * Every {@code output.fit[].metric} names a column of metrics.csv: a model metric, a dynamics metric
     * ({@code temperature}) or {@code mass_<population>}.
     */
    private static void checkFits(Scenario s, Model model, Dynamics dynamics) throws ScenarioException {
        List<String> columns = new ArrayList<>(model.metricNames());
        columns.addAll(dynamics.metricNames());
        s.populations().keySet().forEach(p -> columns.add("mass_" + p));
        for (int i = 0; i < s.output().fit().size(); i++) {
            String metric = s.output().fit().get(i).metric();
            if (!columns.contains(metric)) {
                throw s.locations().error("output.fit[" + i + "].metric", "unknown metric '" + Node.shown(metric) + "'"
                        + "; metrics.csv has: " + String.join(", ", columns));
            }
        }
    }

    /** The scenario as it runs: {@code engine.blockSize} resolved to the block size chosen. */
    public static Scenario resolved(Scenario s, Simulation sim) {
        EngineSpec e = s.engine();
        return new Scenario(s.name(), s.description(), s.seed(), s.steps(), s.populations(), s.model(), s.dynamics(),
                new EngineSpec(e.shards(), sim.blockSize(), e.sync()), s.output(), s.checkpoint(),
                s.locations().with("engine.blockSize", sim.blockSize()));
    }

    private static Population population(PopulationSpec p, int index, long seed) throws ScenarioException {
        Space space = Spaces.of(p.space().type(), p.space().dim());
        InitialDistribution init = init(p.init(), space.dim(), "populations." + p.name() + ".init");
        double[] x = init.positions(space, p.count(), seed, index);
        double[] m = init.masses(p.count());
        if (m == null) {
            m = new double[p.count()];
            Arrays.fill(m, p.mass() / p.count());
        } else if (p.symmetric()) {
            m = ScalingPath.symmetricMasses(m);
        }
        if (p.scale() != 1.0 || p.symmetric()) {
            x = ScalingPath.coordinateInit(x, p.count(), space.dim(), p.scale(), p.symmetric());
        }
        return new Population(p.name(), index, space, x, m);
    }

    static InitialDistribution init(InitSpec spec, int dim, String where) throws ScenarioException {
        if (spec instanceof UniformInit u) return new lmo.init.UniformInit(u.low(), u.high());
        if (spec instanceof GaussianInit g) return new lmo.init.GaussianInit(g.mean(), g.std());
        if (spec instanceof QuantilesInit q) return new QuantileInit(density(q.density()));
        if (spec instanceof GridInit g) return new lmo.init.GridInit(g.low(), g.high());
        if (spec instanceof LatticeInit l) return new lmo.init.LatticeInit(l.generator(), l.low(), l.high());
        if (spec instanceof ListInit l) return listed(l, dim);
        FileInit f = (FileInit) spec;
        return new TableInit(read(f.path(), f.rows(), where + ".path"), dim);
    }

    /** A listed init as a table: positions, then the masses column when given. */
    private static InitialDistribution listed(ListInit l, int dim) {
        double[][] p = l.positions();
        double[] m = l.masses();
        int cols = dim + (m == null ? 0 : 1);
        double[] data = new double[p.length * cols];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, data, i * cols, dim);
            if (m != null) data[i * cols + dim] = m[i];
        }
        return new TableInit(new Table(p.length, cols, data), dim);
    }

    private static CosineDensity density(CosineDensitySpec d) {
        int n = d.modes().size();
        int[][] k = new int[n][];
        double[] a = new double[n];
        for (int j = 0; j < n; j++) {
            k[j] = d.modes().get(j).k();
            a[j] = d.modes().get(j).amplitude();
        }
        return new CosineDensity(k, a);
    }

    private static Model model(ModelSpec spec, Scenario s, List<Population> pops) throws ScenarioException {
        List<String> names = new ArrayList<>(s.populations().keySet());
        Model model;
        if (spec instanceof GameSpec g) return Games.model(g, s, pops);
        if (spec instanceof OtSpec ot) return ot(ot, pops.get(names.indexOf(ot.population())), s.seed(), s.locations());
        if (spec instanceof BarycenterSpec b) return Barycenters.model(b, s, pops.get(names.indexOf(b.population())));
        if (spec instanceof ResNetSpec r) return ResNets.model(r, s, pops.get(names.indexOf(r.population())));
        if (spec instanceof MlpSpec p) {
            lmo.deep.mlp.Mlp net = p.network();
            return new lmo.model.mlp.MlpModel(names.indexOf(p.population()), net,
                    lmo.deep.mlp.Batch.gaussian(p.dataSeed(), 0, p.samples(), p.inputDim(), p.outputDim()),
                    ((WassersteinSpec) s.dynamics()).stepSize());
        }
        if (spec instanceof DeepLinearSpec l) {
            return new lmo.model.deeplinear.DeepLinearModel(names.indexOf(l.population()), l.network(),
                    lmo.deep.linear.Regression.paper(l.samples(), l.dim(), l.noise(), l.dataSeed()), l.sharpnessEvery(),
                    l.sharpnessTolerance(), s.steps());
        }
        if (spec instanceof MmdSpec mmd) {
            model = mmd(mmd, pops.get(names.indexOf(mmd.population())), s.seed());
        } else if (spec instanceof TwoLayerSpec t) {
            Population pop = pops.get(names.indexOf(t.population()));
            TwoLayerModel net = Networks.model(t, pop, s.locations());
            model = net;
            if (t.potential() != null) {
                model = new WithPotential(model, names.indexOf(t.potential().population()),
                        new QuadraticPotential(t.potential().kappa()));
            }
            PredictorSpec grid = s.output().predictor();
            return grid == null ? model : new Networks.WithPredictor(model, net, pop.index(), grid.grid());
        } else {
            PotentialSpec p = spec.potential();
            Population pop = pops.get(names.indexOf(p.population()));
            return new PotentialModel(pop.index(), pop.dim(), new QuadraticPotential(p.kappa()));
        }
        PotentialSpec p = spec.potential();
        if (p == null) return model;
        return new WithPotential(model, names.indexOf(p.population()), new QuadraticPotential(p.kappa()));
    }

    private static Model mmd(MmdSpec spec, Population p, long seed) throws ScenarioException {
        Target target = target(spec.target(), p, seed);
        KernelSpec k = spec.kernel();
        if (k instanceof SobolevKernel s) {
            return s.method().equals("exact") ? MmdModel.sobolevExact(p.index(), (int) s.s(), target)
                    : MmdModel.sobolevFourier(p.index(), p.dim(), s.s(), s.modes(), target);
        }
        if (k instanceof GaussianKernel g) return MmdModel.gaussian(p.index(), p.dim(), g.sigma(), target);
        return MmdModel.energy(p.index(), p.dim(), target);
    }

    /**
     * The OT model: the cost over the population's initial positions and the target samples. Both measures are
     * probability measures: the target weights are divided by their total ({@link #target}), and so are the sources'
     * masses, in place, when their total is not 1 to 1e-12 (a mass column of counts, or {@code mass: 5}).
     */
    private static Model ot(OtSpec spec, Population p, long seed, Locations where) throws ScenarioException {
        double total = p.initialMass();
        if (Math.abs(total - 1) > 1e-12) {
            double[] m = p.m0();
            for (int i = 0; i < m.length; i++) m[i] /= total;
        }
        Target t = target(spec.target(), p, seed);
        double[] y = t.points(), q = t.weights();
        lmo.transport.Cost cost;
        try {
            cost = lmo.transport.Cost.of(p.x0(), p.count(), y, q.length, p.dim(), lmo.transport.Cost.Kind.of(spec.cost()),
                    lmo.transport.Cost.Normalize.of(spec.normalize()));
        } catch (IllegalArgumentException e) {
            throw where.error("model.normalize", e.getMessage());
        }
        lmo.transport.InverseTemperature schedule = switch (spec.solver()) {
            case "sinkhorn" -> lmo.transport.InverseTemperature.constant(spec.beta0());
            case "annealed" -> lmo.transport.InverseTemperature.annealed(spec.beta0(), spec.kappa());
            case "debiased-annealed" -> lmo.transport.InverseTemperature.debiasedAnnealed(spec.beta0(), spec.kappa());
            default -> lmo.transport.InverseTemperature.epsilonScaling(spec.beta0(), spec.sigma(), spec.betaMax());
        };
        try {
            return new lmo.model.transport.OtModel(p.index(), cost, p.m0(), q, schedule, spec.tolerance(),
                    spec.stopAtTolerance());
        } catch (IllegalArgumentException e) {
            boolean weights = e.getMessage().startsWith("q[");
            throw where.error(weights ? "model.target" : "populations." + p.name(), (weights ? "the target weights: "
                    : "the masses: ") + e.getMessage());
        }
    }

    private static Target target(TargetSpec spec, Population p, long seed) throws ScenarioException {
        if (spec instanceof UniformTarget) return Target.uniform();
        if (spec instanceof CosineTarget c) {
            CosineDensitySpec d = c.density();
            int[][] k = d.modes().stream().map(CosineMode::k).toArray(int[][]::new);
            double[] a = d.modes().stream().mapToDouble(CosineMode::amplitude).toArray();
            return Target.cosine(k, a);
        }
        SamplesTarget st = (SamplesTarget) spec;
        int dim = p.dim();
        double[] points;
        double[] weights = null;
        if (st.file() != null) {
            Table t = read(st.file(), st.count(), "model.target.file");
            TableInit rows = new TableInit(t, dim);
            points = rows.positions(p.space(), st.count(), seed, -1 - p.index());
            weights = rows.masses(st.count());
        } else {
            points = init(st.from(), dim, "model.target.from").positions(p.space(), st.count(), seed, -1 - p.index());
        }
        double[] w = new double[st.count()];
        double total = 0;
        for (int j = 0; j < w.length; j++) total += weights == null ? 1.0 : weights[j];
        for (int j = 0; j < w.length; j++) w[j] = (weights == null ? 1.0 : weights[j]) / total;
        return Target.samples(points, w, dim);
    }

    /** @param scale the divisor of the step sizes ({@code scaleStepByInit}), 1 otherwise */
    private static Dynamics dynamics(DynamicsSpec d, double scale) {
        if (d instanceof WassersteinSpec w) return new Wasserstein(w.stepSize() / scale);
        if (d instanceof FisherRaoSpec f) {
            return new FisherRao(f.massStepSize(), f.conserveMass(), MassUpdate.parse(f.massUpdate()));
        }
        if (d instanceof WfrSpec w) {
            return new WassersteinFisherRao(w.stepSize() / scale, w.massStepSize() / scale, w.conserveMass(),
                    MassUpdate.parse(w.massUpdate()));
        }
        if (d instanceof GdaSpec g) {
            java.util.Locale root = java.util.Locale.ROOT;
            return new lmo.dynamics.Gda(lmo.dynamics.Gda.Method.valueOf(g.method().toUpperCase(root).replace('-', '_')),
                    lmo.dynamics.Gda.Update.valueOf(g.update().toUpperCase(root)),
                    lmo.dynamics.Gda.Players.valueOf(g.players().toUpperCase(root)), g.stepSize(), g.massStepSize());
        }
        if (d instanceof NoneSpec) return new lmo.dynamics.Fixed();
        LangevinSpec l = (LangevinSpec) d;
        return new Langevin(l.stepSize() / scale, schedule(l.temperature(), l.stepSize() / scale));
    }

    private static Schedule schedule(TemperatureSpec t, double stepSize) {
        return switch (t.type()) {
            case "constant" -> Schedule.constant(t.a());
            case "geometric" -> Schedule.geometric(t.a(), t.factor(), t.stageSteps());
            case "logarithmic" -> Schedule.logarithmic(t.a(), stepSize);
            default -> Schedule.piecewise(t.steps(), t.values());
        };
    }

    static Table read(java.nio.file.Path file, int rows, String key) throws ScenarioException {
        try {
            return Csv.readNumeric(file).head(rows);
        } catch (IOException | IllegalArgumentException e) {
            throw new ScenarioException(key + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
