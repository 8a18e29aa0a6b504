package lmo.analysis;

import java.util.List;
import java.util.Locale;
import lmo.particles.Gathered;
import lmo.model.Model;
import lmo.space.Space;

/**
 * The continuous-time conic (Wasserstein–Fisher–Rao) particle flow, per unit mean-field time, in the descent form of
 * every population p (the model's {@code v = V} for a minimiser, {@code v = -U} for a maximiser), with the weights
 * {@code a = m / M_p} normalised to total 1:
 * <pre>
 *   da_i/dt = -alpha a_i (v_i - sum_k a_k v_k),      dx_i/dt = -beta P_x grad v_i
 * </pre>
 * (P_x the tangent projection: the identity on the torus and in R^d; the sphere is not supported). The model is
 * evaluated at masses {@code M_p a}, M_p the population's total mass in the reference state, positions
 * canonicalised by the space (the model sees wrapped torus positions; the coordinates never wrap).
 *
 * <p><b>Coordinates</b> {@code z}, a displacement from the reference state (z = 0): for each population in index
 * order, first its n-1 weight coordinates c with {@code a = a* + H c} (H the orthonormal {@link Helmert} basis of
 * {@code {sum delta a = 0}}; absent in {@link Mode#POSITIONS}), then its n*dim position displacements
 * {@code x = x* + dx}, particle by particle (absent in {@link Mode#WEIGHTS}). The coordinates are orthonormal
 * (the flat metric of R^n restricted to the simplex, and of the positions): the split J = S + A depends on that,
 * the eigenvalues of J do not. The field in z is {@code (H' da/dt, dx/dt)}.
 */
public final class ConicField implements VectorField {

    /** Which coordinates move: CONIC both, WEIGHTS the weights only (positions frozen), POSITIONS the positions only. */
    public enum Mode {
        CONIC, WEIGHTS, POSITIONS;

        /** {@code conic}, {@code weights} or {@code positions}. */
        public static Mode parse(String s) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(s)) return m;
            throw new IllegalArgumentException("unknown mode '" + s + "': expected conic, weights or positions");
        }

        public String label() { return name().toLowerCase(Locale.ROOT); }

        boolean weights() { return this != POSITIONS; }

        boolean positions() { return this != WEIGHTS; }
    }

    private final Model model;
    private final List<Space> spaces;
    private final Gathered reference;
    private final double[] total;
    private final double alpha;
    private final double beta;
    private final Mode mode;
    private final int dim;

    /**
     * @param spaces the space of every population, by index
     * @param reference the state linearised about (positions and masses, in id order); copied
     * @param alpha the mass rate (> 0; unused in POSITIONS mode)
     * @param beta the position rate (> 0; unused in WEIGHTS mode)
     * @throws IllegalArgumentException on a sphere, a non-positive total mass, or spaces that do not fit the state
     */
    public ConicField(Model model, List<Space> spaces, Gathered reference, double alpha, double beta, Mode mode) {
        int n = reference.m().length;
        if (spaces.size() != n) throw new IllegalArgumentException(spaces.size() + " spaces for " + n + " populations");
        if (!(alpha > 0 && beta > 0 && Double.isFinite(alpha) && Double.isFinite(beta))) {
            throw new IllegalArgumentException("alpha and beta must be positive and finite, got " + alpha + ", " + beta);
        }
        this.model = model;
        this.spaces = List.copyOf(spaces);
        this.alpha = alpha;
        this.beta = beta;
        this.mode = mode;
        double[][] x = new double[n][];
        double[][] a = new double[n][];
        total = new double[n];
        int d = 0;
        for (int p = 0; p < n; p++) {
            Space s = spaces.get(p);
            if (s.type().equals("sphere")) {
                throw new IllegalArgumentException("population " + p + " lives on a sphere: the local analysis supports "
                        + "the torus and euclidean spaces only (no tangent coordinates for the sphere yet)");
            }
            if (s.dim() != reference.dim()[p]) {
                throw new IllegalArgumentException("population " + p + ": space of dimension " + s.dim() + ", state "
                        + reference.dim()[p]);
            }
            for (double m : reference.m()[p]) total[p] += m;
            if (!(total[p] > 0)) throw new IllegalArgumentException("population " + p + ": total mass " + total[p]);
            x[p] = reference.x()[p].clone();
            a[p] = reference.m()[p].clone();
            for (int i = 0; i < a[p].length; i++) a[p][i] /= total[p];
            int count = a[p].length;
            d += (mode.weights() ? Math.max(count - 1, 0) : 0) + (mode.positions() ? count * s.dim() : 0);
        }
        this.reference = new Gathered(x, a, reference.dim().clone());
        this.dim = d;
    }

    @Override
    public int dim() { return dim; }

    public Mode mode() { return mode; }

    public double alpha() { return alpha; }

    public double beta() { return beta; }

    /** The state at coordinates z: masses {@code M_p (a* + H c)}, positions {@code x* + dx} canonicalised. */
    public Gathered state(double[] z) {
        check(z);
        int n = reference.m().length;
        double[][] x = new double[n][];
        double[][] m = new double[n][];
        int at = 0;
        for (int p = 0; p < n; p++) {
            int count = reference.count(p), d = reference.dim()[p];
            m[p] = reference.m()[p].clone();
            if (mode.weights() && count > 1) {
                double[] da = Helmert.apply(java.util.Arrays.copyOfRange(z, at, at + count - 1));
                for (int i = 0; i < count; i++) m[p][i] += da[i];
                at += count - 1;
            }
            for (int i = 0; i < count; i++) m[p][i] *= total[p];
            x[p] = reference.x()[p].clone();
            if (mode.positions()) {
                for (int k = 0; k < count * d; k++) x[p][k] += z[at + k];
                at += count * d;
            }
            for (int i = 0; i < count; i++) spaces.get(p).canonicalize(x[p], i * d);
        }
        return new Gathered(x, m, reference.dim().clone());
    }

    @Override
    public double[] at(double[] z) {
        Gathered s = state(z);
        FirstVariationAt.Result r = FirstVariationAt.evaluate(model, s);
        double[] out = new double[dim];
        int at = 0;
        for (int p = 0; p < s.m().length; p++) {
            int count = s.count(p), d = s.dim()[p];
            double[] v = r.v()[p];
            if (mode.weights() && count > 1) {
                double[] a = s.m()[p];
                double mean = 0;
                for (int i = 0; i < count; i++) mean += a[i] / total[p] * v[i];
                double[] da = new double[count];
                for (int i = 0; i < count; i++) da[i] = -alpha * a[i] / total[p] * (v[i] - mean);
                System.arraycopy(Helmert.transpose(da), 0, out, at, count - 1);
                at += count - 1;
            }
            if (mode.positions()) {
                double[] g = r.gradV()[p].clone();
                for (int i = 0; i < count; i++) spaces.get(p).projectTangent(s.x()[p], i * d, g, i * d);
                for (int k = 0; k < count * d; k++) out[at + k] = -beta * g[k];
                at += count * d;
            }
        }
        return out;
    }

    private void check(double[] z) {
        if (z.length != dim) throw new IllegalArgumentException("z has " + z.length + " coordinates, expected " + dim);
    }
}
