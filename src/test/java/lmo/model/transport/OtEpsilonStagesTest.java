package lmo.model.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.actor.ActorEngine;
import lmo.dynamics.Fixed;
import lmo.engine.Checkpoint;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.particles.Population;
import lmo.space.Euclidean;
import lmo.transport.Cost;
import lmo.transport.EpsilonStages;
import lmo.transport.InverseTemperature;
import lmo.transport.OmegaSchedule;
import org.junit.jupiter.api.Test;

/**
 * Epsilon scaling in stages (POT's {@code sinkhorn_epsilon_scaling}) in the engine, on the 157 x 93 problem of
 * {@link OtModelTest} at beta_max = 1000 (epsilon = 1e-3 of the cost's oscillation): it ends at the entropic plan that
 * plain Sinkhorn at beta_max reaches, each stage ends by the rule, and the stages do not depend on the shards.
 */
class OtEpsilonStagesTest {
    static final int N = OtModelTest.N, M = OtModelTest.M, D = OtModelTest.D, STEPS = 20000;
    static final double BETA_MAX = 1000, INNER_TOL = 1e-4;
    static final int INNER_IT = 100;

    static Simulation sim(boolean staged, double tolerance, int shards, int steps) {
        return sim(staged, tolerance, shards, steps, 0);
    }

    static Simulation sim(boolean staged, double tolerance, int shards, int steps, int checkpointEvery) {
        return sim(staged, tolerance, shards, steps, checkpointEvery, 1.0);
    }

    static Simulation sim(boolean staged, double tolerance, int shards, int steps, int checkpointEvery, double omega) {
        double[] x = OtModelTest.points(N, 0), y = OtModelTest.points(M, 1);
        double[] p = OtModelTest.weights(N, 0), q = OtModelTest.weights(M, 1);
        Cost cost = Cost.of(x, N, y, M, D, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION);
        InverseTemperature schedule = staged ? InverseTemperature.epsilonScaling(10, 2, BETA_MAX)
                : InverseTemperature.constant(BETA_MAX);
        EpsilonStages stages = staged ? new EpsilonStages(schedule, INNER_IT, INNER_TOL) : null;
        OtModel model = new OtModel(0, cost, p, q, schedule, tolerance, true, omega, stages);
        Population sources = new Population("x", 0, new Euclidean(D), x, p);
        return new Simulation("ot", 1, steps, List.of(sources), model, new Fixed(), OtModelTest.BLOCK, shards, 1, 0,
                checkpointEvery);
    }

    @Test
    void theStagedRunEndsAtThePlainSolvesPlanAtBetaMax() {
        Recorder plain = new Recorder(), staged = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim(false, 1e-9, 2, STEPS), plain).status());
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim(true, 1e-9, 2, STEPS), staged).status());
        int beta = staged.columns.indexOf("beta"), cost = staged.columns.indexOf("cost");
        double[] a = plain.rows.get(plain.rows.size() - 1), b = staged.rows.get(staged.rows.size() - 1);
        assertTrue(staged.rows.size() < STEPS && plain.rows.size() < STEPS, "both stopped at the tolerance");
        assertEquals(BETA_MAX, b[beta], 0.0);
        assertEquals(a[cost], b[cost], 1e-10 * a[cost], "the cost of the plan at beta_max");
        double[] u = plain.last.s()[0], w = staged.last.s()[0];
        double shift = 0;
        for (int i = 0; i < N; i++) shift += (w[i] - u[i]) / N;
        for (int i = 0; i < N; i++) assertEquals(u[i] + shift, w[i], 1e-7, "u_" + i + " up to the additive constant");
    }

    @Test
    void aStageEndsAtTheInnerToleranceOrAfterItsInnerIterationsAndTheLastRunsToTheEnd() {
        Recorder rec = new Recorder();
        LocalEngine.run(sim(true, 1e-9, 1, 1500), rec);
        int beta = rec.columns.indexOf("beta"), second = rec.columns.indexOf("secondMarginalError");
        double[] want = {10, 20, 40, 80, 160, 320, 640, 1000};
        int stage = 0, inStage = 0;
        for (int k = 0; k < rec.rows.size() - 1; k++) {
            double[] row = rec.rows.get(k), next = rec.rows.get(k + 1);
            assertEquals(want[stage], row[beta], 0.0, "beta of step " + k);
            inStage++;
            boolean ends = stage < want.length - 1 && (row[second] <= INNER_TOL || inStage == INNER_IT);
            assertEquals(ends ? want[stage + 1] : want[stage], next[beta], 0.0, "beta after step " + k);
            if (ends) {
                stage++;
                inStage = 0;
            }
        }
        assertEquals(want.length - 1, stage, "the last stage was reached");
    }

    @Test
    void convergedCountsOnlyAtBetaMax() {
        // every stage ends with its error <= 1e-4: with the same tolerance the run must still go on to beta_max
        Recorder rec = new Recorder();
        LocalEngine.run(sim(true, INNER_TOL, 1, STEPS), rec);
        int beta = rec.columns.indexOf("beta"), converged = rec.columns.indexOf("converged");
        double[] last = rec.rows.get(rec.rows.size() - 1);
        assertEquals(BETA_MAX, last[beta], 0.0);
        assertEquals(1.0, last[converged], 0.0);
        for (double[] row : rec.rows) {
            if (row[beta] < BETA_MAX) assertEquals(0.0, row[converged], 0.0, "converged below beta_max");
        }
    }

    @Test
    void aRunResumedInTheMiddleOfAStageTakesTheSameStages() {
        Recorder straight = new Recorder();
        LocalEngine.run(sim(true, 1e-9, 2, 300, 5), straight);
        int beta = straight.columns.indexOf("beta");
        // the last checkpoint before beta_max: the stages still change after it
        Checkpoint mid = straight.checkpoints.stream().filter(c -> straight.rows.get((int) c.step())[beta] < BETA_MAX)
                .reduce((x, y) -> y).orElseThrow();
        assertTrue(mid.step() > 0 && straight.rows.get(300)[beta] == BETA_MAX, "checkpoint at step " + mid.step());
        Recorder resumed = new Recorder();
        LocalEngine.run(sim(true, 1e-9, 3, 300, 5).resumeFrom(mid), resumed);
        assertEquals(straight.outcome.stateSha256(), resumed.outcome.stateSha256());
        List<double[]> tail = straight.rows.subList(straight.rows.size() - resumed.rows.size(), straight.rows.size());
        for (int i = 0; i < tail.size(); i++) assertArrayEquals(tail.get(i), resumed.rows.get(i), 0.0, "row " + i);
    }

    @Test
    void overRelaxedTheAdaptiveFactorIsEstimatedAfreshAtEachStage() {
        Recorder rec = new Recorder();
        LocalEngine.run(sim(true, 1e-9, 2, 300, 0, Double.NaN), rec);
        int beta = rec.columns.indexOf("beta");
        int change = 0;   // the first step whose carry starts stage 1
        while (rec.rows.get(change + 1)[beta] == 10) change++;
        assertTrue(change >= 5, "stage 0 ran past the factor's first estimate: " + (change + 1) + " steps");
        Recorder upTo = new Recorder();
        LocalEngine.run(sim(true, 1e-9, 2, change + 1, 0, Double.NaN), upTo);
        double[] g = upTo.last.global();
        double[] omega = java.util.Arrays.copyOfRange(g, M, M + OmegaSchedule.LENGTH);
        assertArrayEquals(OmegaSchedule.adaptive(), omega, 0.0, "the schedule of the state that starts stage 1");
        Recorder before = new Recorder();
        LocalEngine.run(sim(true, 1e-9, 2, change, 0, Double.NaN), before);
        double[] earlier = java.util.Arrays.copyOfRange(before.last.global(), M, M + OmegaSchedule.LENGTH);
        assertTrue(!java.util.Arrays.equals(OmegaSchedule.adaptive(), earlier), "stage 0 had moved it");
    }

    @Test
    void theStagesDoNotDependOnShardsOrActors() {
        String one = LocalEngine.run(sim(true, 1e-9, 1, 300), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(true, 1e-9, 4, 300), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(true, 1e-9, 3, 300), new Recorder()).stateSha256());
    }
}
