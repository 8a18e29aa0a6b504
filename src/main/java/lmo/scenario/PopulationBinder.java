package lmo.scenario;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lmo.scenario.MapReader.Check;

/** Binds {@code populations}: each population's count, space, init and mass. */
final class PopulationBinder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final InitBinder inits;

    PopulationBinder(InitBinder inits) {
        this.inits = inits;
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
        int count = m.requireInt("count", Check.atLeast(1));
        SpaceSpec space = space(m.requireMap("space"));
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

    private static SpaceSpec space(MapReader m) throws ScenarioException {
        m.allow(Keys.SPACE);
        String type = m.choice("type", null, Keys.SPACE_TYPES);
        int dim = m.requireInt("dim", Check.atLeast(1));
        if (type.equals("sphere") && dim < 2) {
            throw m.error("dim", "must be >= 2 on a sphere (dim is the ambient dimension), got " + dim);
        }
        return new SpaceSpec(type, dim);
    }
}
