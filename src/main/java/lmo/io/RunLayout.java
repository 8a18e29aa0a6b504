package lmo.io;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the files of a run directory (and of a sweep directory), relative to it, in one place. A state file
 * is an {@code .npy} table of N rows (position coordinates, then the mass); a population's name goes in the file
 * name as it is.
 *
 * <pre>
 * RUN_DIR/
 *   scenario.yaml                       the resolved scenario                          {@link #SCENARIO}
 *   metrics.csv                         step,wallSeconds,time,&lt;metrics&gt;             {@link #METRICS}
 *   summary.json                        status, final metrics, stateSha256, engine     {@link #SUMMARY}
 *   analysis.json                       bin/lmo analyze                                {@link #ANALYSIS}
 *   checkpoint.lmo                      see {@code lmo.run.CheckpointFile}                     {@link #CHECKPOINT}
 *   schedule.lmo                        bounded runs: see {@code lmo.run.ScheduleFile}          {@link #SCHEDULE}
 *   staleness.csv                       asynchronous runs: step,min,mean,max                {@link #STALENESS}
 *   replay/, replay-2/ ...              bin/lmo replay's default run directories           {@link #REPLAY}
 *   .lmo.lock                           see {@link RunLock}                            {@link #LOCK}
 *   final-&lt;population&gt;.npy             the completed run's state                      {@link #finalState}
 *   last-good-&lt;population&gt;.npy         the last finite state after a divergence       {@link #lastGoodState}
 *   final-&lt;population&gt;-solver.npy      per-particle solver state (N rows)             {@link #solver}
 *   final-model-global.npy              the model's global state (one column)          {@link #MODEL_GLOBAL}
 *   snapshots/&lt;population&gt;-&lt;step&gt;.npy  step on 8 digits                               {@link #snapshot}
 *   trajectories-&lt;population&gt;.npy      output.trajectories: (S, K', dim + 1)          {@link #trajectories}
 *   trajectories-steps.npy              output.trajectories: (S, 2) step, time         {@link #TRAJECTORY_STEPS}
 *   &lt;table&gt;.csv                         the model's final tables, e.g. {@link #PREDICTOR}
 *   plots/                              bin/lmo plot: {@link #FITS}, {@code <metric>.png}, {@link #particlesPlot}
 * SWEEP_DIR/
 *   sweep.csv                           one row per point                              {@link #SWEEP}
 *   shapes.csv, shapes.json             ResNet shape sweeps                            {@link #SHAPES_CSV}
 * </pre>
 *
 * Files are written to {@code <name>.tmp} ({@link #TMP}) and renamed, so a leftover {@code .tmp} is never a result.
 */
public final class RunLayout {
    /** The resolved scenario. */
    public static final String SCENARIO = "scenario.yaml";
    /** One row per logged step: {@code step,wallSeconds,time,<metrics>}. */
    public static final String METRICS = "metrics.csv";
    /** The run's outcome. */
    public static final String SUMMARY = "summary.json";
    /** The report of {@code bin/lmo analyze}. */
    public static final String ANALYSIS = "analysis.json";
    /** The state a run continues from ({@code lmo.run.CheckpointFile}). */
    public static final String CHECKPOINT = "checkpoint.lmo";
    /** The recorded sources of a {@code bounded} run, which {@code bin/lmo replay} follows ({@code lmo.run.ScheduleFile}). */
    public static final String SCHEDULE = "schedule.lmo";
    /** Asynchronous runs: the staleness used by the steps before each logged step, {@code step,min,mean,max}. */
    public static final String STALENESS = "staleness.csv";
    /** The default directory of {@code bin/lmo replay} inside the replayed run's ({@code replay}, {@code replay-2}, ...). */
    public static final String REPLAY = "replay";
    /** The lock file of the process holding the directory ({@link RunLock}). */
    public static final String LOCK = ".lmo.lock";
    /** The directory of the snapshots. */
    public static final String SNAPSHOTS = "snapshots";
    /** The directory of the plots. */
    public static final String PLOTS = "plots";
    /** The fits of {@code output.fit}, in {@link #PLOTS}. */
    public static final String FITS = "fits.json";
    /** The suffix of a file being written, renamed over its name once complete. */
    public static final String TMP = ".tmp";
    /** The pseudo-population name of the model's global state across steps ({@code final-model-global.npy}). */
    public static final String MODEL_GLOBAL = "model-global";
    /** The extension of the state files. */
    public static final String NPY = ".npy";
    /** The recorded steps of {@code output.trajectories}: (S, 2), the step and its mean-field time. */
    public static final String TRAJECTORY_STEPS = "trajectories-steps.npy";

    /** The two-layer model's predictor on a 1-D grid. */
    public static final String PREDICTOR = "predictor.csv";
    /** The entropic transport's final costs. */
    public static final String TRANSPORT = "transport.csv";
    /** The grid barycenter's density. */
    public static final String BARYCENTER = "barycenter.csv";
    /** The MLP's feature-speed table. */
    public static final String FEATURE_SPEED = "featureSpeed.csv";
    /** The ResNet's final embedding. */
    public static final String EMBEDDING = "embedding.csv";
    /** The ResNet's final output. */
    public static final String OUTPUT = "output.csv";

    /** The table of a sweep directory: one row per point. */
    public static final String SWEEP = "sweep.csv";
    /** The shapes of a ResNet shape sweep. */
    public static final String SHAPES_CSV = "shapes.csv";
    /** The fits of a ResNet shape sweep. */
    public static final String SHAPES_JSON = "shapes.json";

    private static final String FINAL = "final-";
    private static final String LAST_GOOD = "last-good-";
    private static final String SOLVER = "-solver";
    private static final Pattern END_STATE = Pattern.compile("(final|last-good)-.*\\.npy");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshots/.*-(\\d+)\\.npy");

    private RunLayout() {}

    /** {@code final-<population>.npy}: the population's state at the end of a completed run. */
    public static String finalState(String population) {
        return FINAL + population + NPY;
    }

    /** {@code last-good-<population>.npy}: the population's last finite state, after a divergence. */
    public static String lastGoodState(String population) {
        return LAST_GOOD + population + NPY;
    }

    /** {@link #finalState} or, for a run that did not complete, {@link #lastGoodState}. */
    public static String endState(String population, boolean completed) {
        return completed ? finalState(population) : lastGoodState(population);
    }

    /** {@code trajectories-<population>.npy}: the recorded particles of {@code output.trajectories}. */
    public static String trajectories(String population) {
        return "trajectories-" + population + NPY;
    }

    /** {@code snapshots/<population>-<step>.npy}, the step on 8 digits (more when larger). */
    public static String snapshot(String population, long step) {
        return SNAPSHOTS + "/" + population + "-" + String.format(Locale.ROOT, "%08d", step) + NPY;
    }

    /** {@code <state>-solver.npy}: the per-particle solver state beside a state file {@code <state>.npy}. */
    public static String solver(String stateFile) {
        return stateFile.replace(NPY, SOLVER + NPY);
    }

    /** Whether a name (relative, with '/') is a final or last-good state file (solver and global state included). */
    public static boolean isEndState(String name) {
        return END_STATE.matcher(name).matches();
    }

    /** Whether a name (relative, with '/') is in {@link #SNAPSHOTS}. */
    public static boolean isSnapshot(String name) {
        return name.startsWith(SNAPSHOTS + "/");
    }

    /**
     * The step of a snapshot file name (relative, with '/'), {@link Long#MAX_VALUE} past 18 digits; -1 if the name is
     * not a snapshot's.
     */
    public static long snapshotStep(String name) {
        Matcher m = SNAPSHOT.matcher(name);
        if (!m.matches()) return -1;
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** {@code particles-<population>.png} in {@link #PLOTS}. */
    public static String particlesPlot(String population) {
        return "particles-" + population + ".png";
    }

    /** {@code weights-<population>.png} in {@link #PLOTS}, when the masses differ. */
    public static String weightsPlot(String population) {
        return "weights-" + population + ".png";
    }
}
