package lmo.analysis;

import lmo.dynamics.Dynamics;
import lmo.dynamics.FisherRao;
import lmo.dynamics.Gda;
import lmo.dynamics.Wasserstein;
import lmo.dynamics.WassersteinFisherRao;

/**
 * The continuous flow a dynamics discretises, in the time of its {@code metrics.csv} ({@code time = step *
 * timeStep}): the rates of {@link ConicField} and the step eta of that time per update.
 * <ul>
 *   <li>{@code wfr}: CONIC, {@code alpha = massStepSize / stepSize}, {@code beta = 1}, eta = stepSize;</li>
 *   <li>{@code wasserstein}: POSITIONS, beta = 1, eta = stepSize;</li>
 *   <li>{@code fisher-rao}: WEIGHTS, alpha = 1 (time is the mass step), eta = massStepSize;</li>
 *   <li>{@code gda}: its {@code update} (CONIC, WEIGHTS or POSITIONS) with the rates of {@code wfr}; with
 *       {@code update: weights} time is the mass step, so alpha = 1 and eta = massStepSize. Mirror-prox and
 *       alternating players discretise the same flow.</li>
 * </ul>
 * A new dynamics is one more case here. The {@code scheme} is how one update acts on the linearisation: explicit Euler,
 * or extragradient for {@code gda} with {@code method: cp-mp}. Alternating players ({@code players: alternating})
 * are a Gauss–Seidel sweep whose linear map is not a function of J alone; the Euler rate is reported for them as an
 * approximation (equal to first order in eta).
 *
 * @param eta mean-field time per update
 */
public record FlowOf(ConicField.Mode mode, double alpha, double beta, double eta, LinearAnalysis.Scheme scheme) {

    /** An explicit-Euler flow. */
    public FlowOf(ConicField.Mode mode, double alpha, double beta, double eta) {
        this(mode, alpha, beta, eta, LinearAnalysis.Scheme.EULER);
    }

    /**
     * @throws IllegalArgumentException for a dynamics without a deterministic conic flow (e.g. {@code langevin})
     */
    public static FlowOf of(Dynamics d) {
        if (d instanceof WassersteinFisherRao w) {
            return new FlowOf(ConicField.Mode.CONIC, w.massStepSize() / w.stepSize(), 1, w.stepSize());
        }
        if (d instanceof Gda g) {
            LinearAnalysis.Scheme scheme = g.method() == Gda.Method.CP_MP
                    ? LinearAnalysis.Scheme.EXTRAGRADIENT : LinearAnalysis.Scheme.EULER;
            if (g.update() == Gda.Update.WEIGHTS) {
                return new FlowOf(ConicField.Mode.WEIGHTS, 1, 1, g.massStepSize(), scheme);
            }
            ConicField.Mode mode = g.update() == Gda.Update.CONIC ? ConicField.Mode.CONIC : ConicField.Mode.POSITIONS;
            return new FlowOf(mode, g.massStepSize() / g.stepSize(), 1, g.stepSize(), scheme);
        }
        if (d instanceof Wasserstein w) return new FlowOf(ConicField.Mode.POSITIONS, 1, 1, w.stepSize());
        if (d instanceof FisherRao f) return new FlowOf(ConicField.Mode.WEIGHTS, 1, 1, f.massStepSize());
        throw new IllegalArgumentException("dynamics " + d.type() + " has no conic flow to linearise: expected wfr, "
                + "wasserstein, fisher-rao or gda");
    }

    /** The same rates with another mode (e.g. the fixed-support flow of a wfr run). */
    public FlowOf withMode(ConicField.Mode m) {
        return new FlowOf(m, alpha, beta, eta, scheme);
    }
}
