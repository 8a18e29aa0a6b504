package lmo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.bench.RunResult;
import lmo.bench.ScenarioRunner;
import lmo.io.RunLayout;
import lmo.plot.MetricsTable;

/**
 * Runs a scenario for {@code bench} as {@code lmo run SCENARIO --set ... --out DIR -q --no-plots} in this JVM
 * ({@link RunCommand} itself: the same checks, engine and run directory), with the run's report lines on standard
 * output discarded (the bench prints its table there); its errors still go to standard error.
 */
final class InProcessRunner implements ScenarioRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RunResult run(Path scenario, List<String> sets, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of(scenario.toString()));
        for (String s : sets) args.addAll(List.of("--set", s));
        args.addAll(List.of("--out", out.toString(), "-q", "--no-plots"));
        PrintStream stdout = System.out;
        int code;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            code = RunCommand.inProcess(args);
        } finally {
            System.setOut(stdout);
        }
        if (code != Main.OK) {
            throw new Failed(code, "the run ended with exit code " + code + ": lmo run " + String.join(" ", args));
        }
        return new RunResult(out, JSON.readTree(out.resolve(RunLayout.SUMMARY).toFile()),
                MetricsTable.read(out.resolve(RunLayout.METRICS)));
    }
}
