package lmo.family;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.model.Model;
import lmo.model.kernel.MmdModel;
import lmo.model.kernel.Target;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.PotentialSpec;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;
import lmo.scenario.TargetSpec;

/**
 * {@code model.type: mmd}: the kernel discrepancy {@code F(mu) = 1/2 MMD_K(mu, nu)^2} between a population mu and a
 * target law nu ({@link MmdModel}): the kernel K (sobolev on a torus; gaussian or energy elsewhere), checked against
 * the population's space, the target ({@link Targets}), an optional external potential.
 */
public final class MmdFamily implements ModelFamily<MmdSpec> {
    static final List<String> KEYS = List.of("type", "population", "kernel", "target", "potential");
    static final Map<String, List<String>> KERNEL = KeyLists.ordered(
            "sobolev", List.of("type", "s", "modes", "method"),
            "gaussian", List.of("type", "sigma"),
            "energy", List.of("type"));
    static final List<String> SOBOLEV_METHODS = List.of("auto", "exact", "fourier");
    /** The largest s of the exact (Bernoulli) Sobolev kernel. */
    static final int MAX_EXACT_S = 10;
    /** The most Fourier modes the sobolev kernel's fourier method keeps, {@code ((2 modes + 1)^dim - 1) / 2}. */
    static final long MAX_FOURIER_MODES = 50_000_000;

    @Override public String type() { return "mmd"; }
    @Override public Class<MmdSpec> specType() { return MmdSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }

    @Override
    public SortedSet<String> paths() {
        return new KeyLists().add("", KEYS).addEach("kernel", KERNEL.values())
                .addAll(Targets.paths(List.copyOf(Targets.TARGET.keySet())))
                .addEach("potential", PotentialFamily.POTENTIAL.values()).paths();
    }

    @Override
    public MmdSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        String population = c.population(m);
        SpaceSpec space = c.populations().get(population).space();
        KernelSpec kernel = kernel(m.requireMap("kernel"), space, population);
        TargetSpec target = Targets.target(m.requireMap("target"), space, kernel, c);
        PotentialSpec potential = m.has("potential") ? PotentialFamily.potential(m.requireMap("potential"), population) : null;
        return new MmdSpec(population, kernel, target, potential);
    }

    @Override
    public Model build(MmdSpec spec, BuildContext c) throws ScenarioException {
        Population p = c.population(spec.population());
        Target target = Targets.build(spec.target(), p, c);
        KernelSpec k = spec.kernel();
        Model model;
        if (k instanceof SobolevKernel s) {
            model = s.method().equals("exact") ? MmdModel.sobolevExact(p.index(), (int) s.s(), target)
                    : MmdModel.sobolevFourier(p.index(), p.dim(), s.s(), s.modes(), target);
        } else if (k instanceof GaussianKernel g) {
            model = MmdModel.gaussian(p.index(), p.dim(), g.sigma(), target);
        } else {
            model = MmdModel.energy(p.index(), p.dim(), target);
        }
        return PotentialFamily.withPotential(model, spec.potential(), c);
    }

    private static KernelSpec kernel(MapReader m, SpaceSpec space, String population) throws ScenarioException {
        String type = m.choice("type", null, KERNEL.keySet());
        m.allow(KERNEL.get(type));
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
                String method = m.choice("method", "auto", SOBOLEV_METHODS);
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

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = KeyLists.concat(List.of(
            new Key("type", "`mmd`", "required", "", "The functional."),
            new Key("population", "population name", "the only population", "an existing population",
                    "The population that moves."),
            new Key("kernel", "mapping", "required", "", "The kernel K, see [Kernels](#kernels)."),
            new Key("target", "mapping", "required", "", "The target law nu, see [Targets](#targets)."),
            new Key("potential", "mapping", "absent", "", "The potential U (required for `model.type: potential`)."),
            new Key("kernel.type", "`sobolev` | `gaussian` | `energy`", "required",
                    "`sobolev` on the torus; `gaussian`, `energy` on euclidean or sphere", "The kernel."),
            new Key("kernel.s", "number", "`1`", ">= 1", "Smoothness s of H^-s."),
            new Key("kernel.modes", "integer", "`64` for dim 1, `16` for dim 2, `6` otherwise",
                    ">= 1; `fourier`: at most 5e7 kept modes, [Limits](#limits)",
                    "Truncation of the `fourier` method: frequencies with `|k|_inf <= modes`."),
            new Key("kernel.method", "`auto` | `exact` | `fourier`", "`auto`",
                    "`exact` needs dim 1 and an integer s <= 10",
                    "`exact`: the closed form in d = 1 for integer s, `K_s(x) = (-1)^(s+1) B_2s({x}) / (2s)!` "
                    + "(B_2s the Bernoulli polynomial, {x} the fractional part), with no truncation."),
            new Key("kernel.sigma", "number", "required", "> 0", "Bandwidth."),
            new Key("target.type", "`uniform` | `cosine` | `samples`", "required",
                    "`uniform`, `cosine` on the torus only", "The target law nu.")),
            Targets.COSINE_KEYS, Targets.SAMPLES_KEYS, PotentialFamily.POTENTIAL_KEYS);
}
