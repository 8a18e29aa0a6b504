package lmo.scenario;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lmo.scenario.MapReader.Check;

/** Binds {@code populations}: each population's count, space, init and mass. */
final class PopulationBinder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final InitBinder inits;
    private final String solverPopulation;

    /**
     * @param solverPopulation the population whose particles also carry a solver value (an {@code ot} model's: its
     *     Sinkhorn potential), part of what its arrays hold; null if none
     */
    PopulationBinder(InitBinder inits, String solverPopulation) {
        this.inits = inits;
        this.solverPopulation = solverPopulation;
    }

    SortedMap<String, PopulationSpec> bind(MapReader populations) throws ScenarioException {
        if (populations.keys().isEmpty()) {
            throw populations.node.origin().error(populations.path, "expected at least one population");
        }
        SortedMap<String, PopulationSpec> out = new TreeMap<>();
        for (String name : populations.keys()) {
            if (!NAME.matcher(name).matches() || name.length() > Names.MAX_LENGTH) {
                throw populations.keyError(name, "a population name must be a letter followed by letters, digits, '_'"
                        + " or '-', at most " + Names.MAX_LENGTH + " characters");
            }
            out.put(name, population(name, populations.requireMap(name)));
        }
        return out;
    }

    private PopulationSpec population(String name, MapReader m) throws ScenarioException {
        m.allow(Keys.POPULATION);
        long n = m.requireSize("count", 1);
        MapReader spaceMap = m.requireMap("space");
        SpaceSpec space = space(spaceMap, n, m, name.equals(solverPopulation) ? 1 : 0);
        int count = (int) n;
        MapReader initMap = m.requireMap("init");
        InitSpec init = inits.bind(initMap, Keys.INIT.keySet(), space, m, count, Keys.INIT_COMMON);
        double scale = 1.0;
        boolean symmetric = false;
        if (!space.isEuclidean()) {
            for (String key : Keys.INIT_COMMON) {
                if (initMap.node.entries().containsKey(key)) {
                    throw initMap.keyError(key, key + " needs a euclidean space, got " + space.type());
                }
            }
        } else {
            scale = initMap.optDouble("scale", 1.0, Check.greaterThan(0));
            symmetric = initMap.optBoolean("symmetric", false);
            if (symmetric && count % 2 != 0) {
                throw initMap.error("symmetric", "needs an even count (the second half copies the first), got count " + count);
            }
        }
        double mass = m.optDouble("mass", 1.0, Check.greaterThan(0));
        return new PopulationSpec(name, count, space, init, mass, scale, symmetric);
    }

    /**
     * The space; its dim and the population's count together must fit the engine's arrays: {@code count x (dim + 1
     * + w)} doubles (positions, masses, solver values; the final snapshot holds a population's positions
     * and masses in one array) of at most {@link Limits#MAX_ARRAY}.
     */
    private static SpaceSpec space(MapReader m, long count, MapReader population, int w) throws ScenarioException {
        m.allow(Keys.SPACE);
        String type = m.choice("type", null, Keys.SPACE_TYPES);
        long dim = m.requireSize("dim", 1);
        if (type.equals("sphere") && dim < 2) {
            throw m.error("dim", "must be >= 2 on a sphere (dim is the ambient dimension), got " + dim);
        }
        Limits.check(Limits.oneArray("count x (dim + " + (1 + w) + ") doubles (positions, masses"
                + (w > 0 ? " and Sinkhorn potentials)" : ")")), Limits.MAX_ARRAY, v -> (double) v[0] * (v[1] + 1 + w),
                Limits.of(population, "count", count, 1), Limits.of(m, "dim", dim, type.equals("sphere") ? 2 : 1));
        return new SpaceSpec(type, (int) dim);
    }
}
