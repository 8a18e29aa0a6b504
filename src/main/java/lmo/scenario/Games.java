package lmo.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lmo.engine.Population;
import lmo.io.Csv;
import lmo.io.Npy;
import lmo.io.Table;
import lmo.model.game.FourierPayoff;
import lmo.model.game.GameModel;
import lmo.model.game.Payoff;
import lmo.model.game.QuadraticPayoff;
import lmo.model.game.UserPayoffs;
import lmo.family.GameSpec;
import lmo.family.PayoffSpec;

/** Builds the payoff and the {@link GameModel} of a {@link GameSpec}, for the binder (checks) and the assembler. */
final class Games {
    private Games() {}

    /** The game between the populations named x and y (looked up by name, not by position). */
    static GameModel model(GameSpec g, Scenario s, List<Population> pops) throws ScenarioException {
        Population x = byName(pops, GameSpec.X), y = byName(pops, GameSpec.Y);
        Payoff f;
        try {
            f = payoff(g.payoff(), x.dim(), UserPayoffs.jars());
        } catch (UserPayoffs.LoadException | IllegalArgumentException e) {
            throw s.locations().error("model.payoff", e.getMessage());
        }
        GameModel.Path path = g.path().equals("features") ? GameModel.Path.FEATURES : GameModel.Path.GATHERED;
        GameModel.NiSettings ni = new GameModel.NiSettings(g.niGrid(), g.niStarts(), g.niIterations(), s.seed());
        try {
            return new GameModel(f, x.index(), x.space(), y.index(), y.space(), path, ni);
        } catch (IllegalArgumentException e) {
            throw s.locations().error("model", e.getMessage());
        }
    }

    private static Population byName(List<Population> pops, String name) throws ScenarioException {
        for (Population p : pops) if (p.name().equals(name)) return p;
        throw new ScenarioException("model: a game needs a population named " + name);
    }

    /** @param dim the torus dim of a fourier payoff */
    static Payoff payoff(PayoffSpec spec, int dim, List<Path> jars) throws UserPayoffs.LoadException {
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
    static FourierPayoff fourierFile(Path file, int dim) throws IOException {
        Npy.Array a = Npy.readArray(file);
        long[] s = a.shape();
        if (s.length != 3 || s[0] != s[1] || s[2] != 2) {
            throw new IllegalArgumentException("expected shape (n, n, 2), got " + java.util.Arrays.toString(s));
        }
        for (int order = 0; ; order++) {
            long n = 1;
            for (int c = 0; c < dim; c++) n *= 2L * order + 1;
            if (n == s[0]) {
                if (n > GameBinder.MAX_FOURIER_MODES) {
                    throw new IllegalArgumentException("n = " + n + " modes is more than " + GameBinder.MAX_FOURIER_MODES);
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
}
