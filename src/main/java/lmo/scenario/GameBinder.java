package lmo.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import lmo.model.game.Payoff;
import lmo.model.game.UserPayoffs;
import lmo.scenario.MapReader.Check;
import lmo.scenario.Node.SeqNode;

/**
 * Binds {@code model} of type {@code game}: the two populations {@code x} and {@code y}, the payoff checked against
 * their spaces, the evaluation path and the niError settings.
 */
final class GameBinder {
    /** The most modes {@code (2K + 1)^d} of a fourier payoff ({@link lmo.model.game.FourierPayoff#modeCount}). */
    static final int MAX_FOURIER_MODES = 4096;

    private final DataFiles files;
    private final List<Path> jars;

    GameBinder(DataFiles files, List<Path> jars) {
        this.files = files;
        this.jars = jars;
    }

    GameSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
        if (!populations.keySet().equals(Set.of(GameSpec.X, GameSpec.Y))) {
            throw m.error("type", "a game needs exactly two populations named x and y, got: " + String.join(", ", populations.keySet()));
        }
        SpaceSpec sx = populations.get(GameSpec.X).space(), sy = populations.get(GameSpec.Y).space();
        PayoffSpec payoff = payoff(m.requireMap("payoff"), sx, sy, seed);
        boolean fourier = payoff instanceof PayoffSpec.Fourier || payoff instanceof PayoffSpec.Example41;
        String path = m.choice("path", "auto", Keys.GAME_PATHS);
        if (path.equals("features") && !fourier) {
            throw m.error("path", "the features path needs a fourier or example-4.1 payoff, got " + payoff.type());
        }
        if (path.equals("auto")) path = fourier ? "features" : "gathered";
        m.resolve("path", path);
        MapReader ni = m.optMap("niError");
        ni.allow(Keys.NI_ERROR);
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

    private PayoffSpec payoff(MapReader m, SpaceSpec sx, SpaceSpec sy, long seed) throws ScenarioException {
        String type = m.choice("type", null, Keys.PAYOFF.keySet());
        m.allow(Keys.PAYOFF.get(type));
        String spaces = "x: " + sx.type() + " of dim " + sx.dim() + ", y: " + sy.type() + " of dim " + sy.dim();
        PayoffSpec spec;
        switch (type) {
            case "fourier":
                if (!sx.isTorus() || !sy.isTorus() || sx.dim() != sy.dim()) {
                    throw m.error("type", "a fourier payoff needs torus spaces of equal dim for x and y, got " + spaces);
                }
                spec = fourier(m, sx.dim(), seed);
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
                PayoffSpec.Matrix p = q ? matrix(m, "P", sx.dim(), sx.dim(), "x", "x") : null;
                PayoffSpec.Matrix b = matrix(m, "B", sx.dim(), sy.dim(), "x", "y");
                PayoffSpec.Matrix qq = q ? matrix(m, "Q", sy.dim(), sy.dim(), "y", "y") : null;
                spec = new PayoffSpec.Matrices(type, p, b, qq);
                break;
            }
            default:
                spec = new PayoffSpec.UserClass(m.requireString("class"));
        }
        try {
            Payoff f = Games.payoff(spec, sx.dim(), jars);
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
    private PayoffSpec.Fourier fourier(MapReader m, int dim, long seed) throws ScenarioException {
        List<String> given = new ArrayList<>();
        for (String k : List.of("coefficients", "file", "random")) if (m.has(k)) given.add(k);
        if (given.size() != 1) {
            String message = "a fourier payoff needs exactly one of coefficients, file, random";
            if (given.isEmpty()) throw m.node.origin().error(m.path, message + ", got none");
            throw m.keyError(given.get(1), message + ", got " + String.join(" and ", given));
        }
        if (m.has("random")) {
            MapReader r = m.requireMap("random");
            r.allow(Keys.RANDOM);
            int most = maxOrder(dim);
            int order = r.requireInt("order", v -> v >= 0 && v <= most ? null : "must be between 0 and " + most
                    + " ((2 order + 1)^" + dim + " modes, at most " + MAX_FOURIER_MODES + ")");
            return new PayoffSpec.Fourier(null, null, order, r.optLong("seed", seed));
        }
        if (m.has("file")) {
            Path p = files.resolve(m, "file");
            if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
                throw m.error("file", "expected a .npy file of shape (n, n, 2), got " + p.getFileName());
            }
            try {
                Games.fourierFile(p, dim);
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
            c.allow(Keys.COEFFICIENT);
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

    private static List<Integer> ints(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) out.add(v);
        return out;
    }

    /** A list of rows, or a .npy/.csv file; {@code rows x cols}. */
    private PayoffSpec.Matrix matrix(MapReader m, String key, int rows, int cols, String rowPlayer, String colPlayer)
            throws ScenarioException {
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
        DataFiles.Data d = files.read(m, key);
        if (d.table().rows() != rows || d.table().cols() != cols) {
            throw m.error(key, d.path().getFileName() + " is " + d.table().rows() + " x " + d.table().cols() + ", expected " + shape);
        }
        for (double v : d.table().data()) if (!Double.isFinite(v)) throw m.error(key, d.path().getFileName() + " has a non-finite entry " + v);
        return new PayoffSpec.Matrix(null, d.path());
    }
}
