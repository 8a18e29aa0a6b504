package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engine.sync}, {@code engine.staleness} and {@code engine.straggler} bind to the {@link Sync} the simulation
 * gets, are written back resolved, and the stability warning of an asynchronous step ({@link Assembler#warnings}).
 * The bad-input corpus ({@code bad/scenario/staleness-*}, {@code straggler-*}, ...) holds the errors.
 */
class ScenarioBinderSyncTest {
    @TempDir Path dir;

    /** {@link Scenarios#TORUS} with the exact s = 2 kernel and {@code engine} lines appended. */
    private Scenario load(String engine, String... overrides) throws ScenarioException {
        String text = Scenarios.TORUS.replace("s: 1}", "s: 2}") + engine;
        return Scenarios.load(Scenarios.write(dir, "x.yaml", text), overrides);
    }

    private String error(String engine, String... overrides) {
        String text = Scenarios.TORUS.replace("s: 1}", "s: 2}") + engine;
        Path file = Scenarios.write(dir, "x.yaml", text);
        return Scenarios.error(file, overrides).replace(file.toString(), "x.yaml");
    }

    /** The scenario written resolved, loaded again: equal, and written the same. */
    private String roundTrip(Scenario s) throws ScenarioException {
        String yaml = s.toYaml();
        Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
        assertEquals(s, again, yaml);
        assertEquals(yaml, again.toYaml());
        return yaml;
    }

    @Test
    void withoutKeysTheRunIsBulkSynchronous() throws ScenarioException {
        Scenario s = load("");
        assertEquals(Sync.BSP, s.engine().sync());
        assertEquals(Sync.BSP, Assembler.build(s).sync());
        String yaml = roundTrip(s);
        assertTrue(yaml.contains("  sync: bsp\noutput:"), "bsp writes no staleness and no straggler: " + yaml);
    }

    @Test
    void delayedWithStalenessBindsToTheSyncTheSimulationGets() throws ScenarioException {
        Scenario s = load("engine:\n  sync: delayed\n  staleness: 2\n");
        Sync want = new Sync(Sync.Mode.DELAYED, 2, Sync.Straggler.NONE);
        assertEquals(want, s.engine().sync());
        Simulation sim = Assembler.build(s);
        assertEquals(want, sim.sync());
        assertTrue(sim.sync().asynchronous());
        assertEquals(want, Assembler.build(Assembler.resolved(s, sim)).sync(), "the run directory's scenario");
        assertTrue(roundTrip(s).contains("  sync: delayed\n  staleness: 2\noutput:"));
    }

    @Test
    void boundedWithTransientStragglers() throws ScenarioException {
        Scenario s = load("engine:\n  shards: 4\n  sync: bounded\n  staleness: 4\n"
                + "  straggler: {probability: 0.25, factor: 4}\n");
        Sync want = new Sync(Sync.Mode.BOUNDED, 4, new Sync.Straggler(0.25, 4, -1));
        assertEquals(want, s.engine().sync());
        assertEquals(want, Assembler.build(s).sync());
        assertTrue(want.straggler().active());
        assertTrue(roundTrip(s).contains("  sync: bounded\n  staleness: 4\n  straggler: {probability: 0.25, factor: 4.0}\n"));
    }

    @Test
    void onePersistentStragglerInAnyMode() throws ScenarioException {
        Scenario s = load("engine:\n  shards: 3\n  straggler: {factor: 2, shard: 1}\n");
        assertEquals(new Sync(Sync.Mode.BSP, 0, new Sync.Straggler(0, 2, 1)), Assembler.build(s).sync());
        assertTrue(roundTrip(s).contains("  sync: bsp\n  straggler: {shard: 1, factor: 2.0}\n"), "in documented order");
        Scenario d = load("engine:\n  shards: 3\n  sync: delayed\n  staleness: 1\n  straggler: {shard: 0, factor: 1.5}\n");
        assertEquals(new Sync(Sync.Mode.DELAYED, 1, new Sync.Straggler(0, 1.5, 0)), d.engine().sync());
    }

    @Test
    void theKeysComeFromOverridesToo() throws ScenarioException {
        Scenario s = load("", "engine.sync=bounded", "engine.staleness=3", "engine.straggler={shard: 0, factor: 3}");
        assertEquals(new Sync(Sync.Mode.BOUNDED, 3, new Sync.Straggler(0, 3, 0)), s.engine().sync());
    }

    /** Staleness 0 is bsp in every mode: accepted wherever bsp is, checkpoints and models a stale summary refuses. */
    @Test
    void stalenessZeroIsAcceptedEverywhere() throws ScenarioException {
        Scenario s = load("engine: {sync: delayed}\ncheckpoint: {every: 5}\n");
        assertEquals(new Sync(Sync.Mode.DELAYED, 0, Sync.Straggler.NONE), s.engine().sync());
        assertFalse(s.engine().sync().asynchronous());
        assertTrue(roundTrip(s).contains("  sync: delayed\n  staleness: 0\n"), "the default staleness is written");
        // the exact s = 1 kernel, whose kink a stale summary refuses, runs with staleness 0
        Scenario kink = load("engine: {sync: bounded, staleness: 0}\n", "model.kernel={type: sobolev, s: 1}");
        assertEquals(new Sync(Sync.Mode.BOUNDED, 0, Sync.Straggler.NONE), Assembler.build(kink).sync());
        assertEquals(List.of(), Assembler.warnings(kink, Assembler.build(kink)));
    }

    @Test
    void refusalsAreLocatedAtEngineSync() {
        assertEquals("x.yaml:15:16: engine.sync: delayed cannot run model mmd with dynamics wasserstein: the exact"
                + " Sobolev kernel with s = 1 has a kink at 0: a particle's stale copy pushes it by 1/(2N) and the flow"
                + " stalls instead of converging; use s >= 2 or the Fourier path (torus)",
                assertThrows(ScenarioException.class, () -> Assembler.build(load("engine: {sync: delayed, staleness: 1}\n",
                        "model.kernel={type: sobolev, s: 1}"))).getMessage().replace(dir.resolve("x.yaml").toString(), "x.yaml"));
        assertEquals("x.yaml:15:32: engine.staleness: needs engine.sync: delayed or bounded",
                error("engine: {sync: bsp, staleness: 0}\n"));
        assertEquals("--set engine.staleness: needs engine.sync: delayed or bounded", error("", "engine.staleness=1"));
    }

    @Test
    void theStabilityBoundOfStaleEulerSteps() {
        double[] expected = {2, 1, 0.618034, 0.445042, 0.347296};
        for (int s = 0; s < expected.length; s++) assertEquals(expected[s], Assembler.stabilityBound(s), 1e-6, "s = " + s);
    }

    /**
     * s = 2 kernel: lambda = (2 pi)^-2 = 0.02533; with eta = 20, eta lambda = 0.5066 is inside the bound of staleness
     * 1 and 2 (1, 0.618) and beyond that of 3 (0.445): a warning located at engine.staleness; never for bsp, for a
     * model whose rate is not known, or for dynamics that do not move positions by the step.
     */
    @Test
    void aStepBeyondTheBoundOfItsStalenessIsWarnedAbout() throws ScenarioException {
        String eta20 = "dynamics.stepSize=20";
        for (int s = 1; s <= 2; s++) {
            Scenario fine = load("engine: {sync: delayed, staleness: " + s + "}\n", eta20);
            assertEquals(List.of(), Assembler.warnings(fine, Assembler.build(fine)), "staleness " + s);
        }
        Scenario beyond = load("engine:\n  sync: bounded\n  staleness: 3\n", eta20);
        List<String> w = Assembler.warnings(beyond, Assembler.build(beyond));
        assertEquals(List.of(dir.resolve("x.yaml") + ":17:14: engine.staleness: eta lambda = 0.5066 (step size 20,"
                + " lambda = 0.02533, the model's largest linear rate) is at or beyond 2 sin(pi / (2 (2s + 1))) = 0.445"
                + " for staleness s = 3: the run will likely grow instead of decay; a step size below 17.57 keeps it"
                + " stable"), w);
        Scenario bsp = load("", "dynamics.stepSize=100");
        assertEquals(List.of(), Assembler.warnings(bsp, Assembler.build(bsp)), "bsp: eta lambda 2.5 is its own matter");
        Scenario cosine = load("engine: {sync: delayed, staleness: 3}\n", eta20,
                "model.target={type: cosine, modes: [{k: [1], amplitude: 0.5}]}");
        assertEquals(List.of(), Assembler.warnings(cosine, Assembler.build(cosine)), "rate unknown: no warning");
        Scenario set = load("", eta20, "engine.sync=delayed", "engine.staleness=4");
        assertTrue(Assembler.warnings(set, Assembler.build(set)).get(0).startsWith(
                "--set engine.staleness: eta lambda = 0.5066 "), "an override is named as such");
    }
}
