package lmo.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lmo.scenario.MapReader.Check;

/**
 * Binds init specs ({@code populations.<name>.init}, {@code model.target.from}) and cosine densities
 * ({@code init.density}, a {@code cosine} target), checking them against the population's space and count.
 */
public final class InitBinder {
    private final DataFiles files;

    public InitBinder(DataFiles files) {
        this.files = files;
    }

    /**
     * @param m the init mapping
     * @param types the init types allowed here
     * @param owner the mapping holding {@code count} (the population, or the samples target), for count errors
     * @param count the number of points to generate or read
     */
    public InitSpec bind(MapReader m, Collection<String> types, SpaceSpec space, MapReader owner, int count)
            throws ScenarioException {
        return bind(m, types, space, owner, count, List.of());
    }

    /** As above, also allowing the keys {@code common} to every type (read by the caller). */
    InitSpec bind(MapReader m, Collection<String> types, SpaceSpec space, MapReader owner, int count,
            List<String> common) throws ScenarioException {
        String type = m.choice("type", null, types);
        List<String> allowed = new ArrayList<>(Keys.INIT.get(type));
        allowed.addAll(common);
        m.allow(allowed);
        int dim = space.dim();
        switch (type) {
            case "uniform": {
                double[][] box = box(m, space);
                return new UniformInit(box[0], box[1]);
            }
            case "gaussian":
                return new GaussianInit(m.doublesOrNumber("mean", dim, Check.ANY), m.doublesOrNumber("std", dim, Check.greaterThan(0)));
            case "quantiles":
                if (!space.isTorus() || dim != 1) {
                    throw m.error("type", "quantiles needs a torus of dim 1, got " + space.type() + " of dim " + dim);
                }
                return new QuantilesInit(density(m.requireMap("density"), space));
            case "grid": {
                if (space.isSphere() && dim != 2) {
                    throw m.error("type", "grid needs a euclidean or torus space, or the circle (sphere of dim 2), got a sphere of dim " + dim);
                }
                if (space.isSphere()) {
                    box(m, space); // low and high are errors on the circle
                    return new GridInit(null, null);
                }
                if (intRoot(count, dim) < 0) {
                    throw owner.error("count", "a grid needs count = n^" + dim + " for an integer n, got " + count);
                }
                double[][] box = box(m, space);
                return new GridInit(box[0], box[1]);
            }
            case "list": {
                List<Node> rows = m.requireList("positions");
                if (rows.size() != count) {
                    throw m.error("positions", "expected " + count + " rows (the population count), got " + rows.size());
                }
                double[][] positions = new double[count][];
                for (int i = 0; i < count; i++) {
                    positions[i] = MapReader.numbers(rows.get(i), m.path + ".positions[" + i + "]", dim);
                    if (space.isSphere() && java.util.Arrays.stream(positions[i]).allMatch(v -> v == 0)) {
                        throw m.error("positions", "row " + i + " is zero: not a point of the sphere");
                    }
                }
                double[] masses = null;
                if (m.has("masses")) {
                    masses = m.doubles("masses", count, Check.atLeast(0));
                    if (java.util.Arrays.stream(masses).allMatch(v -> v == 0)) throw m.error("masses", "all masses are 0");
                }
                return new ListInit(positions, masses);
            }
            case "lattice": {
                if (space.isSphere()) throw m.error("type", "lattice needs a euclidean or torus space, got sphere");
                double[] g = m.doubles("generator", dim, Check.ANY);
                double[][] box = box(m, space);
                return new LatticeInit(g, box[0], box[1]);
            }
            default: // file
                DataFiles.Data d = files.read(m, "path");
                DataFiles.checkShape(m, "path", d, space, count, "mass", "the population count");
                return new FileInit(d.path(), count);
        }
    }

    /**
     * {low, high} of a box: on a euclidean space the given corners (default [0,1]^dim), componentwise low < high;
     * on the torus and the sphere the whole space is used, {null, null}, and low/high are errors.
     */
    private static double[][] box(MapReader m, SpaceSpec space) throws ScenarioException {
        if (!space.isEuclidean()) {
            for (String key : List.of("low", "high")) {
                if (m.node.entries().containsKey(key)) {
                    throw m.keyError(key, "low and high are only allowed on a euclidean space; on a " + space.type()
                            + " the whole space is used");
                }
            }
            return new double[2][];
        }
        int dim = space.dim();
        double[] low = m.has("low") ? m.doubles("low", dim, Check.ANY) : new double[dim];
        double[] high = new double[dim];
        java.util.Arrays.fill(high, 1.0);
        if (m.has("high")) high = m.doubles("high", dim, Check.ANY);
        m.resolve("low", low);
        m.resolve("high", high);
        for (int i = 0; i < dim; i++) {
            if (!(high[i] > low[i])) {
                throw m.error(m.has("high") ? "high" : "low", "high must be > low in every coordinate, got low["
                        + i + "] = " + MapReader.num(low[i]) + ", high[" + i + "] = " + MapReader.num(high[i]));
            }
        }
        return new double[][] {low, high};
    }

    /** A cosine density on the torus: {@code {type: cosine, modes: [{k: [...], amplitude: a}, ...]}}. */
    public static CosineDensitySpec density(MapReader m, SpaceSpec space) throws ScenarioException {
        m.allow(Keys.DENSITY);
        m.choice("type", "cosine", List.of("cosine"));
        List<Node> items = m.requireList("modes");
        List<CosineMode> modes = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            MapReader mode = MapReader.of(items.get(i), m.path("modes") + "[" + i + "]");
            mode.allow(Keys.MODE);
            int[] k = mode.ints("k", space.dim());
            if (java.util.Arrays.stream(k).allMatch(x -> x == 0)) throw mode.error("k", "must not be all zero");
            double a = mode.requireDouble("amplitude", Check.ANY);
            modes.add(new CosineMode(k, a));
            total += Math.abs(a);
        }
        if (!(total < 1)) {
            throw m.error("modes", "the amplitudes must satisfy sum |amplitude| < 1 (a positive density), got "
                    + MapReader.num(total));
        }
        return new CosineDensitySpec(modes);
    }

    /** n with n^dim = count, or -1. */
    static int intRoot(int count, int dim) {
        long n = Math.round(Math.pow(count, 1.0 / dim));
        for (long c = Math.max(1, n - 1); c <= n + 1; c++) {
            long p = 1;
            for (int i = 0; i < dim && p <= count; i++) p *= c;
            if (p == count) return (int) c;
        }
        return -1;
    }
}
