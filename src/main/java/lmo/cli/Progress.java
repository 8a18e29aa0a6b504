package lmo.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import lmo.engine.BlockLayout;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;

/**
 * Progress of a run: on a terminal, one line rewritten in place on standard output (step / steps, the first
 * metric, steps per second, time left); otherwise a plain line on standard error every few seconds, so logs of
 * long batch runs show that the run is alive while standard output stays clean for scripts.
 */
final class Progress implements RunObserver {
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private long steps;
    private String metric = "";
    private long lastPrint = System.nanoTime();
    private boolean printed;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
    }

    /** True when standard output is an interactive terminal. */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) return false;
        try { // Java 22+: System.console() exists even when redirected; ask isTerminal()
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        steps = sim.steps();
        metric = columns.isEmpty() ? "" : columns.get(0);
    }

    @Override
    public void onStep(long step, double wallSeconds, double[] values) {
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos) return;
        lastPrint = now;
        String line = line(step, wallSeconds, values);
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    @Override
    public void onFinish(RunOutcome outcome, Gathered state) {
        if (terminal && printed) out.print("\r" + " ".repeat(100) + "\r");
        out.flush();
    }

    String line(long step, double wall, double[] values) {
        double rate = wall > 0 ? step / wall : 0;
        String left = rate > 0 ? clock((steps - step) / rate) : "?";
        String m = values.length > 0 ? String.format(Locale.ROOT, "  %s %.6g", metric, values[0]) : "";
        return String.format(Locale.ROOT, "step %d/%d%s  %.1f steps/s  %s left", step, steps, m, rate, left);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
