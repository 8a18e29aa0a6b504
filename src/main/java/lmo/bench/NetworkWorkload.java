package lmo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lmo.bench.Figure.Kind;

/**
 * W3: a mean-field two-layer ReLU network of N neurons learning a 5-neuron teacher on n = 2048 inputs in d = 10 by
 * full-batch gradient descent, lr = 2 ({@code coordinate} readout, {@code wasserstein} dynamics), on the data of
 * {@link W3Data}. After one short untimed warm-up run, each timed run of {@link #steps} steps, logged every step,
 * gives the median of its steps' wall times (metrics.csv); the figure is the median over the runs. The loss at step 0
 * and after the steps are the correctness anchors (NumPy: 0.0111430 at N = 1000, 0.0114851 at N = 10000).
 */
public final class NetworkWorkload implements Workload {
    /** The steps of the untimed warm-up run (at most {@link #steps}). */
    static final int WARM_UP_STEPS = 20;

    @Override public String name() { return "W3"; }
    @Override public String sizeSymbol() { return "N"; }
    @Override public List<Integer> sizes() { return List.of(1000, 10000); }
    @Override public String scenario() { return "w3.yaml"; }

    /** The steps of a timed run, as the peers' timing rows: 1000 up to N = 1000, 100 beyond. */
    public static int steps(int neurons) { return neurons <= 1000 ? 1000 : 100; }

    @Override
    public void prepare(Path dir, int largest) throws IOException {
        W3Data.of(largest).write(dir);
    }

    @Override
    public List<Figure> measure(int neurons, Bench bench) throws IOException {
        int steps = steps(neurons), repeats = bench.repeats();
        String count = "populations.neurons.count=" + neurons;
        bench.run(this, neurons, "warm-up", List.of(count, "steps=" + Math.min(steps, WARM_UP_STEPS)));
        double[] ms = new double[repeats];
        RunResult run = null;
        for (int r = 0; r < repeats; r++) {
            run = bench.run(this, neurons, steps + " steps, run " + (r + 1) + " of " + repeats, List.of(count, "steps=" + steps));
            ms[r] = 1e3 * Figure.median(run.rowSeconds());
            bench.say("%.4g ms per step, loss %.6g -> %.6g", ms[r], run.first("loss"), run.finalMetric("loss"));
        }
        return List.of(
                new Figure(name(), neurons, "msPerStep", "ms per GD step (median of " + steps + ")", "ms", Kind.TIME, ms),
                Figure.of(name(), neurons, "lossInit", "loss at step 0", "", Kind.VALUE, run.first("loss")),
                Figure.of(name(), neurons, "lossFinal", "loss after " + steps + " steps", "", Kind.VALUE, run.finalMetric("loss")));
    }
}
