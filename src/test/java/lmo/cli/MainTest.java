package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which command lines run one scenario's model in their JVM (and so may take 512-bit vectors on JDK 17). */
class MainTest {

    @Test
    void runResumeAndReplayRunOneScenario() {
        assertTrue(Main.runsOneScenario("run", "scenarios/ot-w1.yaml", "--shards", "4"));
        assertTrue(Main.runsOneScenario("resume", "runs/x"));
        assertTrue(Main.runsOneScenario("replay", "runs/x"));
    }

    @Test
    void aBenchRunsOneScenarioOnlyWithOneWorkload() {
        assertTrue(Main.runsOneScenario("bench", "--workloads", "w1", "--sizes", "w1=4000"));
        assertTrue(Main.runsOneScenario("bench", "--workloads=w4", "--repeats", "3"));
        assertTrue(Main.runsOneScenario("bench", "--workloads", "w1", "--workloads=W1"));
        assertFalse(Main.runsOneScenario("bench"), "all workloads");
        assertFalse(Main.runsOneScenario("bench", "--workloads", "w1,w3"));
        assertFalse(Main.runsOneScenario("bench", "--workloads", "w1", "--workloads", "w4"));
    }

    @Test
    void otherCommandsMayRunSeveral() {
        assertFalse(Main.runsOneScenario());
        assertFalse(Main.runsOneScenario("node", "--port", "2552"));
        assertFalse(Main.runsOneScenario("sweep", "grid.yaml"));
        assertFalse(Main.runsOneScenario("validate", "scenarios/ot-w1.yaml"));
        assertFalse(Main.runsOneScenario("--version"));
    }
}
