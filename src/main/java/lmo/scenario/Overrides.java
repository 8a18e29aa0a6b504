package lmo.scenario;

import java.util.List;
import java.util.Set;
import lmo.scenario.Node.MapNode;
import lmo.scenario.Node.Origin;
import lmo.scenario.Node.Scalar;

/**
 * Applies {@code --set key.path=value} overrides to a scenario tree, in order, before binding. The value is read as
 * YAML ({@code [0.3]} is a list, {@code {type: gaussian, sigma: 0.1}} a mapping). Missing mappings along the path are
 * created; the new nodes are marked as coming from the override, so errors about them name it. With a single
 * population, a path may start at the population ({@code init.mean=[0.3]} for {@code populations.NAME.init.mean}).
 */
final class Overrides {
    private static final Set<String> POPULATION_KEYS = Set.copyOf(Keys.POPULATION);

    private Overrides() {}

    static void apply(MapNode root, List<String> overrides) throws ScenarioException {
        for (String o : overrides) apply(root, o);
    }

    private static void apply(MapNode root, String override) throws ScenarioException {
        int eq = override.indexOf('=');
        String path = eq < 0 ? "" : override.substring(0, eq).strip();
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new ScenarioException("--set " + override + ": expected key.path=value");
        }
        path = expandPopulationShorthand(root, path);
        String[] keys = path.split("\\.");
        Node value = TreeReader.readOverride(path, override.substring(eq + 1));
        MapNode m = root;
        String at = "";
        for (int i = 0; i < keys.length - 1; i++) {
            at = Node.join(at, keys[i]);
            Node next = m.get(keys[i]);
            if (next == null || next instanceof Scalar s && s.isNull()) {
                next = new MapNode(Origin.ofOverride());
                m.entries().put(keys[i], new MapNode.Entry(Origin.ofOverride(), next));
            }
            if (!(next instanceof MapNode child)) {
                throw new ScenarioException("--set " + path + ": cannot set a key inside " + at + ", which is "
                        + Node.describe(next) + ", not a mapping");
            }
            m = child;
        }
        m.entries().put(keys[keys.length - 1], new MapNode.Entry(Origin.ofOverride(), value));
    }

    /** {@code init.mean} -> {@code populations.NAME.init.mean} when there is exactly one population. */
    private static String expandPopulationShorthand(MapNode root, String path) {
        String first = path.split("\\.", 2)[0];
        if (POPULATION_KEYS.contains(first) && root.get("populations") instanceof MapNode pops
                && pops.entries().size() == 1) {
            return "populations." + pops.entries().keySet().iterator().next() + "." + path;
        }
        return path;
    }
}
