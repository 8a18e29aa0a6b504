package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import lmo.bench.Bench;
import lmo.bench.BenchPlan;
import lmo.bench.BenchTable;
import lmo.bench.Machine;
import lmo.bench.Peers;
import lmo.bench.ScenarioRunner;
import lmo.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lmo bench}: runs the shared benchmark workloads W1 (Sinkhorn), W3 (mean-field ReLU network) and W4 (MMD flow)
 * through {@code lmo run} in this JVM, and prints a markdown table of their figures (medians over {@code --repeats}
 * runs) on standard output, with the peers' figures of a {@code raw.jsonl} beside them if given; progress goes to
 * standard error. The runs happen in a temporary directory, deleted at the end (kept if a run fails). See
 * docs/performance.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the benchmark workloads W1 (Sinkhorn), W3 (mean-field ReLU network) and W4 (MMD flow)"
            + " through lmo run, in this JVM, and print a markdown table (docs/performance.md)."},
        footer = {"", "Sizes: W1 n = m = 1000, 4000, 10000; W3 N = 1000, 10000; W4 N = M = 4096, 16384 (--quick: the first"
            + " of each).", "Exit codes: 0 done; 2 bad option (or a run refused its scenario); another code: a run's"
            + " (its directory is kept)."})
final class BenchCommand implements Callable<Integer> {
    /** The most runs of one figure. */
    static final int MAX_REPEATS = 100;

    @Option(names = "--workloads", split = ",", paramLabel = "W", description = "w1, w3, w4 (default: all)")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--sizes", paramLabel = "[W=]N,N...", description = "sizes of every chosen workload, or of one"
            + " (w1=1000,4000); repeatable")
    List<String> sizes = new ArrayList<>();

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "timed runs per figure (default 3)")
    int repeats;

    @Option(names = "--quick", description = "the smallest size of each workload only (a smoke run)")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the rows to FILE: .csv, or JSON lines (.jsonl, .json)")
    Path out;

    @Option(names = "--peers", paramLabel = "RAW.jsonl", description = "the peers' raw.jsonl (run_all.sh with BENCH_OUT):"
            + " show their figures and peer time / lmo time")
    Path peersFile;

    @Override
    public Integer call() throws IOException {
        Map<Workload, List<Integer>> plan;
        try {
            plan = BenchPlan.of(workloads, sizes, quick);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        if (repeats < 1 || repeats > MAX_REPEATS) return bad("--repeats: must be between 1 and " + MAX_REPEATS + ", got " + repeats);
        String outProblem = out == null ? null : outProblem(out);
        if (outProblem != null) return bad(outProblem);
        Peers peers = Peers.NONE;
        if (peersFile != null) {
            if (!Files.isRegularFile(peersFile)) return bad("--peers " + peersFile + ": no such file");
            try {
                peers = Peers.read(peersFile);
            } catch (IOException e) {
                return bad("--peers " + e.getMessage());
            }
        }
        return run(plan, peers);
    }

    private int run(Map<Workload, List<Integer>> plan, Peers peers) throws IOException {
        double load = Machine.loadAverage();
        Path work = Files.createTempDirectory("lmo-bench-");
        List<Bench.Measured> done = new ArrayList<>();
        try {
            new Bench(new InProcessRunner(), work, repeats, System.err).measure(plan, m -> {
                done.add(m);
                if (out != null) BenchTable.write(out, BenchTable.rows(done, peers));
            });
        } catch (ScenarioRunner.Failed e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("bench: the runs are kept in " + work);
            return e.exitCode();
        }
        delete(work);
        System.out.println(Machine.headline(repeats, load));
        System.out.println();
        System.out.print(BenchTable.markdown(BenchTable.rows(done, peers), peersFile != null));
        if (out != null) System.err.println("bench: rows written to " + out);
        return Main.OK;
    }

    /** Why the rows cannot be written to {@code file}, or null. */
    private static String outProblem(Path file) {
        String format = BenchTable.formatProblem(file);
        if (format != null) return format;
        if (Files.isDirectory(file)) return "--out " + file + ": is a directory";
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) return "--out " + file + ": no such directory: " + parent;
        if (!Files.isWritable(parent)) return "--out " + file + ": cannot write in " + parent;
        return null;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
