package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.io.RunLayout;
import lmo.model.game.Payoff;
import lmo.model.game.UserPayoffs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user payoff compiled against lmo, packed into a jar and named in a scenario ({@code payoff: {type: class}}):
 * validate and run load it with {@code --jar}; without the jar, or with dims that do not fit the spaces, the error
 * names the key and exit code is 2.
 */
class UserPayoffJarTest {
    @TempDir Path dir;

    private static final String SOURCE = """
            package com.example;

            /** f(x, y) = cos 2 pi (x - y) on T^DIM x T^1: x wants to be half a turn from y. */
            public final class MyPayoff implements lmo.model.game.Payoff {
                public int dimX() { return DIM; }
                public int dimY() { return 1; }
                public double value(double[] x, int xo, double[] y, int yo) { return Math.cos(2 * Math.PI * (x[xo] - y[yo])); }
                public void gradX(double[] x, int xo, double[] y, int yo, double[] out, int o) {
                    out[o] = -2 * Math.PI * Math.sin(2 * Math.PI * (x[xo] - y[yo]));
                    for (int c = 1; c < DIM; c++) out[o + c] = 0;
                }
                public void gradY(double[] x, int xo, double[] y, int yo, double[] out, int o) {
                    out[o] = 2 * Math.PI * Math.sin(2 * Math.PI * (x[xo] - y[yo]));
                }
            }
            """;

    private static final String SCENARIO = """
            steps: 20
            populations:
              x: {count: 4, space: {type: torus, dim: 1}, init: {type: grid}}
              y: {count: 3, space: {type: torus, dim: 1}, init: {type: grid}}
            model:
              type: game
              payoff: {type: class, class: com.example.MyPayoff}
            dynamics: {type: wfr, stepSize: 0.01, massStepSize: 0.1}
            output: {every: 5}
            """;

    /** Compiles MyPayoff with {@code dimX() = dim} into {@code name}.jar. */
    private Path jar(String name, int dim) throws Exception {
        return UserJars.compile(dir, name, "MyPayoff", SOURCE.replace("DIM", Integer.toString(dim)));
    }

    @AfterEach
    void noJars() throws Exception {
        UserPayoffs.useJars(List.of());
    }

    @Test
    void aCompiledPayoffLoadsFromItsJar() throws Exception {
        Path jar = jar("good", 1);
        Payoff f = UserPayoffs.load("com.example.MyPayoff", List.of(jar));
        assertEquals(-1, f.value(new double[] {0.5}, 0, new double[] {0}, 0), 1e-15);
        Path scenario = Files.writeString(dir.resolve("user.yaml"), SCENARIO);

        Cli missing = Cli.run("validate", scenario.toString());
        assertEquals(Main.BAD_INPUT, missing.exit());
        assertTrue(missing.err().contains("model.payoff.class: payoff class com.example.MyPayoff not found (no --jar given"), missing.err());

        Cli ok = Cli.run("validate", "--jar", jar.toString(), scenario.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("class: com.example.MyPayoff"), ok.out());

        Path out = dir.resolve("run");
        Cli run = Cli.run("run", scenario.toString(), "--jar", jar.toString(), "--out", out.toString(), "--engine", "local", "-q", "--no-plots");
        assertEquals(0, run.exit(), run.err());
        String metrics = Files.readString(out.resolve(RunLayout.METRICS));
        assertTrue(metrics.startsWith("step,wallSeconds,time,niError,localNiError,value,entropyX,entropyY,flowNorm,mass_x,mass_y"), metrics);
    }

    @Test
    void wrongDimsAndMissingJarsAreBadInput() throws Exception {
        Path jar = jar("wide", 2);
        Path scenario = Files.writeString(dir.resolve("user.yaml"), SCENARIO);
        Cli wide = Cli.run("validate", "--jar", jar.toString(), scenario.toString());
        assertEquals(Main.BAD_INPUT, wide.exit());
        assertTrue(wide.err().contains("model.payoff.class: the payoff has dimX() = 2 and dimY() = 1, but the populations have x: torus of dim 1"),
                wide.err());
        Cli none = Cli.run("validate", "--jar", dir.resolve("nothere.jar").toString(), scenario.toString());
        assertEquals(Main.BAD_INPUT, none.exit());
        assertTrue(none.err().contains("--jar " + dir.resolve("nothere.jar") + ": no such file"), none.err());
        Path nope = Files.writeString(dir.resolve("nope.yaml"), SCENARIO.replace("MyPayoff", "Nope"));
        Path good = jar("other", 1);
        Cli other = Cli.run("validate", "--jar", good.toString(), nope.toString());
        assertEquals(Main.BAD_INPUT, other.exit());
        assertTrue(other.err().contains("payoff class com.example.Nope not found (searched " + good.toAbsolutePath() + " and lmo's class path)"),
                other.err());
    }
}
