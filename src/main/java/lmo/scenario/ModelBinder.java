package lmo.scenario;

import java.util.SortedMap;
import lmo.scenario.MapReader.Check;

/** Binds {@code model}: the MMD model's population, kernel and target, checked against the population's space. */
final class ModelBinder {
    private final DataFiles files;
    private final InitBinder inits;

    ModelBinder(DataFiles files, InitBinder inits) {
        this.files = files;
        this.inits = inits;
    }

    ModelSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations) throws ScenarioException {
        String type = m.choice("type", null, Keys.MODEL.keySet());
        m.allow(Keys.MODEL.get(type));
        String population;
        if (m.has("population")) {
            population = m.requireString("population");
            if (!populations.containsKey(population)) {
                throw m.error("population", "no population named '" + population + "'; populations: "
                        + String.join(", ", populations.keySet()));
            }
        } else if (populations.size() == 1) {
            population = populations.firstKey();
        } else {
            throw m.node.origin().error(m.path, "missing required key 'population' (several populations: "
                    + String.join(", ", populations.keySet()) + ")");
        }
        if (type.equals("potential")) return new PotentialModelSpec(potential(m.requireMap("potential"), population));
        SpaceSpec space = populations.get(population).space();
        KernelSpec kernel = kernel(m.requireMap("kernel"), space, population);
        TargetSpec target = target(m.requireMap("target"), space, kernel);
        PotentialSpec potential = m.has("potential") ? potential(m.requireMap("potential"), population) : null;
        return new MmdSpec(population, kernel, target, potential);
    }

    /** {@code {type: quadratic, kappa}}: U(x) = kappa |x|^2 / 2. */
    private static PotentialSpec potential(MapReader m, String population) throws ScenarioException {
        String type = m.choice("type", "quadratic", Keys.POTENTIAL.keySet());
        m.allow(Keys.POTENTIAL.get(type));
        return new PotentialSpec(population, type, m.requireDouble("kappa", Check.greaterThan(0)));
    }

    private static KernelSpec kernel(MapReader m, SpaceSpec space, String population) throws ScenarioException {
        String type = m.choice("type", null, Keys.KERNEL.keySet());
        m.allow(Keys.KERNEL.get(type));
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
                String method = m.choice("method", "auto", Keys.SOBOLEV_METHODS);
                boolean integer = s == Math.rint(s);
                if (method.equals("exact") && dim != 1) {
                    throw m.error("method", "exact needs dim 1, got dim " + dim + "; use fourier or auto");
                }
                if (method.equals("exact") && !integer) {
                    throw m.error("method", "exact needs an integer s, got s = " + MapReader.num(s) + "; use fourier or auto");
                }
                if (method.equals("auto")) method = dim == 1 && integer && s <= 10 ? "exact" : "fourier";
                return new SobolevKernel(s, modes, method);
            }
            case "gaussian":
                return new GaussianKernel(m.requireDouble("sigma", Check.greaterThan(0)));
            default:
                return new EnergyKernel();
        }
    }

    private TargetSpec target(MapReader m, SpaceSpec space, KernelSpec kernel) throws ScenarioException {
        String type = m.choice("type", null, Keys.TARGET.keySet());
        m.allow(Keys.TARGET.get(type));
        if (!(kernel instanceof SobolevKernel) && !type.equals("samples")) {
            throw m.error("type", "the " + kernel.type() + " kernel needs a samples target, got '" + type + "'");
        }
        if (!type.equals("samples") && !space.isTorus()) {
            throw m.error("type", "a " + type + " target needs a torus space, got " + space.type());
        }
        switch (type) {
            case "uniform":
                return new UniformTarget();
            case "cosine":
                return new CosineTarget(InitBinder.density(m, space));
            default:
                return samples(m, space);
        }
    }

    /** {@code file} (and optional {@code rows}), or {@code count} and {@code from}. */
    private SamplesTarget samples(MapReader m, SpaceSpec space) throws ScenarioException {
        boolean generated = m.has("count") || m.has("from");
        if (m.has("file")) {
            if (generated) {
                throw m.keyError(m.has("count") ? "count" : "from", "give either file (with rows) or count and from, not both");
            }
            DataFiles.Data d = files.read(m, "file");
            int rows = m.optInt("rows", d.table().rows(), Check.atLeast(1));
            if (rows > d.table().rows()) {
                throw m.error("rows", d.path().getFileName() + " has " + MapReader.count(d.table().rows(), "row")
                        + ", asked for " + rows);
            }
            DataFiles.checkShape(m, "file", d, space, rows, "weight", "rows");
            return new SamplesTarget(d.path(), null, rows);
        }
        if (!generated) {
            throw m.node.origin().error(m.path, "missing required key 'file' (or 'count' and 'from')");
        }
        if (m.node.entries().containsKey("rows")) throw m.keyError("rows", "rows only applies to a file target");
        int count = m.requireInt("count", Check.atLeast(1));
        InitSpec from = inits.bind(m.requireMap("from"), Keys.FROM_TYPES, space, m, count);
        return new SamplesTarget(null, from, count);
    }
}
