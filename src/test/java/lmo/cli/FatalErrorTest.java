package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lmo.actor.cluster.Jvm;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 1 of issue 14: a fatal error inside the actors (the heap runs out, a stack overflows) ends the run promptly
 * with exit code 1 and one readable line, and the run directory says {@code status: failed}; a scenario that cannot
 * fit in the heap is refused before anything is allocated (exit 2, nothing written). Each run is a child JVM with
 * a small heap; the errors come from a user payoff (loaded with {@code --jar}) evaluated on the shards.
 */
@Tag("jvm")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FatalErrorTest {
    @TempDir Path dir;

    /** A payoff whose gradient in x hits {@code FAULT} (the shards evaluate it at every update). */
    private static final String PAYOFF = """
            package com.example;

            public final class Faulty implements lmo.model.game.Payoff {
                public int dimX() { return 1; }
                public int dimY() { return 1; }
                public double value(double[] x, int xo, double[] y, int yo) { return Math.cos(2 * Math.PI * (x[xo] - y[yo])); }
                public void gradX(double[] x, int xo, double[] y, int yo, double[] out, int o) { FAULT; }
                public void gradY(double[] x, int xo, double[] y, int yo, double[] out, int o) { out[o] = 0; }
                static int deeper(int n) { return n < 0 ? n : deeper(n + 1) + 1; }
            }
            """;

    private static final String SCENARIO = """
            name: faulty
            steps: 20
            populations:
              x: {count: 40, space: {type: torus, dim: 1}, init: {type: grid}}
              y: {count: 30, space: {type: torus, dim: 1}, init: {type: grid}}
            model:
              type: game
              payoff: {type: class, class: com.example.Faulty}
            dynamics: {type: wfr, stepSize: 0.01, massStepSize: 0.1}
            engine: {shards: 2, blockSize: 8}
            """;

    private record Outcome(int exit, String log, Path out) {}

    private Outcome run(String name, String fault, String xmx) throws Exception {
        Path jar = UserJars.compile(dir, name, "Faulty", PAYOFF.replace("FAULT", fault));
        Path scenario = Files.writeString(dir.resolve(name + ".yaml"), SCENARIO);
        Path out = dir.resolve(name + "-run");
        try (Jvm child = Jvm.start(List.of(xmx), dir.resolve(name + ".log"), "run", scenario.toString(), "--jar",
                jar.toString(), "--out", out.toString(), "-q", "--no-plots")) {
            int exit = child.exitCode(120);
            return new Outcome(exit, child.log(), out);
        }
    }

    private static void assertFailedReadably(Outcome o, String line) throws Exception {
        assertEquals(1, o.exit(), o.log());
        assertTrue(o.log().contains(line), o.log());
        assertFalse(o.log().contains("\tat "), "no stack trace: " + o.log());
        JsonNode summary = new ObjectMapper().readTree(o.out().resolve(RunLayout.SUMMARY).toFile());
        assertEquals("failed", summary.get("status").asText());
        assertTrue(summary.get("message").asText().contains(line.substring("lmo: ".length())), summary.toString());
        assertTrue(Files.exists(o.out().resolve(RunLayout.METRICS)));
        assertFalse(Files.exists(o.out().resolve(RunLayout.finalState("x"))), "no final state of a failed run");
    }

    @Test
    void theHeapRunningOutInAShardEndsTheRunWithOneLine() throws Exception {
        Outcome o = run("hungry", "java.util.List<long[]> hog = new java.util.ArrayList<>(); while (true) hog.add(new long[1 << 16])",
                "-Xmx64m");
        assertFailedReadably(o, "lmo: out of memory: 40 particles of dim 1 (population x, the largest of 2) need about ");
        assertTrue(o.log().contains("raise -Xmx (JAVA_OPTS=-Xmx"), o.log());
    }

    @Test
    void aStackOverflowInAShardEndsTheRunWithOneLine() throws Exception {
        Outcome o = run("deep", "out[o] = deeper(0)", "-Xss512k");
        assertFailedReadably(o, "lmo: stack overflow (");
        assertTrue(o.log().contains("java.lang.StackOverflowError); raise the thread stack size"), o.log());
    }

    /** The reproduction at 10M particles: refused from the estimate, before allocating. */
    @Test
    void aScenarioLargerThanTheHeapIsRefusedBeforeSetup() throws Exception {
        Path out = dir.resolve("big");
        try (Jvm child = Jvm.start(List.of("-Xmx64m"), dir.resolve("big.log"), "run", "scenarios/langevin-ou.yaml",
                "--set", "populations.particles.count=10000000", "--set", "steps=5", "--out", out.toString(), "-q")) {
            assertEquals(2, child.exitCode(120), child.log());
            assertTrue(child.log().contains("10000000 particles of dim 2 need about "), child.log());
            assertTrue(child.log().contains(" MB, more than the heap's "), child.log());
            assertFalse(child.log().contains("\tat "), child.log());
        }
        assertFalse(Files.exists(out), "nothing is written");
    }
}
