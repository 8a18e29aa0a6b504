package lmo.family;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.model.Model;
import lmo.model.potential.PotentialModel;
import lmo.model.potential.QuadraticPotential;
import lmo.model.potential.WithPotential;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.PotentialSpec;
import lmo.scenario.ScenarioException;

/**
 * {@code model.type: potential}: a population in the external potential {@code U(x) = kappa |x|^2 / 2} alone (no
 * interaction). The same {@code model.potential} mapping adds U to the {@code mmd} and {@code two-layer} models
 * ({@link #potential}, {@link #withPotential}).
 */
public final class PotentialFamily implements ModelFamily<PotentialModelSpec> {
    static final List<String> KEYS = List.of("type", "population", "potential");
    static final Map<String, List<String>> POTENTIAL = KeyLists.ordered("quadratic", List.of("type", "kappa"));

    @Override public String type() { return "potential"; }
    @Override public Class<PotentialModelSpec> specType() { return PotentialModelSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }

    @Override
    public SortedSet<String> paths() {
        return new KeyLists().add("", KEYS).addEach("potential", POTENTIAL.values()).paths();
    }

    @Override
    public PotentialModelSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        String population = c.population(m);
        return new PotentialModelSpec(potential(m.requireMap("potential"), population));
    }

    @Override
    public Model build(PotentialModelSpec spec, BuildContext c) {
        PotentialSpec p = spec.potential();
        Population pop = c.population(p.population());
        return new PotentialModel(pop.index(), pop.dim(), new QuadraticPotential(p.kappa()));
    }

    /** {@code {type: quadratic, kappa}}: U(x) = kappa |x|^2 / 2. */
    static PotentialSpec potential(MapReader m, String population) throws ScenarioException {
        String type = m.choice("type", "quadratic", POTENTIAL.keySet());
        m.allow(POTENTIAL.get(type));
        return new PotentialSpec(population, type, m.requireDouble("kappa", Check.greaterThan(0)));
    }

    /** {@code model} plus U, or {@code model} itself when {@code p} is null. */
    static Model withPotential(Model model, PotentialSpec p, BuildContext c) {
        if (p == null) return model;
        return new WithPotential(model, c.index(p.population()), new QuadraticPotential(p.kappa()));
    }

    /** The documented keys of {@code model.potential} (but the mapping itself), shared by the families adding U. */
    static final List<Key> POTENTIAL_KEYS = List.of(
            new Key("potential.type", "`quadratic`", "`quadratic`", "",
                    "`U(x) = kappa |x|^2 / 2` in ambient coordinates."),
            new Key("potential.kappa", "number", "required", "> 0", "Stiffness."));

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = KeyLists.concat(List.of(
            new Key("type", "`potential`", "required", "", "The functional."),
            new Key("population", "population name", "the only population", "an existing population",
                    "The population that moves."),
            new Key("potential", "mapping", "absent", "", "The potential U (required for `model.type: potential`).")),
            POTENTIAL_KEYS);
}
