package lmo.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import lmo.init.InitialDistribution;
import lmo.particles.Population;

/**
 * What a family's build reads besides its spec.
 *
 * @param populations the assembled populations, in the order of their names (population p has index p)
 * @param specs the populations' specs by name (a grid init's box)
 * @param seed the scenario's seed
 * @param steps the number of steps
 * @param timeStep the dynamics' mean-field time per step (its step size; 1 for {@code none})
 * @param predictor {@code output.predictor}, or null
 * @param where the document, for errors located at a key
 * @param inits builds an init spec's distribution (generated target samples)
 */
public record BuildContext(List<Population> populations, SortedMap<String, PopulationSpec> specs, long seed, int steps,
                           double timeStep, PredictorSpec predictor, Locations where, Inits inits) {
    /** Builds the distribution of an init spec, of dimension {@code dim}; errors name {@code where}. */
    public interface Inits {
        InitialDistribution init(InitSpec spec, int dim, String where) throws ScenarioException;
    }

    /** The index of the population named {@code name}, or -1. */
    public int index(String name) {
        return new ArrayList<>(specs.keySet()).indexOf(name);
    }

    /** The population named {@code name}. */
    public Population population(String name) {
        return populations.get(index(name));
    }
}
