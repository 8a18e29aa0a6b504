package lmo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lmo.actor.ClusterEngine;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.engine.MemoryEstimate;
import lmo.engine.RunObserver;
import lmo.engine.RunFailure;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.run.RunDirectory;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.io.RunLayout;

/**
 * What {@code run} and {@code resume} share once the simulation and the run directory exist: the observers, the
 * choice of engine (one call), and the report with its exit code.
 */
final class Runs {
    /** The values of {@code --engine}. */
    static final List<String> ENGINES = List.of("actors", "local");

    private Runs() {}

    /** Null if {@code engine} is a known engine, else the message to print. */
    static String checkEngine(String engine) {
        return ENGINES.contains(engine) ? null : "--engine: expected " + String.join(" or ", ENGINES) + ", got " + engine;
    }

    /** Prints the scenario's warnings ({@link Assembler#warnings}) on standard error, {@code lmo: warning: ...}. */
    static void warn(Scenario scenario, Simulation sim) {
        for (String w : Assembler.warnings(scenario, sim)) System.err.println("lmo: warning: " + w);
    }

    /** The run directory, the metrics endpoint if any, and a progress line unless quiet. */
    static RunObserver observers(RunDirectory run, boolean quiet, Monitor monitor) {
        List<RunObserver> observers = new ArrayList<>(List.of(run));
        if (monitor.observer() != null) observers.add(monitor.observer());
        if (!quiet) {
            boolean tty = Progress.isTerminal();
            observers.add(new Progress(tty ? System.out : System.err, tty));
        }
        return new Observers(observers);
    }

    /**
     * Runs {@code sim} as the coordinator of a cluster if {@code cluster.cluster} is set, else on the engine named by
     * {@code engine} (see {@link #ENGINES}).
     *
     * @param scenarioYaml the resolved scenario, sent to the cluster's members
     */
    static RunOutcome execute(Simulation sim, RunObserver observer, String engine, ClusterOptions cluster,
                              String scenarioYaml) {
        try {
            if (cluster != null && cluster.cluster) {
                return ClusterEngine.run(sim, scenarioYaml, new ScenarioSimulations(), cluster.settings(),
                        cluster.startNodes(), cluster.minNodes,
                        cluster.joinTimeout(), cluster.rejoinTimeout(), observer);
            }
            return execute(sim, observer, engine);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return failed(sim, observer, e);
        }
    }

    /**
     * A run stopped by {@code e}: the run directory's summary says {@code status: failed} and why. A fatal error of
     * the JVM (out of memory, a stack overflow, the actor system stopped) becomes a FAILED outcome with a readable
     * message; anything else is a bug of lmo's, rethrown for {@link Main} to print with its trace.
     */
    private static RunOutcome failed(Simulation sim, RunObserver observer, Throwable e) {
        RunFailure f = e instanceof RunFailure r ? r : RunFailure.of("the run", e);
        String message = f == null ? "internal error: " + e : switch (f.kind()) {
            case OUT_OF_MEMORY -> MemoryEstimate.of(sim).outOfMemory();
            case STACK_OVERFLOW -> "stack overflow (" + f.getMessage() + "); raise the thread stack size (JAVA_OPTS=-Xss16m)";
            case STOPPED -> f.getMessage();
        };
        try {
            observer.onFinish(RunOutcome.failed(sim.startStep(), message), null);
        } catch (RuntimeException alsoFailed) {
            e.addSuppressed(alsoFailed);
        }
        if (f == null) throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        return RunOutcome.failed(sim.startStep(), message);
    }

    /** Runs {@code sim} on the engine named by {@code engine} (see {@link #ENGINES}). */
    static RunOutcome execute(Simulation sim, RunObserver observer, String engine) {
        return switch (engine) {
            case "local" -> LocalEngine.run(sim, observer);
            case "actors" -> ActorEngine.run(sim, observer);
            default -> throw new IllegalArgumentException(checkEngine(engine));
        };
    }

    /**
     * Writes the run's plots ({@code RUN_DIR/plots/}) unless {@code skip}; a failure is a warning on standard error
     * and never changes the run's exit code.
     */
    static void plot(Path dir, RunOutcome outcome, boolean skip) {
        boolean hasState = outcome.status() == RunOutcome.Status.COMPLETED || outcome.status() == RunOutcome.Status.DIVERGED;
        if (skip || !hasState) return; // a lost or failed run has no final state to draw; plot draws it once resumed
        try {
            lmo.plot.RunPlots.write(dir);
        } catch (Throwable e) { // plotting is a courtesy: even a missing font or native library must not fail the run
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("lmo: warning: no plots in " + dir.resolve(RunLayout.PLOTS) + ": " + why);
        }
    }

    /** "1 shard", "2 shards". */
    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Prints the outcome and where the results are; returns the exit code. */
    static int report(Simulation sim, RunOutcome o, Path dir) {
        if (o.status() == RunOutcome.Status.LOST) {
            System.err.println("lmo: cluster: " + o.message());
            // a lost cluster run always leaves a checkpoint: its last one, or its initial state written as one
            System.err.println(java.nio.file.Files.isRegularFile(dir.resolve(RunLayout.CHECKPOINT))
                    ? "lmo: resumable from the checkpoint at step " + o.step() + ": bin/lmo resume " + dir + " [--cluster ...]"
                    : "lmo: no checkpoint could be written in " + dir + "; run the scenario again");
            System.out.println("results: " + dir);
            return Main.LOST;
        }
        if (o.status() == RunOutcome.Status.FAILED) {
            System.err.println("lmo: " + o.message());
            System.err.println("lmo: the run stopped; " + dir + "/summary.json says status: failed");
            return Main.BUG;
        }
        if (o.status() == RunOutcome.Status.DIVERGED) {
            System.err.println("lmo: diverged at " + o.message());
            System.err.println("lmo: the last good state (step " + o.step() + ") is kept in " + dir);
            System.out.println("results: " + dir);
            return Main.DIVERGED;
        }
        StringBuilder finals = new StringBuilder();
        o.finalMetrics().forEach((k, v) -> {
            if (!k.startsWith("mass_")) finals.append(String.format(Locale.ROOT, "; %s %.6g", k, v));
        });
        String from = sim.startStep() > 0 ? " from step " + sim.startStep() : "";
        if (o.message() != null) System.out.println("lmo: " + o.message());
        System.out.println(String.format(Locale.ROOT, "%s: %s%s in %.2f s (%.1f steps/s, %s)%s",
                sim.name(), plural(o.step() - sim.startStep(), "step"), from, o.timing().wallSeconds(),
                o.timing().stepsPerSecond(), plural(o.shards(), "shard"), finals));
        System.out.println("results: " + dir);
        return Main.OK;
    }
}
