package lmo.dynamics;

import java.util.Locale;

/**
 * How {@code fisher-rao} and {@code wfr} update a mass from the first variation V, with step etaM:
 * <ul>
 *   <li>{@link #EXPONENTIAL}: {@code m <- m exp(-etaM V)} (multiplicative; a mass stays >= 0 whatever V);</li>
 *   <li>{@link #LINEAR}: {@code m <- m (1 - etaM V)} (the explicit Euler step of {@code dm/dt = -m V}). It needs
 *       {@code etaM V <= 1} at every particle: a factor {@code 1 - etaM V < 0} would make the mass negative, so the
 *       update writes NaN instead, and the engine's finiteness check stops the run as diverged (exit code 3, the
 *       message naming step, population and particle; the last good state is kept). Lower {@code massStepSize}
 *       if it happens.</li>
 * </ul>
 */
public enum MassUpdate {
    EXPONENTIAL, LINEAR;

    /** The scenario name: {@code exponential}, {@code linear}. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static MassUpdate parse(String name) {
        for (MassUpdate u : values()) if (u.key().equalsIgnoreCase(name)) return u;
        throw new IllegalArgumentException("massUpdate: expected exponential or linear, got " + name);
    }

    /** The updated mass {@code m exp(-etaM v)} or {@code m (1 - etaM v)} (NaN when that factor is negative). */
    public double apply(double m, double v, double etaM) {
        if (this == EXPONENTIAL) return m * Math.exp(-etaM * v);
        double factor = 1 - etaM * v;
        return factor >= 0 ? m * factor : Double.NaN;
    }
}
