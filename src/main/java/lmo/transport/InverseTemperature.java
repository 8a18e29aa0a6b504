package lmo.transport;

/**
 * A schedule of inverse temperatures {@code beta_t}, t = 0, 1, 2, ..., on the (normalised) cost: the kernel at step
 * t is {@code K_t = exp(-beta_t c)}; the temperature is {@code epsilon_t = 1 / beta_t} (POT's {@code reg} with
 * {@code K = exp(-M / reg)}, when M is the same normalised cost).
 *
 * <p>Iteration t = 1, 2, ... of {@link OnlineSinkhorn} makes its u-update at {@code beta_{t-1}} and its v-update at
 * {@code beta_t} (Algorithm 1 of Chizat 2024, arXiv 2408.11620; standard Sinkhorn is the constant case). The
 * debiasing weight of Algorithm 3, in the authors' code form {@code u_t = theta_t u_{t-1} - LSE_j(...)}, is
 * {@code theta_t = 1 - beta_{max(t-2, 0)} / beta_{t-1}} for t >= 2 and {@code theta_1 = 0}; it is zero for every
 * schedule that is not {@link #debiasedAnnealed debiased}.
 *
 * <ul>
 *   <li>{@link #constant}: {@code beta_t = beta} (epsilon = 1/beta).</li>
 *   <li>{@link #annealed}: {@code beta_t = beta_0 (1 + t)^kappa} (AS; the paper's kappa = 1/2).</li>
 *   <li>{@link #debiasedAnnealed}: the same beta_t with the theta_t above (DAS; the paper's kappa = 2/3).</li>
 *   <li>{@link #epsilonScaling}: {@code beta_t = min(beta_0 sigma^t, beta_max)}, sigma > 1 (the peers' scheme).</li>
 * </ul>
 */
public final class InverseTemperature {

    /** The schedule families. */
    public enum Kind {
        CONSTANT("constant"), ANNEALED("annealed"), DEBIASED_ANNEALED("debiased-annealed"),
        EPSILON_SCALING("epsilon-scaling");

        final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Kind kind;
    private final double beta0;
    private final double kappa;
    private final double sigma;
    private final double betaMax;

    private InverseTemperature(Kind kind, double beta0, double kappa, double sigma, double betaMax) {
        if (!(beta0 > 0) || !Double.isFinite(beta0)) throw new IllegalArgumentException("beta_0 must be > 0: " + beta0);
        this.kind = kind;
        this.beta0 = beta0;
        this.kappa = kappa;
        this.sigma = sigma;
        this.betaMax = betaMax;
    }

    /** {@code beta_t = beta}, i.e. epsilon = 1 / beta for every t. */
    public static InverseTemperature constant(double beta) {
        return new InverseTemperature(Kind.CONSTANT, beta, 0, 1, beta);
    }

    /** {@code beta_t = beta_0 (1 + t)^kappa}, kappa >= 0. */
    public static InverseTemperature annealed(double beta0, double kappa) {
        if (!(kappa >= 0)) throw new IllegalArgumentException("kappa must be >= 0: " + kappa);
        return new InverseTemperature(Kind.ANNEALED, beta0, kappa, 1, Double.POSITIVE_INFINITY);
    }

    /** {@code beta_t = beta_0 (1 + t)^kappa} with Algorithm 3's {@code theta_t = 1 - beta_{max(t-2,0)} / beta_{t-1}}. */
    public static InverseTemperature debiasedAnnealed(double beta0, double kappa) {
        if (!(kappa >= 0)) throw new IllegalArgumentException("kappa must be >= 0: " + kappa);
        return new InverseTemperature(Kind.DEBIASED_ANNEALED, beta0, kappa, 1, Double.POSITIVE_INFINITY);
    }

    /** {@code beta_t = min(beta_0 sigma^t, beta_max)}, sigma >= 1, beta_max >= beta_0. */
    public static InverseTemperature epsilonScaling(double beta0, double sigma, double betaMax) {
        if (!(sigma >= 1) || !(betaMax >= beta0)) {
            throw new IllegalArgumentException("epsilon-scaling needs sigma >= 1 and beta_max >= beta_0");
        }
        return new InverseTemperature(Kind.EPSILON_SCALING, beta0, 0, sigma, betaMax);
    }

    /** {@code beta_t}, t >= 0. */
    public double beta(int t) {
        if (t < 0) throw new IllegalArgumentException("t must be >= 0: " + t);
        return switch (kind) {
            case CONSTANT -> beta0;
            case ANNEALED, DEBIASED_ANNEALED -> beta0 * Math.pow(1.0 + t, kappa);
            case EPSILON_SCALING -> Math.min(beta0 * Math.pow(sigma, t), betaMax);
        };
    }

    /** The weight of the previous u in the u-update of iteration t >= 1 (zero unless debiased). */
    public double theta(int t) {
        if (t < 1) throw new IllegalArgumentException("iterations start at t = 1: " + t);
        if (kind != Kind.DEBIASED_ANNEALED || t == 1) return 0.0;
        return 1.0 - beta(Math.max(t - 2, 0)) / beta(t - 1);
    }

    public Kind kind() {
        return kind;
    }

    /** The largest beta of the schedule: beta_max of epsilon scaling, beta of a constant one, infinity otherwise. */
    public double betaMax() {
        return betaMax;
    }

    /** One line: the family, its parameters and the convention (beta = 1 / epsilon on the normalised cost). */
    public String describe() {
        String conv = " (inverse temperature on the normalised cost; epsilon = 1/beta)";
        return switch (kind) {
            case CONSTANT -> "constant beta = " + beta0 + conv;
            case ANNEALED -> "annealed beta_t = " + beta0 + " (1 + t)^" + kappa + conv;
            case DEBIASED_ANNEALED -> "debiased-annealed beta_t = " + beta0 + " (1 + t)^" + kappa
                    + ", theta_t = 1 - beta_{max(t-2,0)}/beta_{t-1}" + conv;
            case EPSILON_SCALING -> "epsilon-scaling beta_t = min(" + beta0 + " * " + sigma + "^t, " + betaMax + ")"
                    + conv;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
