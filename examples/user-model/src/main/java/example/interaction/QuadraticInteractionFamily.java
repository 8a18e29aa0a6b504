package example.interaction;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.family.Key;
import lmo.family.ModelFamily;
import lmo.model.Model;
import lmo.scenario.DynamicsSpec;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: quadratic-interaction}: the energy {@code int kappa |x|^2 / 2 + 1/2 iint a |x - y|^2 / 2} of
 * {@link QuadraticInteraction} on a euclidean population. A user family: lmo finds it through
 * {@code META-INF/services/lmo.family.ModelFamily} in the jar given with {@code --jar}.
 */
public final class QuadraticInteractionFamily implements ModelFamily<QuadraticInteractionFamily.Spec> {

    /** The bound {@code model} mapping. */
    public record Spec(String population, double kappa, double a) implements ModelSpec {
        @Override public String type() { return "quadratic-interaction"; }
        @Override public PotentialSpec potential() { return null; }
    }

    private static final List<Key> KEYS = List.of(
            new Key("type", "`quadratic-interaction`", "required", "", "The functional."),
            new Key("population", "population name", "the only population", "a euclidean population",
                    "The population that moves."),
            new Key("kappa", "number", "required", "> 0", "The confinement kappa of kappa |x|^2 / 2."),
            new Key("a", "number", "`1`", ">= 0", "The interaction strength a of a |x - y|^2 / 2."));

    @Override public String type() { return "quadratic-interaction"; }

    @Override public List<Key> keys() { return KEYS; }

    @Override
    public SortedSet<String> paths() {
        SortedSet<String> paths = new TreeSet<>();
        KEYS.forEach(k -> paths.add(k.path()));
        return paths;
    }

    @Override public Class<Spec> specType() { return Spec.class; }

    @Override
    public Spec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS.stream().map(Key::path).toList());
        String population = c.population(m);
        SpaceSpec space = c.populations().get(population).space();
        if (!space.isEuclidean()) {
            throw m.error("population", "quadratic-interaction needs a euclidean population, got " + space.type());
        }
        return new Spec(population, m.requireDouble("kappa", Check.greaterThan(0)),
                m.optDouble("a", 1, Check.atLeast(0)));
    }

    @Override
    public Model build(Spec spec, BuildContext c) {
        return new QuadraticInteraction(c.index(spec.population()), c.population(spec.population()).dim(),
                spec.kappa(), spec.a());
    }

    /** Particles move: {@code wasserstein} or {@code langevin}; re-weighting would break the closed forms. */
    @Override
    public String refusedDynamics(Spec spec, DynamicsSpec dynamics) {
        String name = dynamics.getClass().getSimpleName();
        return name.equals("WassersteinSpec") || name.equals("LangevinSpec") ? null
                : "quadratic-interaction moves particles: use dynamics type wasserstein or langevin";
    }
}
