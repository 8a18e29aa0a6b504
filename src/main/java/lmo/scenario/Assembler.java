package lmo.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lmo.dynamics.Dynamics;
import lmo.dynamics.FisherRao;
import lmo.dynamics.Langevin;
import lmo.dynamics.MassUpdate;
import lmo.dynamics.Schedule;
import lmo.dynamics.Wasserstein;
import lmo.dynamics.WassersteinFisherRao;
import lmo.particles.Population;
import lmo.engine.AsyncSupport;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.scenario.BuildContext;
import lmo.init.CosineDensity;
import lmo.init.InitialDistribution;
import lmo.init.QuantileInit;
import lmo.init.TableInit;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.neural.ScalingPath;
import lmo.space.Space;
import lmo.space.Spaces;

/**
 * Turns a validated {@link Scenario} into the {@link Simulation} the engine runs: spaces, initial states, the
 * model (built by its family, {@link ModelCatalog}), the dynamics, and the resolved block size. Deterministic: the same
 * scenario gives the same simulation on every JVM.
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
        Model model = ModelCatalog.get().bindingOf(s.model()).buildAny(s.model(), new BuildContext(pops, s.populations(), s.seed(), s.steps(),
                ScenarioBinder.timeStep(s.dynamics()), s.output().predictor(), s.locations(), Assembler::init));
        int[] counts = pops.stream().mapToInt(Population::count).toArray();
        int blockSize = s.engine().autoBlockSize() ? model.defaultBlockSize(counts) : s.engine().blockSize();
        Dynamics dynamics = dynamics(s.dynamics(),
                ScenarioBinder.stepScale(s.dynamics(), s.populations().get(s.model().population())));
        checkFits(s, model, dynamics);
        if (s.dynamics() instanceof GdaSpec g && g.players().equals("alternating") && pops.size() != 2) {
            throw s.locations().error("dynamics.players", "alternating players need exactly two populations (x moves"
                    + " first, then y); the scenario has " + pops.size());
        }
        if (s.output().trajectories().on() && s.populations().containsKey("steps")) {
            throw s.locations().error("output.trajectories", "a population named 'steps' would write"
                    + " trajectories-steps.npy, the file of the recorded steps; rename the population");
        }
        Sync sync = s.engine().sync();
        String refusal = AsyncSupport.refusal(sync, model, dynamics, pops);
        if (refusal != null) {
            throw s.locations().error("engine.sync", sync.mode().key() + " cannot run model " + s.model().type()
                    + " with dynamics " + dynamics.type() + ": " + refusal);
        }
        return new Simulation(s.name(), s.seed(), s.steps(), pops, model, dynamics, blockSize,
                s.engine().shards(), s.output().every(), s.output().snapshotEvery(), s.checkpoint().every())
                .withSync(sync).withTrajectories(s.output().trajectories());
    }

    /**
     * The warnings about a scenario that will run but likely not as meant, each one line located at its key (without
     * the {@code lmo: warning: } prefix the command line adds): an asynchronous {@code engine.sync} whose step is
     * beyond the delayed-Euler stability bound for the model's largest linear rate ({@link #stabilityBound}).
     */
    public static List<String> warnings(Scenario s, Simulation sim) {
        List<String> out = new ArrayList<>();
        Sync sync = sim.sync();
        double lambda = sim.model().largestLinearRate();
        boolean transport = s.dynamics() instanceof WassersteinSpec || s.dynamics() instanceof LangevinSpec
                || s.dynamics() instanceof WfrSpec;
        if (sync.asynchronous() && transport && lambda > 0 && Double.isFinite(lambda)) {
            double eta = sim.dynamics().timeStep();
            double bound = stabilityBound(sync.staleness());
            if (eta * lambda >= bound) {
                out.add(s.locations().error("engine.staleness", "eta lambda = " + shown(eta * lambda) + " (step size "
                        + shown(eta) + ", lambda = " + shown(lambda) + ", the model's largest linear rate) is at or beyond"
                        + " 2 sin(pi / (2 (2s + 1))) = " + shown(bound) + " for staleness s = " + sync.staleness()
                        + ": the run will likely grow instead of decay; a step size below " + shown(bound / lambda)
                        + " keeps it stable")
                        .getMessage());
            }
        }
        return out;
    }

    /** {@code v} to 4 significant digits, without trailing zeros: 20, 0.5066, 1.2e-05. */
    private static String shown(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /**
     * The largest {@code eta lambda} for which explicit Euler with summaries {@code staleness} states old,
     * {@code a_(n+1) = a_n - eta lambda a_(n-s)}, decays: {@code 2 sin(pi / (2 (2s + 1)))} (2 for s = 0; 1, 0.618,
     * 0.445, 0.347 for s = 1..4).
     */
    public static double stabilityBound(int staleness) {
        return 2 * Math.sin(Math.PI / (2 * (2.0 * staleness + 1)));
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
        return new TableInit(DataFiles.table(f.path(), f.rows(), where + ".path"), dim);
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
}
