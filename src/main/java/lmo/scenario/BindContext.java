package lmo.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * What a family's binder reads besides its mapping.
 *
 * @param populations the bound populations by name (empty when a family deriving its population has none listed)
 * @param seed the scenario's seed (the default of the families' seeds)
 * @param files the data files, resolved against the scenario's directory
 * @param inits the init binder (generated target samples)
 * @param jars the jars user classes are loaded from ({@code --jar})
 * @param where the document, for errors about keys outside {@code model} (a population's count)
 */
public record BindContext(SortedMap<String, PopulationSpec> populations, long seed, DataFiles files,
                          InitBinder inits, List<Path> jars, Locations where) {
    /**
     * The population the model acts on: {@code model.population}, which must exist, or the only population (an error
     * at the mapping when there are several).
     */
    public String population(MapReader m) throws ScenarioException {
        if (m.has("population")) {
            String population = m.requireString("population");
            if (!populations.containsKey(population)) {
                throw m.error("population", "no population named '" + population + "'; populations: "
                        + String.join(", ", populations.keySet()));
            }
            return population;
        }
        if (populations.size() == 1) return m.resolve("population", populations.firstKey());
        throw m.node.origin().error(m.path, "missing required key 'population' (several populations: "
                + String.join(", ", populations.keySet()) + ")");
    }
}
