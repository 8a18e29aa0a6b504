package lmo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bench session: runs the workloads' scenarios through a {@link ScenarioRunner} (lmo's own {@code run}, in this
 * JVM), in a work directory of its own, and reports progress, one line each, on a stream (standard error).
 */
public final class Bench {
    /** The workloads, in table order. */
    public static final List<Workload> WORKLOADS = List.of(new SinkhornWorkload(), new NetworkWorkload(), new MmdWorkload());

    private final ScenarioRunner runner;
    private final Path dir;
    private final int repeats;
    private final PrintStream progress;
    private final Map<Workload, Path> scenarios = new LinkedHashMap<>();
    private String current = "";
    private int runs;

    /**
     * @param dir an empty work directory: the scenarios, their data and the run directories go there
     * @param repeats the timed runs of each figure (>= 1)
     */
    public Bench(ScenarioRunner runner, Path dir, int repeats, PrintStream progress) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        this.runner = runner;
        this.dir = dir;
        this.repeats = repeats;
        this.progress = progress;
    }

    /** The workload named {@code name} ({@code w1}, {@code W3}, ...), or null. */
    public static Workload workload(String name) {
        for (Workload w : WORKLOADS) if (w.name().equalsIgnoreCase(name)) return w;
        return null;
    }

    /** The figures of one workload at one size, and the share of the machine other processes used meanwhile. */
    public record Measured(Workload workload, int size, List<Figure> figures, double otherCpu) {}

    /** Receives each size's figures as soon as they are measured. */
    public interface Listener {
        void measured(Measured m) throws IOException;
    }

    /** Measures every workload of {@code plan} at its sizes, in plan order; returns the figures in that order. */
    public List<Measured> measure(Map<Workload, List<Integer>> plan, Listener listener) throws IOException {
        List<Measured> all = new ArrayList<>();
        for (Map.Entry<Workload, List<Integer>> e : plan.entrySet()) {
            Workload w = e.getKey();
            prepare(w, e.getValue().stream().mapToInt(Integer::intValue).max().orElse(1));
            for (int size : e.getValue()) {
                current = w.name() + " " + w.sizeSymbol() + "=" + size + ": ";
                CpuMeter meter = CpuMeter.start();
                Measured m = new Measured(w, size, w.measure(size, this), meter.otherFraction());
                current = "";
                all.add(m);
                listener.measured(m);
            }
        }
        return all;
    }

    /** The timed runs of each figure. */
    public int repeats() { return repeats; }

    /**
     * Runs the scenario of {@code w} with {@code sets} into a new run directory, saying {@code what} first.
     *
     * @throws ScenarioRunner.Failed if the run did not complete
     */
    public RunResult run(Workload w, int size, String what, List<String> sets) throws IOException {
        say("%s", what);
        Path scenario = scenarios.get(w);
        if (scenario == null) throw new IllegalStateException(w.name() + " was not prepared");
        Path out = dir.resolve("runs").resolve(w.name().toLowerCase(Locale.ROOT) + "-" + size + "-" + ++runs);
        Files.createDirectories(out.getParent());
        return runner.run(scenario, sets, out);
    }

    /** Prints {@code bench: <workload and size>: <formatted line>} on the progress stream. */
    public void say(String format, Object... args) {
        progress.println("bench: " + current + String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    /**
     * Writes the workload's scenario (and its data, for sizes up to {@code largest}) into the work directory; returns
     * the scenario file. {@link #measure} does it before it measures a workload.
     */
    public Path prepare(Workload w, int largest) throws IOException {
        Path wdir = Files.createDirectories(dir.resolve(w.name().toLowerCase(Locale.ROOT)));
        Path scenario = wdir.resolve(w.scenario());
        Files.writeString(scenario, scenarioText(w));
        w.prepare(wdir, largest);
        scenarios.put(w, scenario);
        return scenario;
    }

    /** The text of the workload's scenario, a resource next to this class. */
    public static String scenarioText(Workload w) throws IOException {
        try (InputStream in = Bench.class.getResourceAsStream(w.scenario())) {
            if (in == null) throw new IOException("resource lmo/bench/" + w.scenario() + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code list} followed by {@code more}. */
    static List<String> concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }
}
