package lmo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lmo}: run and check scenario files. Exit codes: 0 done; 2 bad input (file, scenario, option); 3 the run
 * diverged (NaN or infinity; the last good state is kept); 4 the cluster lost more members than it can run
 * without (a resumable checkpoint is kept); 5 {@code lmo replay} ended with another stateSha256 than the run it
 * replays (both are printed); 1 a bug or a fatal error of the JVM (out of memory: summary.json says
 * {@code status: failed}); 143 (SIGTERM) or 130 (Ctrl-C): stopped after writing a checkpoint of the next step, which
 * {@code lmo resume} continues.
 */
@Command(name = "lmo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Mean-field particle dynamics on actor shards.",
        subcommands = {RunCommand.class, ResumeCommand.class, ReplayCommand.class, ValidateCommand.class, NodeCommand.class, PlotCommand.class,
            AnimateCommand.class, CompareCommand.class, SweepCommand.class, AnalyzeCommand.class, BenchCommand.class, HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int BAD_INPUT = 2;
    public static final int DIVERGED = 3;
    public static final int LOST = 4;
    /** {@code lmo replay}: the replay ended with another stateSha256 (or status) than the recorded run. */
    public static final int REPLAY_DIFFERS = 5;

    /** The standard error as the JVM opened it, before {@link StackTraceFilter}: for the internal-error report. */
    private static java.io.PrintStream rawErr = System.err;

    public static void main(String[] args) {
        if (!"1".equals(System.getenv("LMO_TRACES"))) {
            rawErr = System.err;
            System.setErr(new java.io.PrintStream(new StackTraceFilter(new java.io.FileOutputStream(
                    java.io.FileDescriptor.err)), true, java.nio.charset.StandardCharsets.UTF_8));
        }
        org.slf4j.LoggerFactory.getLogger(Main.class); // initialise logging before actor threads start
        if (runsOneScenario(args)) lmo.numeric.VectorWidth.oneScenario();
        System.exit(execute(args));
    }

    /**
     * Whether this process runs one scenario's model only: {@code run}, {@code resume}, {@code replay}, or
     * {@code bench} of one workload. Such a JVM may take 512-bit vectors on JDK 17 ({@link lmo.numeric.VectorWidth}).
     */
    static boolean runsOneScenario(String... args) {
        if (args.length == 0) return false;
        switch (args[0]) {
            case "run": case "resume": case "replay":
                return true;
            case "bench":
                java.util.Set<String> kinds = new java.util.TreeSet<>();
                for (int i = 1; i < args.length; i++) {
                    String v = args[i].startsWith("--workloads=") ? args[i].substring("--workloads=".length())
                            : args[i].equals("--workloads") && i + 1 < args.length ? args[++i] : null;
                    if (v != null) {
                        for (String w : v.split(",")) kinds.add(w.trim().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return kinds.size() == 1;
            default:
                return false;
        }
    }

    /** Runs the command line and returns the exit code (for tests: no System.exit). */
    public static int execute(String... args) {
        String width = lmo.numeric.VectorWidth.problem();
        if (width != null) {
            System.err.println("lmo: " + width);
            return BAD_INPUT;
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("lmo: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: lmo help " + ex.getCommandLine().getCommandName());
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("lmo: internal error: " + ex);
            c.getErr().flush();
            ex.printStackTrace(rawErr); // a bug: the trace goes to the report, past the filter
            return BUG;
        });
        return cl.execute(args);
    }

    /** {@code lmo} without a command: the usage on standard error, and exit code 2 (a command is missing). */
    @Override
    public Integer call() {
        System.err.println("lmo: a command is missing");
        new CommandLine(this).usage(System.err);
        return BAD_INPUT;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lmo " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
