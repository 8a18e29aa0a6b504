package lmo.family;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.io.Csv;
import lmo.io.Npy;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.game.FourierPayoff;
import lmo.model.game.GameModel;
import lmo.model.game.Payoff;
import lmo.model.game.QuadraticPayoff;
import lmo.model.game.UserPayoffs;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.DataFiles;
import lmo.scenario.Limits;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.Node;
import lmo.scenario.Node.SeqNode;
import lmo.scenario.PopulationSpec;
import lmo.scenario.ScenarioException;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: game}: the two-player zero-sum game {@code min_mu max_nu int int f dmu dnu} between the
 * populations {@code x} (the minimiser) and {@code y} (the maximiser) ({@link GameModel}; docs/games.md). Binding
 * checks the payoff f against the two spaces (building it once), the evaluation path and the niError settings; the
 * build looks the players up by name, not by position.
 */
public final class GameFamily implements ModelFamily<GameSpec> {
    static final List<String> KEYS = List.of("type", "payoff", "path", "niError");
    static final Map<String, List<String>> PAYOFF = KeyLists.ordered(
            "fourier", List.of("type", "coefficients", "file", "random"),
            "example-4.1", List.of("type", "epsilon"),
            "bilinear", List.of("type", "B"),
            "quadratic", List.of("type", "P", "B", "Q"),
            "class", List.of("type", "class"));
    static final List<String> COEFFICIENT = List.of("k", "l", "re", "im");
    static final List<String> RANDOM = List.of("order", "seed");
    static final List<String> PATHS = List.of("auto", "features", "gathered");
    static final List<String> NI_ERROR = List.of("grid", "starts", "iterations");

    /** The most modes {@code (2K + 1)^d} of a fourier payoff ({@link lmo.model.game.FourierPayoff#modeCount}). */
    static final int MAX_FOURIER_MODES = 4096;

    @Override public String type() { return "game"; }
    @Override public Class<GameSpec> specType() { return GameSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }

    @Override
    public SortedSet<String> paths() {
        return new KeyLists().add("", KEYS).addEach("payoff", PAYOFF.values()).add("payoff.coefficients[]", COEFFICIENT)
                .add("payoff.random", RANDOM).add("niError", NI_ERROR).paths();
    }

    @Override
    public GameSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        SortedMap<String, PopulationSpec> populations = c.populations();
        long seed = c.seed();
        if (!populations.keySet().equals(Set.of(GameSpec.X, GameSpec.Y))) {
            throw m.error("type", "a game needs exactly two populations named x and y, got: " + String.join(", ", populations.keySet()));
        }
        SpaceSpec sx = populations.get(GameSpec.X).space(), sy = populations.get(GameSpec.Y).space();
        PayoffSpec payoff = payoff(m.requireMap("payoff"), sx, sy, seed, c);
        boolean fourier = payoff instanceof PayoffSpec.Fourier || payoff instanceof PayoffSpec.Example41;
        String path = m.choice("path", "auto", PATHS);
        if (path.equals("features") && !fourier) {
            throw m.error("path", "the features path needs a fourier or example-4.1 payoff, got " + payoff.type());
        }
        if (path.equals("auto")) path = fourier ? "features" : "gathered";
        m.resolve("path", path);
        MapReader ni = m.optMap("niError");
        ni.allow(NI_ERROR);
        boolean plane = sx.isTorus() && sx.dim() == 2 || sy.isTorus() && sy.dim() == 2;
        int grid = ni.optInt("grid", plane ? 64 : 512, Check.atLeast(0));
        long startCount = ni.optSize("starts", 32, 1);
        int dim = Math.max(sx.dim(), sy.dim());
        Limits.check(Limits.oneArray("starts x dim doubles (the start points, dim " + dim + ")"), Limits.MAX_ARRAY,
                v -> (double) v[0] * dim, Limits.of(ni, "starts", startCount, 1));
        int starts = (int) startCount;
        int iterations = ni.optInt("iterations", 200, Check.atLeast(0));
        return new GameSpec(payoff, path, grid, starts, iterations);
    }

    private static PayoffSpec payoff(MapReader m, SpaceSpec sx, SpaceSpec sy, long seed, BindContext c)
            throws ScenarioException {
        String type = m.choice("type", null, PAYOFF.keySet());
        m.allow(PAYOFF.get(type));
        String spaces = "x: " + sx.type() + " of dim " + sx.dim() + ", y: " + sy.type() + " of dim " + sy.dim();
        PayoffSpec spec;
        switch (type) {
            case "fourier":
                if (!sx.isTorus() || !sy.isTorus() || sx.dim() != sy.dim()) {
                    throw m.error("type", "a fourier payoff needs torus spaces of equal dim for x and y, got " + spaces);
                }
                spec = fourier(m, sx.dim(), seed, c);
                break;
            case "example-4.1":
                if (!sx.isTorus() || !sy.isTorus() || sx.dim() != 1 || sy.dim() != 1) {
                    throw m.error("type", "example-4.1 needs 1-D tori for x and y, got " + spaces);
                }
                spec = new PayoffSpec.Example41(m.optDouble("epsilon", 0, Check.ANY));
                break;
            case "bilinear":
            case "quadratic": {
                if (!sx.isEuclidean() || !sy.isEuclidean()) {
                    throw m.error("type", "a " + type + " payoff needs euclidean spaces for x and y, got " + spaces);
                }
                boolean q = type.equals("quadratic");
                PayoffSpec.Matrix p = q ? matrix(m, "P", sx.dim(), sx.dim(), "x", "x", c) : null;
                PayoffSpec.Matrix b = matrix(m, "B", sx.dim(), sy.dim(), "x", "y", c);
                PayoffSpec.Matrix qq = q ? matrix(m, "Q", sy.dim(), sy.dim(), "y", "y", c) : null;
                spec = new PayoffSpec.Matrices(type, p, b, qq);
                break;
            }
            default:
                spec = new PayoffSpec.UserClass(m.requireString("class"));
        }
        try {
            Payoff f = payoffOf(spec, sx.dim(), c.jars());
            if (f.dimX() != sx.dim() || f.dimY() != sy.dim()) {
                throw m.error(type.equals("class") ? "class" : "type", "the payoff has dimX() = " + f.dimX() + " and dimY() = "
                        + f.dimY() + ", but the populations have " + spaces);
            }
        } catch (UserPayoffs.LoadException e) {
            throw m.error("class", e.getMessage());
        } catch (IllegalArgumentException e) {
            String key = !type.equals("quadratic") ? "type" : e.getMessage().contains(" Q ") ? "Q" : "P";
            throw m.error(key, e.getMessage());
        }
        return spec;
    }

    /** Exactly one of {@code coefficients}, {@code file}, {@code random}. */
    private static PayoffSpec.Fourier fourier(MapReader m, int dim, long seed, BindContext context)
            throws ScenarioException {
        List<String> given = new ArrayList<>();
        for (String k : List.of("coefficients", "file", "random")) if (m.has(k)) given.add(k);
        if (given.size() != 1) {
            String message = "a fourier payoff needs exactly one of coefficients, file, random";
            if (given.isEmpty()) throw m.node.origin().error(m.path, message + ", got none");
            throw m.keyError(given.get(1), message + ", got " + String.join(" and ", given));
        }
        if (m.has("random")) {
            MapReader r = m.requireMap("random");
            r.allow(RANDOM);
            int most = maxOrder(dim);
            int order = r.requireInt("order", v -> v >= 0 && v <= most ? null : "must be between 0 and " + most
                    + " ((2 order + 1)^" + dim + " modes, at most " + MAX_FOURIER_MODES + ")");
            return new PayoffSpec.Fourier(null, null, order, r.optLong("seed", seed));
        }
        if (m.has("file")) {
            Path p = context.files().resolve(m, "file");
            if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
                throw m.error("file", "expected a .npy file of shape (n, n, 2), got " + p.getFileName());
            }
            try {
                fourierFile(p, dim);
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw m.error("file", p.getFileName() + ": " + e.getMessage());
            }
            return new PayoffSpec.Fourier(null, p, null, 0);
        }
        List<Node> items = m.requireList("coefficients");
        List<PayoffSpec.Coefficient> out = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        int order = 0;
        for (int i = 0; i < items.size(); i++) {
            MapReader c = MapReader.of(items.get(i), m.path("coefficients") + "[" + i + "]");
            c.allow(COEFFICIENT);
            List<Integer> k = frequencies(c, "k", dim), l = frequencies(c, "l", dim);
            for (int v : k) order = Math.max(order, Math.abs(v));
            for (int v : l) order = Math.max(order, Math.abs(v));
            List<Integer> kl = new ArrayList<>(k);
            kl.addAll(l);
            if (!seen.add(kl)) throw c.error("k", "the coefficient of k = " + k + ", l = " + l + " is listed twice");
            checkModes(c, "k", dim, order);
            out.add(new PayoffSpec.Coefficient(k, l, c.optDouble("re", 0, Check.ANY), c.optDouble("im", 0, Check.ANY)));
        }
        return new PayoffSpec.Fourier(out, null, null, 0);
    }

    /** The largest order K with {@code (2K + 1)^dim <= MAX_FOURIER_MODES}. */
    static int maxOrder(int dim) {
        int k = 0;
        while (Math.pow(2.0 * (k + 1) + 1, dim) <= MAX_FOURIER_MODES) k++;
        return k;
    }

    /**
     * A frequency vector of a listed coefficient: {@code dim} integers of absolute value at most
     * {@link #maxOrder}, so that K, the largest listed, keeps {@code (2K + 1)^dim <= 4096} modes.
     */
    private static List<Integer> frequencies(MapReader c, String key, int dim) throws ScenarioException {
        int most = maxOrder(dim);
        List<Node> items = c.requireList(key);
        if (items.size() != dim) {
            throw c.error(key, "expected " + MapReader.count(dim, "integer") + ", got " + items.size());
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < dim; i++) {
            out.add((int) MapReader.integer(items.get(i), c.path(key) + "[" + i + "]", v -> Math.abs(v) <= most ? null
                    : "must be between -" + most + " and " + most + " ((2K + 1)^" + dim + " modes, K the largest"
                            + " frequency, at most " + MAX_FOURIER_MODES + ")", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        return out;
    }

    private static void checkModes(MapReader m, String key, int dim, int order) throws ScenarioException {
        try {
            lmo.model.game.FourierPayoff.modeCount(dim, order);
        } catch (IllegalArgumentException e) {
            throw m.error(key, e.getMessage());
        }
    }

    /** A list of rows, or a .npy/.csv file; {@code rows x cols}. */
    private static PayoffSpec.Matrix matrix(MapReader m, String key, int rows, int cols, String rowPlayer,
            String colPlayer, BindContext c) throws ScenarioException {
        String shape = rows + " x " + cols + " (dim " + rowPlayer + " x dim " + colPlayer + ")";
        if (m.require(key) instanceof SeqNode seq) {
            if (seq.items().size() != rows) throw m.error(key, "expected " + shape + ", got " + MapReader.count(seq.items().size(), "row"));
            List<List<Double>> out = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                double[] row = MapReader.numbers(seq.items().get(r), m.path(key) + "[" + r + "]", cols);
                List<Double> list = new ArrayList<>();
                for (double v : row) list.add(v);
                out.add(list);
            }
            return new PayoffSpec.Matrix(out, null);
        }
        DataFiles.Data d = c.files().read(m, key);
        if (d.table().rows() != rows || d.table().cols() != cols) {
            throw m.error(key, d.path().getFileName() + " is " + d.table().rows() + " x " + d.table().cols() + ", expected " + shape);
        }
        for (double v : d.table().data()) if (!Double.isFinite(v)) throw m.error(key, d.path().getFileName() + " has a non-finite entry " + v);
        return new PayoffSpec.Matrix(null, d.path());
    }

    // ---------------------------------------------------------------- build

    /** The game between the populations named x and y (looked up by name, not by position). */
    @Override
    public Model build(GameSpec g, BuildContext c) throws ScenarioException {
        Population x = byName(c.populations(), GameSpec.X), y = byName(c.populations(), GameSpec.Y);
        Payoff f;
        try {
            f = payoffOf(g.payoff(), x.dim(), UserPayoffs.jars());
        } catch (UserPayoffs.LoadException | IllegalArgumentException e) {
            throw c.where().error("model.payoff", e.getMessage());
        }
        GameModel.Path path = g.path().equals("features") ? GameModel.Path.FEATURES : GameModel.Path.GATHERED;
        GameModel.NiSettings ni = new GameModel.NiSettings(g.niGrid(), g.niStarts(), g.niIterations(), c.seed());
        try {
            return new GameModel(f, x.index(), x.space(), y.index(), y.space(), path, ni);
        } catch (IllegalArgumentException e) {
            throw c.where().error("model", e.getMessage());
        }
    }

    private static Population byName(List<Population> pops, String name) throws ScenarioException {
        for (Population p : pops) if (p.name().equals(name)) return p;
        throw new ScenarioException("model: a game needs a population named " + name);
    }

    /** @param dim the torus dim of a fourier payoff */
    private static Payoff payoffOf(PayoffSpec spec, int dim, List<Path> jars) throws UserPayoffs.LoadException {
        if (spec instanceof PayoffSpec.Example41 e) return FourierPayoff.example41(e.epsilon());
        if (spec instanceof PayoffSpec.UserClass c) return UserPayoffs.load(c.className(), jars);
        if (spec instanceof PayoffSpec.Matrices m) {
            double[][] b = matrix(m.b());
            return m.p() == null ? QuadraticPayoff.bilinear(b) : new QuadraticPayoff(matrix(m.p()), b, matrix(m.q()));
        }
        PayoffSpec.Fourier f = (PayoffSpec.Fourier) spec;
        if (f.randomOrder() != null) return FourierPayoff.random(dim, f.randomOrder(), f.seed());
        if (f.file() != null) {
            try {
                return fourierFile(f.file(), dim);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + f.file() + ": " + e.getMessage());
            }
        }
        int order = 0;
        for (PayoffSpec.Coefficient c : f.coefficients()) {
            for (int v : c.k()) order = Math.max(order, Math.abs(v));
            for (int v : c.l()) order = Math.max(order, Math.abs(v));
        }
        int n = FourierPayoff.modeCount(dim, order);
        FourierPayoff empty = new FourierPayoff(dim, order, new double[2 * n * n]);
        double[] coef = new double[2 * n * n];
        for (PayoffSpec.Coefficient c : f.coefficients()) {
            int at = 2 * (empty.modeIndex(ints(c.k())) * n + empty.modeIndex(ints(c.l())));
            coef[at] = c.re();
            coef[at + 1] = c.im();
        }
        return new FourierPayoff(dim, order, coef);
    }

    /** A .npy array of shape (n, n, 2) with n = (2K+1)^dim. */
    private static FourierPayoff fourierFile(Path file, int dim) throws IOException {
        Npy.Array a = Npy.readArray(file);
        long[] s = a.shape();
        if (s.length != 3 || s[0] != s[1] || s[2] != 2) {
            throw new IllegalArgumentException("expected shape (n, n, 2), got " + java.util.Arrays.toString(s));
        }
        for (int order = 0; ; order++) {
            long n = 1;
            for (int c = 0; c < dim; c++) n *= 2L * order + 1;
            if (n == s[0]) {
                if (n > MAX_FOURIER_MODES) {
                    throw new IllegalArgumentException("n = " + n + " modes is more than " + MAX_FOURIER_MODES);
                }
                for (int i = 0; i < a.data().length; i++) {
                    if (!Double.isFinite(a.data()[i])) {
                        throw new IllegalArgumentException("entry " + i + " is not a finite number: " + a.data()[i]);
                    }
                }
                return new FourierPayoff(dim, order, a.data());
            }
            if (n > s[0]) {
                throw new IllegalArgumentException("n = " + s[0] + " is not (2K+1)^" + dim + " for an integer K (dim " + dim + ")");
            }
        }
    }

    private static double[][] matrix(PayoffSpec.Matrix m) {
        if (m.rows() != null) {
            double[][] out = new double[m.rows().size()][];
            for (int r = 0; r < out.length; r++) out[r] = m.rows().get(r).stream().mapToDouble(Double::doubleValue).toArray();
            return out;
        }
        Table t;
        try {
            t = Csv.readNumeric(m.file());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + m.file() + ": " + e.getMessage());
        }
        double[][] out = new double[t.rows()][t.cols()];
        for (int r = 0; r < t.rows(); r++) for (int c = 0; c < t.cols(); c++) out[r][c] = t.get(r, c);
        return out;
    }

    private static int[] ints(List<Integer> a) {
        return a.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = List.of(
            new Key("type", "`game`", "required", "", "The functional."),
            new Key("payoff", "mapping", "required", "", "The payoff f, below."),
            new Key("payoff.type", "`fourier` | `example-4.1` | `bilinear` | `quadratic` | `class`", "required", "",
                    "The payoff family."),
            new Key("path", "`auto` | `features` | `gathered`", "`auto`",
                    "`features` needs `fourier` or `example-4.1`",
                    "How V and U are evaluated: `features` sums the players' Fourier features (cost O((N + M) n) "
                    + "per step, n = (2K+1)^d), `gathered` sums over pairs of particles (O(N M))."),
            new Key("niError", "mapping", "all defaults", "", "How the metric `niError` is computed."),
            new Key("niError.grid", "integer", "`512`, or `64` when a player is on a torus of dim 2", ">= 0",
                    "Points per axis of the uniform grid (step `1/grid`) on which the best responses of players "
                    + "on a torus of dim 1 or 2 are searched (the players' current particles are candidates too, "
                    + "so `niError >= localNiError >= 0`)."),
            new Key("niError.starts", "integer", "`32`", ">= 1; `starts x dim` doubles: [Limits](#limits)",
                    "Other spaces (euclidean, sphere, torus of dim >= 3): start points of the local "
                    + "best-response search, half of them the player's heaviest particles (gathered path), the "
                    + "rest random points from the scenario `seed`."),
            new Key("niError.iterations", "integer", "`200`", ">= 0",
                    "Projected-gradient steps (Armijo backtracking) per start."),
            new Key("payoff.coefficients", "list of coefficients", "", "each (k, l) at most once",
                    "The nonzero coefficients; K is the largest `|k_c|`, `|l_c|` listed."),
            new Key("payoff.coefficients[].k", "list of d integers", "required", "", "Frequency k of player x."),
            new Key("payoff.coefficients[].l", "list of d integers", "required", "", "Frequency l of player y."),
            new Key("payoff.coefficients[].re", "number", "`0`", "", "Real part of c_kl."),
            new Key("payoff.coefficients[].im", "number", "`0`", "", "Imaginary part of c_kl."),
            new Key("payoff.file", "path", "", "`.npy` float64 of shape (n, n, 2), n = (2K+1)^d",
                    "c_kl = `[k, l, 0] + i [k, l, 1]`; a multi-index is numbered lexicographically, first axis "
                    + "slowest, axis c at `k_c + K`."),
            new Key("payoff.random", "mapping", "", "",
                    "Random coefficients up to order K: real and imaginary parts iid N(0, 1/2) (Julia "
                    + "`randn(ComplexF64)`), drawn from the counter-based generator with the seed."),
            new Key("payoff.random.order", "integer", "required", ">= 0; (2K+1)^d <= 4096", "K."),
            new Key("payoff.random.seed", "integer (64-bit)", "the scenario `seed`", "",
                    "Seed of the coefficients (independent of the particles' seed streams)."),
            new Key("payoff.epsilon", "number", "`0`", "", "The generic perturbation (0.5 in [games.md](games.md))."),
            new Key("payoff.P", "matrix or path", "required (quadratic)", "dim x by dim x, symmetric",
                    "Curvature of player x."),
            new Key("payoff.B", "matrix or path", "required", "dim x by dim y", "The coupling."),
            new Key("payoff.Q", "matrix or path", "required (quadratic)", "dim y by dim y, symmetric",
                    "Curvature of player y."),
            new Key("payoff.class", "string", "required", "a loadable class",
                    "The fully qualified class name, e.g. `com.example.MyPayoff`."));
}
