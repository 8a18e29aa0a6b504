package lmo.engine;

import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.model.Model;
import lmo.particles.Population;
import lmo.particles.Reduction;

/**
 * Which models and dynamics the asynchronous modes ({@code engine.sync: delayed}, {@code bounded}) run, and why the
 * others are refused. The rules:
 *
 * <ul>
 *   <li>the model states what a stale summary means for it ({@link Model#staleSummaryProblem} is null);</li>
 *   <li>one reduce round, SUM or GATHER: a later round reads the earlier one's summary of the same state;</li>
 *   <li>no global state on the scheduler and no per-particle solver state;</li>
 *   <li>a dynamics of one stage: a ghost state between stages is a synchronous half-step;</li>
 *   <li>mass renormalisation ({@code conserveMass}, {@code gda}) only when the model's partials are linear in the
 *       masses (then it is done lazily, see docs/engine.md).</li>
 * </ul>
 */
public final class AsyncSupport {
    private AsyncSupport() {}

    /**
     * Why {@code sync} cannot run this model and dynamics, or null when it can (always null for a synchronous mode).
     */
    public static String refusal(Sync sync, Model model, Dynamics dynamics, List<Population> populations) {
        if (!sync.asynchronous()) return null;
        String own = model.staleSummaryProblem();
        if (own != null) return own;
        if (model.rounds() != 1) {
            return "the model needs " + model.rounds() + " reduce rounds per step, and a stale summary of a"
                    + " multi-round step is not defined";
        }
        Reduction.Kind kind = model.reduction(0).kind();
        if (kind != Reduction.Kind.SUM && kind != Reduction.Kind.GATHER) {
            return "the model's summary is a " + kind + " reduction; only SUM and GATHER summaries can be stale";
        }
        if (model.globalStateLength() > 0) {
            return "the model keeps a solver's state on the scheduler across steps";
        }
        for (Population p : populations) {
            if (model.solverWidth(p.index()) > 0) {
                return "the model keeps per-particle solver state (population " + p.name() + ")";
            }
        }
        if (dynamics.stages() > 1) {
            return "dynamics " + dynamics.type() + " takes " + dynamics.stages() + " stages per step (mirror-prox or"
                    + " alternating players), and its ghost state is a synchronous half-step";
        }
        if (dynamics.normalizesMass()) {
            if (!model.partialsLinearInMass()) {
                return "dynamics " + dynamics.type() + " renormalises the masses, which the asynchronous modes do"
                        + " lazily, and the model's summaries are not linear in the masses";
            }
        }
        return null;
    }
}
