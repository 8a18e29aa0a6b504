package lmo.family;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.model.Model;
import lmo.model.kernel.Target;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.DynamicsSpec;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.NoneSpec;
import lmo.scenario.SamplesTarget;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: ot}: entropic optimal transport between the particles of a euclidean population (the sources,
 * with their masses) and a samples target, by log-domain Sinkhorn ({@link lmo.model.transport.OtModel}). Its step is
 * a Sinkhorn iteration: it moves no particle (dynamics {@code none}, implied), and each particle carries its
 * potential u ({@link #solverWidth} 1).
 */
public final class OtFamily implements ModelFamily<OtSpec> {
    static final List<String> KEYS = List.of("type", "population", "target", "cost", "normalize", "solver", "tolerance",
            "stopAtTolerance");
    static final Map<String, List<String>> SOLVER = KeyLists.ordered(
            "sinkhorn", List.of("type", "beta", "epsilon", "acceleration", "omega"),
            "annealed", List.of("type", "beta0", "kappa", "acceleration", "omega"),
            "debiased-annealed", List.of("type", "beta0", "kappa", "acceleration", "omega"),
            "epsilon-scaling", List.of("type", "beta0", "sigma", "betaMax", "innerIterations", "innerTolerance",
                    "acceleration", "omega"));
    static final List<String> COSTS = List.of("sqeuclidean", "half-sqeuclidean");
    static final List<String> NORMALIZE = List.of("none", "max", "oscillation");

    @Override public String type() { return "ot"; }
    @Override public Class<OtSpec> specType() { return OtSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }
    @Override public int solverWidth() { return 1; }
    @Override public DynamicsSpec impliedDynamics(OtSpec spec) { return new NoneSpec(); }

    @Override
    public String refusedDynamics(OtSpec spec, DynamicsSpec dynamics) {
        return dynamics instanceof NoneSpec ? null : "model ot moves no particle: its step is a Sinkhorn"
                + " iteration; use dynamics: {type: none} (or leave dynamics out)";
    }

    @Override
    public SortedSet<String> paths() {
        return new KeyLists().add("", KEYS).addAll(Targets.paths(List.of("samples"))).addEach("solver", SOLVER.values())
                .paths();
    }

    /** The target samples, the cost (stated, never defaulted), the solver and its schedule. */
    @Override
    public OtSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        String population = c.population(m);
        SpaceSpec space = c.populations().get(population).space();
        if (!space.type().equals("euclidean")) {
            String msg = "ot needs a euclidean population, got a " + space.type() + " (population '" + population + "')";
            throw m.has("population") ? m.error("population", msg) : m.node.origin().error(m.path, msg);
        }
        MapReader t = m.requireMap("target");
        String tt = t.choice("type", "samples", List.of("samples"));
        t.allow(Targets.TARGET.get(tt));
        SamplesTarget target = Targets.samples(t, space, true, c);
        String cost = m.choice("cost", null, COSTS);
        String normalize = m.choice("normalize", "none", NORMALIZE);
        MapReader s = m.requireMap("solver");
        String solver = s.choice("type", null, SOLVER.keySet());
        s.allow(SOLVER.get(solver));
        Check positive = Check.greaterThan(0);
        double nan = Double.NaN, beta0, kappa = nan, sigma = nan, betaMax = nan, innerTolerance = nan;
        int innerIterations = 0;
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
                if (s.has("innerIterations") || s.has("innerTolerance")) {   // stages: POT's inner loops
                    innerIterations = s.optInt("innerIterations", OtSpec.DEFAULT_INNER_ITERATIONS, Check.atLeast(1));
                    innerTolerance = s.optDouble("innerTolerance", 0, Check.atLeast(0));
                }
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
        double omega = acceleration(s, solver, stop);
        return new OtSpec(population, target, cost, normalize, solver, beta0, kappa, sigma, betaMax, innerIterations,
                innerTolerance, tolerance, stop, omega);
    }

    /**
     * {@code solver.acceleration} ({@code on} by default for a constant-beta solve that stops at its tolerance, else
     * {@code off}) and {@code solver.omega}: 1 for plain Sinkhorn, NaN for the adaptive factor, or the fixed one.
     */
    private static double acceleration(MapReader s, String solver, boolean stop) throws ScenarioException {
        String def = solver.equals("sinkhorn") && stop ? "on" : "off";
        String acc = s.choice("acceleration", def, List.of("on", "off"));
        if (acc.equals("off")) {
            if (s.has("omega")) throw s.keyError("omega", "omega is the over-relaxation factor: it needs acceleration: on");
            return 1.0;
        }
        if (solver.equals("debiased-annealed")) {
            throw s.error("acceleration", "debiased-annealed Sinkhorn cannot be over-relaxed: its u-update"
                    + " u <- theta u - L is not a maximisation of the dual in u, so the safe factor has nothing to"
                    + " keep; use acceleration: off");
        }
        if (!s.has("omega")) return Double.NaN;
        double max = lmo.transport.Overrelaxation.MAX_OMEGA;
        return s.requireDouble("omega", v -> v >= 1 && v <= max ? null
                : "must be in 1..1.9746 (1 + sqrt(0.95), the largest factor the safe step allows)");
    }

    /**
     * The cost over the population's initial positions and the target samples. Both measures are probability
     * measures: the target weights are divided by their total ({@link Targets#build}), and so are the sources'
     * masses, in place, when their total is not 1 to 1e-12 (a mass column of counts, or {@code mass: 5}).
     */
    @Override
    public Model build(OtSpec spec, BuildContext c) throws ScenarioException {
        Population p = c.population(spec.population());
        double total = p.initialMass();
        if (Math.abs(total - 1) > 1e-12) {
            double[] m = p.m0();
            for (int i = 0; i < m.length; i++) m[i] /= total;
        }
        Target t = Targets.build(spec.target(), p, c);
        double[] y = t.points(), q = t.weights();
        lmo.transport.Cost cost;
        try {
            cost = lmo.transport.Cost.of(p.x0(), p.count(), y, q.length, p.dim(), lmo.transport.Cost.Kind.of(spec.cost()),
                    lmo.transport.Cost.Normalize.of(spec.normalize()));
        } catch (IllegalArgumentException e) {
            throw c.where().error("model.normalize", e.getMessage());
        }
        lmo.transport.InverseTemperature schedule = switch (spec.solver()) {
            case "sinkhorn" -> lmo.transport.InverseTemperature.constant(spec.beta0());
            case "annealed" -> lmo.transport.InverseTemperature.annealed(spec.beta0(), spec.kappa());
            case "debiased-annealed" -> lmo.transport.InverseTemperature.debiasedAnnealed(spec.beta0(), spec.kappa());
            default -> lmo.transport.InverseTemperature.epsilonScaling(spec.beta0(), spec.sigma(), spec.betaMax());
        };
        lmo.transport.EpsilonStages stages = spec.innerIterations() == 0 ? null
                : new lmo.transport.EpsilonStages(schedule, spec.innerIterations(), spec.innerTolerance());
        try {
            return new lmo.model.transport.OtModel(p.index(), cost, p.m0(), q, schedule, spec.tolerance(),
                    spec.stopAtTolerance(), spec.omega(), stages);
        } catch (IllegalArgumentException e) {
            boolean weights = e.getMessage().startsWith("q[");
            throw c.where().error(weights ? "model.target" : "populations." + p.name(), (weights ? "the target weights: "
                    : "the masses: ") + e.getMessage());
        }
    }

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = KeyLists.concat(List.of(
            new Key("type", "`ot`", "required", "", "The functional."),
            new Key("population", "population name", "the only population", "an existing population",
                    "The population that moves."),
            new Key("target", "mapping", "required", "`type: samples`",
                    "The target cloud and its weights: the `samples` keys of [Targets](#targets) (`file` with an "
                    + "optional weight column and `rows`, or `count` and `from`); weights are normalised to sum "
                    + "1, and must all be > 0 (a zero weight in the file is refused, naming `model.target.file` "
                    + "and its row)."),
            new Key("cost", "`sqeuclidean` | `half-sqeuclidean`", "required", "",
                    "`c(x, y) = abs(x - y)^2` or `abs(x - y)^2 / 2`: never defaulted, since papers and peers "
                    + "differ; stated in the run's outputs."),
            new Key("normalize", "`none` | `max` | `oscillation`", "`none`", "",
                    "Divide the cost by `max c` (W1, POT users) or by `max c - min c` (the annealing paper), "
                    + "over all pairs of the initial positions; beta and epsilon refer to the normalised cost."),
            new Key("solver", "mapping", "required", "",
                    "The schedule of inverse temperatures beta_t (epsilon_t = 1 / beta_t)."),
            new Key("solver.type", "`sinkhorn` | `annealed` | `debiased-annealed` | `epsilon-scaling`", "required",
                    "", "`sinkhorn`: constant beta."),
            new Key("solver.beta", "number", "required (or `epsilon`)", "> 0", "`sinkhorn`: beta."),
            new Key("solver.epsilon", "number", "", "> 0",
                    "`sinkhorn`: epsilon = 1 / beta (POT's `reg` on the same normalised cost)."),
            new Key("solver.beta0", "number", "`10` (required for `epsilon-scaling`)", "> 0", "beta_0."),
            new Key("solver.kappa", "number", "`0.5` (`annealed`), `2/3` (`debiased-annealed`)", ">= 0",
                    "The exponent."),
            new Key("solver.sigma", "number", "required", "> 1", "`epsilon-scaling`: the factor per iteration."),
            new Key("solver.betaMax", "number", "required", ">= beta0", "`epsilon-scaling`: the cap."),
            new Key("solver.innerIterations", "integer", "`100` when `innerTolerance` is given, else one iteration a"
                    + " beta", ">= 1",
                    "`epsilon-scaling` in stages (POT's `sinkhorn_epsilon_scaling`): stage s iterates at "
                    + "`min(beta0 sigma^s, betaMax)` until an iteration's `secondMarginalError` is `<= innerTolerance` "
                    + "or it has run `innerIterations` iterations; the last stage runs to the end. A step is one "
                    + "iteration; the stage is model global state (checkpointed, hashed): see "
                    + "[transport.md](transport.md)."),
            new Key("solver.innerTolerance", "number", "`0` (each stage runs `innerIterations`)", ">= 0",
                    "`epsilon-scaling` in stages: the second-marginal l1 error that ends a stage."),
            new Key("solver.acceleration", "`on` | `off`",
                    "`on` for `sinkhorn` with `stopAtTolerance: true`, else `off`", "not `on` for `debiased-annealed`",
                    "Over-relaxed Sinkhorn (each potential moved omega times the Sinkhorn step, made safe per "
                    + "coordinate; the same entropic plan, in fewer iterations): see [transport.md](transport.md)."),
            new Key("solver.omega", "number", "adaptive", "1 to 1.9746, needs `acceleration: on`",
                    "A fixed over-relaxation factor instead of the adaptive one (estimated from the first "
                    + "iterations' rate)."),
            new Key("tolerance", "number", "`1e-6`", "> 0",
                    "The metric `converged`: 1 when both `marginalError` and `secondMarginalError` are `<= tolerance` "
                    + "(for `epsilon-scaling`, at `beta = betaMax` only; the last row is in "
                    + "`summary.json`, with the tolerance under `conventions`)."),
            new Key("stopAtTolerance", "boolean", "`false`", "needs `tolerance` given",
                    "End the run at the first logged state whose two marginal errors are `<= tolerance` (checked every "
                    + "`output.every` steps): it completes there, `summary.json` has its `finalStep` and a "
                    + "`message` saying it converged, and the final state is the one a run of exactly that many "
                    + "steps ends in."),
            new Key("target.type", "`samples`", "`samples`", "", "A samples target, the only one of ot.")),
            Targets.SAMPLES_KEYS);
}
