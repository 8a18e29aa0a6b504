package lmo.family;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.init.TableInit;
import lmo.io.Table;
import lmo.model.kernel.Target;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.CosineDensitySpec;
import lmo.scenario.CosineMode;
import lmo.scenario.CosineTarget;
import lmo.scenario.DataFiles;
import lmo.scenario.InitBinder;
import lmo.scenario.InitSpec;
import lmo.scenario.Keys;
import lmo.scenario.Limits;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.SamplesTarget;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;
import lmo.scenario.TargetSpec;
import lmo.scenario.UniformTarget;

/**
 * The target law nu of {@code model.target} ({@code mmd}: uniform, cosine or samples; {@code ot}: samples): its
 * keys, its binding against the population's space, and the {@link Target} it builds. Generated samples of a
 * model acting on population p are keyed by (seed, -1 - p, sample id), independent of the particles.
 */
final class Targets {
    private Targets() {}

    static final Map<String, List<String>> TARGET = KeyLists.ordered(
            "uniform", List.of("type"),
            "cosine", Keys.DENSITY,
            "samples", List.of("type", "file", "rows", "count", "from"));

    /** The paths under {@code target} of the given types (with {@code modes[]} and {@code from.*} where they apply). */
    static SortedSet<String> paths(List<String> types) {
        KeyLists p = new KeyLists();
        for (String t : types) p.add("target", TARGET.get(t));
        if (types.contains("cosine")) p.add("target.modes[]", Keys.MODE);
        if (types.contains("samples")) {
            for (String path : Keys.initPaths("from", Keys.FROM_TYPES)) p.add("target", List.of(path));
        }
        return p.paths();
    }

    static TargetSpec target(MapReader m, SpaceSpec space, KernelSpec kernel, BindContext c) throws ScenarioException {
        String type = m.choice("type", null, TARGET.keySet());
        m.allow(TARGET.get(type));
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
                return samples(m, space, false, c);
        }
    }

    /**
     * {@code file} (and optional {@code rows}), or {@code count} and {@code from}.
     *
     * @param positiveWeights every weight of a file's weight column must be > 0 ({@code ot}: a target point of
     *     weight 0 has no dual potential)
     */
    static SamplesTarget samples(MapReader m, SpaceSpec space, boolean positiveWeights, BindContext c)
            throws ScenarioException {
        boolean generated = m.has("count") || m.has("from");
        if (m.has("file")) {
            if (generated) {
                throw m.keyError(m.has("count") ? "count" : "from", "give either file (with rows) or count and from, not both");
            }
            DataFiles.Data d = c.files().read(m, "file");
            int rows = m.optInt("rows", d.table().rows(), Check.atLeast(1));
            if (rows > d.table().rows()) {
                throw m.error("rows", d.path().getFileName() + " has " + MapReader.count(d.table().rows(), "row")
                        + ", asked for " + rows);
            }
            DataFiles.checkShape(m, "file", d, space, rows, "weight", "rows");
            if (positiveWeights && d.table().cols() == space.dim() + 1) {
                for (int r = 0; r < rows; r++) {
                    if (d.table().get(r, space.dim()) == 0) {
                        throw m.error("file", d.path().getFileName() + " row " + (r + 1) + " column " + (space.dim() + 1)
                                + ": a target weight must be > 0 for ot (a target point of weight 0 has no potential), got 0");
                    }
                }
            }
            return new SamplesTarget(d.path(), null, rows);
        }
        if (!generated) {
            throw m.node.origin().error(m.path, "missing required key 'file' (or 'count' and 'from')");
        }
        if (m.node.entries().containsKey("rows")) throw m.keyError("rows", "rows only applies to a file target");
        long n = m.requireSize("count", 1);
        int dim = space.dim();
        Limits.check(Limits.oneArray("count x (dim + 1) doubles (the samples and their weights, dim " + dim + ")"),
                Limits.MAX_ARRAY, v -> (double) v[0] * (dim + 1), Limits.of(m, "count", n, 1));
        int count = (int) n;
        InitSpec from = c.inits().bind(m.requireMap("from"), Keys.FROM_TYPES, space, m, count);
        return new SamplesTarget(null, from, count);
    }

    /** The target over population p: samples weighted by their weight column or equally, normalised to total 1. */
    static Target build(TargetSpec spec, Population p, BuildContext c) throws ScenarioException {
        if (spec instanceof UniformTarget) return Target.uniform();
        if (spec instanceof CosineTarget ct) {
            CosineDensitySpec d = ct.density();
            int[][] k = d.modes().stream().map(CosineMode::k).toArray(int[][]::new);
            double[] a = d.modes().stream().mapToDouble(CosineMode::amplitude).toArray();
            return Target.cosine(k, a);
        }
        SamplesTarget st = (SamplesTarget) spec;
        int dim = p.dim();
        double[] points;
        double[] weights = null;
        if (st.file() != null) {
            Table t = DataFiles.table(st.file(), st.count(), "model.target.file");
            TableInit rows = new TableInit(t, dim);
            points = rows.positions(p.space(), st.count(), c.seed(), -1 - p.index());
            weights = rows.masses(st.count());
        } else {
            points = c.inits().init(st.from(), dim, "model.target.from").positions(p.space(), st.count(), c.seed(),
                    -1 - p.index());
        }
        double[] w = new double[st.count()];
        double total = 0;
        for (int j = 0; j < w.length; j++) total += weights == null ? 1.0 : weights[j];
        for (int j = 0; j < w.length; j++) w[j] = (weights == null ? 1.0 : weights[j]) / total;
        return Target.samples(points, w, dim);
    }

    /** The documented keys of a cosine target's modes (docs/scenarios.md, Targets). */
    static final List<Key> COSINE_KEYS = List.of(
            new Key("target.modes", "list of modes", "required", "`sum |amplitude| < 1`; `[]` allowed",
                    "The terms of the density; `[]` is the uniform law."),
            new Key("target.modes[].k", "list of `dim` integers", "required", "not all zero",
                    "Frequency vector of the term."),
            new Key("target.modes[].amplitude", "number", "required", "", "Coefficient of the term."));

    /** The documented keys of a samples target but its type (docs/scenarios.md, Targets and Init types). */
    static final List<Key> SAMPLES_KEYS = List.of(
            new Key("target.file", "path", "", "`.npy` or `.csv`; `dim` or `dim + 1` columns",
                    "Sample points, one per row, and optionally a last column of weights (>= 0, not all 0)."),
            new Key("target.rows", "integer", "all rows of the file", "1 .. rows of the file",
                    "Use only the first `rows` rows."),
            new Key("target.count", "integer", "", ">= 1", "Number of generated samples, each weighing `1/count`."),
            new Key("target.from", "mapping", "", "an init spec other than `file`",
                    "The law the samples are drawn from, written like an init."),
            new Key("target.from.type", "`uniform` | `gaussian` | `quantiles` | `grid` | `lattice`", "required", "",
                    "The init type."),
            new Key("target.from.low", "list of `dim` numbers", "`[0, ..., 0]`", "euclidean only",
                    "Lower corner of the box."),
            new Key("target.from.high", "list of `dim` numbers", "`[1, ..., 1]`",
                    "euclidean only; > low in every coordinate", "Upper corner of the box."),
            new Key("target.from.mean", "list of `dim` numbers, or one number", "required", "",
                    "The mean; a single number applies to all coordinates."),
            new Key("target.from.std", "list of `dim` numbers, or one number", "required", "every entry > 0",
                    "Standard deviation per coordinate; a single number applies to all coordinates."),
            new Key("target.from.density", "mapping", "required", "", "The density, a cosine density (below)."),
            new Key("target.from.density.type", "`cosine`", "`cosine`", "", "The only density type."),
            new Key("target.from.density.modes", "list of modes", "required", "`sum |amplitude| < 1`; `[]` allowed",
                    "The terms of the density; no modes is the uniform law."),
            new Key("target.from.density.modes[].k", "list of `dim` integers", "required", "not all zero",
                    "Frequency vector k of the term."),
            new Key("target.from.density.modes[].amplitude", "number", "required", "", "Coefficient a of the term."),
            new Key("target.from.generator", "list of `dim` numbers", "required", "", "Multiplier per axis."));
}
