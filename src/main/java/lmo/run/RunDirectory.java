package lmo.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lmo.engine.BlockLayout;
import lmo.engine.Checkpoint;
import lmo.engine.ClusterStatus;
import lmo.io.FinalTable;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.RunLock;
import lmo.io.Table;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.numeric.VectorWidth;

/**
 * Writes a run directory ({@link RunLayout} names its files): {@code scenario.yaml} (resolved), {@code metrics.csv} (header
 * {@code step,wallSeconds,time,<metrics>}, one row per logged step, row k the state after k updates),
 * {@code summary.json}, and {@code .npy} snapshots (one array per population: N rows of position coordinates then
 * mass): {@code snapshots/<population>-<step>.npy}, {@code final-<population>.npy}, and on divergence
 * {@code last-good-<population>.npy} (and, for a model with per-particle solver state, {@code
 * final-<population>-solver.npy} / {@code last-good-<population>-solver.npy}: N rows of solver values; for a model
 * with global state across steps, {@code final-model-global.npy} / {@code last-good-model-global.npy}: one column,
 * e.g. the barycenter's potentials g^k on the inputs' points, input after input),
 * {@code checkpoint.lmo} (see {@link CheckpointFile}), with {@code output.trajectories} the trajectory files (see
 * {@link TrajectoryFiles}: written with every checkpoint, before it, and at the end), and when a run completes
 * the model's final tables as CSV files ({@code lmo.model.Model#finalTables}, e.g. {@code predictor.csv}). Every file but
 * metrics.csv and staleness.csv is written to a temporary name and renamed, so none is ever half-written; the two CSV
 * files are flushed row by row.
 *
 * <p><b>Asynchronous runs</b> ({@code engine.sync: delayed} or {@code bounded}, staleness s >= 1) also get
 * {@code staleness.csv}: header {@code step,min,mean,max}, one row per logged step k > 0 (with its metrics row), over
 * the staleness {@code t - sources[j]} of every block's step from every state t with {@code previous row <= t < k}
 * and every block j ({@link RunObserver#onSources}): the updates that led from the previous logged state to state k,
 * all ordered by the time state k is logged. A row is written only when that range holds a step, so step 0 (and the
 * checkpoint's state a resume logs again) has none; the values do not depend on timing in {@code delayed} runs, and a
 * replay of a {@code bounded} run writes the file of the run it replays. {@code bounded} runs keep the sources of
 * every step and write {@code schedule.lmo} ({@link ScheduleFile}): with every checkpoint, first, holding the steps
 * before the checkpoint's state (so a resume from it and a replay follow one schedule), and at the end of a completed
 * or diverged run, holding every step ordered; summary.json then names it ({@code "schedule": "schedule.lmo"}).
 *
 * <p>{@link #reopen} continues a run directory from its checkpoint: metrics rows and snapshots the resumed run will
 * write again are removed first, so each step appears once; staleness rows after the checkpoint's step are removed,
 * and the steps of schedule.lmo from the checkpoint's state on are dropped.
 */
public final class RunDirectory implements RunObserver {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final String description;
    private final byte[] fingerprint;
    private long resumedFrom = -1;
    private long checkpointStep = -1;
    private Simulation sim;
    private BlockLayout layout;
    private BufferedWriter metrics;
    private boolean append;
    private ClusterStatus cluster;
    /** A bounded run's recorded sources (loaded by {@link #reopen}, or started by {@link #onStart}); else null. */
    private ScheduleFile schedule;
    private boolean scheduleWritten;
    /** Asynchronous runs: staleness.csv, open while the run goes. */
    private BufferedWriter stalenessCsv;
    /** Per state t: min, max, sum and count of the staleness of the steps from t not yet in a staleness.csv row. */
    private final java.util.TreeMap<Long, long[]> stalenessOf = new java.util.TreeMap<>();
    /** The first state the next staleness.csv row covers: the previous row's step (0 at first). */
    private long stalenessFrom;
    private String replayOf;
    private final TrajectoryFiles trajectories;

    private RunDirectory(Path dir, String description, String resolvedScenarioYaml) {
        this.dir = dir;
        this.description = description;
        this.fingerprint = CheckpointFile.fingerprint(resolvedScenarioYaml);
        this.trajectories = new TrajectoryFiles(dir);
    }

    /**
     * Creates the directory (which must not exist or be empty, but for a {@link RunLock} file) and writes
     * {@code scenario.yaml}.
     *
     * @throws IOException if the directory exists and is not empty, or cannot be written
     */
    public static RunDirectory create(Path dir, String resolvedScenarioYaml, String description) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.anyMatch(f -> !f.getFileName().toString().equals(RunLock.NAME))) {
                    throw new IOException(dir + " exists and is not empty");
                }
            }
        } else if (Files.exists(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);
        RunDirectory run = new RunDirectory(dir, description, resolvedScenarioYaml);
        run.writeAtomically(RunLayout.SCENARIO, resolvedScenarioYaml.getBytes(StandardCharsets.UTF_8));
        return run;
    }

    /** {@link #reopen(Path, long, String)} with an empty description. */
    public static RunDirectory reopen(Path dir, long step) throws IOException {
        return reopen(dir, step, "");
    }

    /**
     * Opens an existing run directory to continue it from its checkpoint at {@code step}: keeps
     * {@code scenario.yaml}; keeps the header of metrics.csv and its complete rows with a step below {@code step}
     * (the resumed run logs state {@code step} again), rewritten atomically; removes snapshots after {@code step},
     * {@code final-*.npy}, {@code last-good-*.npy}, {@code summary.json}, {@code analysis.json} (of the old final
     * state) and leftover {@code *.tmp} files. The run then appends to metrics.csv, and summary.json gets
     * {@code "resumedFrom": step}.
     *
     * @throws IOException if {@code dir} has no scenario.yaml, or cannot be rewritten
     */
    public static RunDirectory reopen(Path dir, long step, String description) throws IOException {
        Path scenario = dir.resolve(RunLayout.SCENARIO);
        if (!Files.isRegularFile(scenario)) throw new IOException(dir + " has no " + RunLayout.SCENARIO);
        RunDirectory run = new RunDirectory(dir, description, Files.readString(scenario, StandardCharsets.UTF_8));
        run.resumedFrom = step;
        run.checkpointStep = step;
        run.trajectories.resumeAt(step);
        Path schedule = dir.resolve(RunLayout.SCHEDULE);
        if (Files.exists(schedule)) run.schedule = ScheduleFile.read(schedule); // before anything is removed
        run.truncate(step);
        return run;
    }

    /**
     * Marks this directory as the replay of {@code runDir} ({@code bin/lmo replay}): summary.json gets
     * {@code "replayOf": runDir}.
     */
    public void replayOf(Path runDir) {
        this.replayOf = runDir.toString();
    }

    /**
     * Keeps the header and the complete metrics rows with a step below {@code step} and the staleness rows up to
     * {@code step}, rewritten atomically; drops the schedule's steps from state {@code step} on; removes snapshots
     * after {@code step}, final and last-good states, summary.json and leftover temporary files.
     */
    private void truncate(long step) throws IOException {
        keepRows(RunLayout.METRICS, step - 1);
        // a staleness row k covers the steps before state k, all made before a checkpoint of state k: it stays
        stalenessFrom = Math.max(0, keepRows(RunLayout.STALENESS, step));
        stalenessOf.clear(); // the steps from state `step` on are ordered again, the ones before are rebuilt by onStart
        if (schedule != null) schedule.truncate(step);
        try (var files = Files.walk(dir, 2)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                boolean stale = name.endsWith(RunLayout.TMP) || name.equals(RunLayout.SUMMARY)
                        || name.equals(RunLayout.ANALYSIS) || RunLayout.isEndState(name)
                        || RunLayout.snapshotStep(name) > step;
                if (stale) Files.delete(f);
            }
        }
        append = true;
    }

    /**
     * Keeps the header and the complete rows (as many fields as the header) of step at most {@code last} of a CSV
     * file of the directory, if it exists, rewritten atomically; returns the greatest step kept, -1 if none.
     */
    private long keepRows(String name, long last) throws IOException {
        Path csv = dir.resolve(name);
        if (!Files.exists(csv)) return -1;
        String[] lines = Files.readString(csv, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder kept = new StringBuilder();
        int fields = lines[0].split(",", -1).length;
        if (lines.length > 1) kept.append(lines[0]).append('\n');
        long greatest = -1;
        for (int i = 1; i < lines.length - 1; i++) { // the last piece follows the last newline: a torn row or ""
            String[] f = lines[i].split(",", -1);
            boolean keep = f.length == fields && f[0].matches("\\d{1,18}") && Long.parseLong(f[0]) <= last;
            if (keep) {
                kept.append(lines[i]).append('\n');
                greatest = Math.max(greatest, Long.parseLong(f[0]));
            }
        }
        writeAtomically(name, kept.toString().getBytes(StandardCharsets.UTF_8));
        return greatest;
    }

    @Override
    public void onRewind(long step) {
        try {
            if (metrics != null) metrics.close();
            metrics = null;
            if (stalenessCsv != null) stalenessCsv.close();
            stalenessCsv = null;
            truncate(step);
            trajectories.rewind(step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onCluster(ClusterStatus status) {
        cluster = status;
    }

    public Path dir() { return dir; }

    @Override
    public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        this.sim = sim;
        this.layout = layout;
        try {
            trajectories.start(sim);
            if (sim.sync().asynchronous()) startAsynchronous(sim, layout);
            if (metrics != null) return; // the same run, started again after a rewind
            metrics = openCsv(RunLayout.METRICS, "step,wallSeconds,time," + String.join(",", columns));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a CSV file of the directory: appends to it after a resume or rewind (same header), else creates it. */
    private BufferedWriter openCsv(String name, String header) throws IOException {
        Path csv = dir.resolve(name);
        if (append && Files.exists(csv) && Files.size(csv) > 0) {
            String first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
            if (!first.equals(header)) throw new IOException(csv + ": header " + first + ", the run logs " + header);
            return Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        w.write(header);
        w.newLine();
        w.flush();
        return w;
    }

    /**
     * An asynchronous run starts (or starts again after a rewind): opens staleness.csv; a bounded run starts its
     * schedule, or continues the one {@link #reopen} loaded, which must hold every step before the start; after a
     * resume or a rewind, the staleness of the steps between the last staleness row and the start comes from the
     * schedule (bounded) or from the fixed one (delayed: state t reads state max(0, t - s)).
     */
    private void startAsynchronous(Simulation sim, BlockLayout layout) throws IOException {
        if (stalenessCsv == null) stalenessCsv = openCsv(RunLayout.STALENESS, "step,min,mean,max");
        int s = sim.sync().staleness();
        int blocks = layout.blocks();
        long start = sim.startStep();
        boolean bounded = sim.sync().mode() == Sync.Mode.BOUNDED;
        if (bounded && schedule == null) {
            if (start > 0) {
                throw new IOException(dir.resolve(RunLayout.SCHEDULE) + ": missing: a bounded run resumed at step "
                        + start + " needs the schedule of the steps before it");
            }
            schedule = new ScheduleFile(fingerprint, blocks, s);
        } else if (bounded) {
            if (schedule.blocks() != blocks || schedule.staleness() != s) {
                throw new IOException(dir.resolve(RunLayout.SCHEDULE) + ": recorded for " + schedule.blocks()
                        + " blocks and staleness " + schedule.staleness() + ", the run has " + blocks + " and " + s);
            }
            if (schedule.minSteps() < start) {
                throw new IOException(dir.resolve(RunLayout.SCHEDULE) + ": holds " + schedule.minSteps()
                        + " steps of some block, the run resumes at step " + start);
            }
            schedule.truncate(start);
        }
        for (long t = stalenessFrom; t < start; t++) {
            for (int b = 0; b < blocks; b++) {
                if (bounded) {
                    for (int st : schedule.staleness(b, t)) addStaleness(t, st);
                } else {
                    for (int j = 0; j < blocks; j++) addStaleness(t, Math.min(t, s));
                }
            }
        }
    }

    private void addStaleness(long step, long staleness) {
        long[] a = stalenessOf.computeIfAbsent(step, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0});
        a[0] = Math.min(a[0], staleness);
        a[1] = Math.max(a[1], staleness);
        a[2] += staleness;
        a[3]++;
    }

    @Override
    public void onSources(int block, long step, long[] sources) {
        if (stalenessCsv == null) return; // not an asynchronous run
        for (long t : sources) addStaleness(step, step - t);
        if (schedule != null) schedule.record(block, step, sources);
    }

    /** The staleness row of logged state k: the steps from states [stalenessFrom, k), if any. */
    private void writeStalenessRow(long k) throws IOException {
        if (k <= stalenessFrom) return; // no step in the range (step 0; the state a resume logs again)
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE, sum = 0, count = 0;
        for (long[] a : stalenessOf.subMap(stalenessFrom, k).values()) {
            min = Math.min(min, a[0]);
            max = Math.max(max, a[1]);
            sum += a[2];
            count += a[3];
        }
        stalenessOf.headMap(k).clear();
        stalenessFrom = k;
        if (count == 0) return;
        stalenessCsv.write(k + "," + min + "," + num((double) sum / count) + "," + max);
        stalenessCsv.newLine();
        stalenessCsv.flush();
    }

    @Override
    public void onMetrics(long step, double wallSeconds, double[] values) {
        StringBuilder row = new StringBuilder();
        row.append(step).append(',').append(String.format(Locale.ROOT, "%.6f", wallSeconds)).append(',')
                .append(num(step * sim.dynamics().timeStep()));
        for (double v : values) row.append(',').append(num(v));
        try {
            metrics.write(row.toString());
            metrics.newLine();
            metrics.flush();
            if (stalenessCsv != null) writeStalenessRow(step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onTrajectory(long step, Gathered points) {
        trajectories.add(step, points);
    }

    @Override
    public void onSnapshot(long step, Gathered state) {
        writeState(state, name -> RunLayout.snapshot(name, step));
    }

    @Override
    public void onCheckpoint(long step, Gathered state) { onCheckpoint(new Checkpoint(step, state)); }

    @Override
    public void onCheckpoint(Checkpoint c) {
        try {
            // the schedule first: a kill between the two leaves one that covers the previous checkpoint's steps too
            if (schedule != null) writeSchedule(c.step());
            trajectories.write(); // before the checkpoint: a resume from it finds every row before its step
            List<String> names = sim.populations().stream().map(p -> p.name()).toList();
            CheckpointFile.write(dir, names, c, fingerprint);
            checkpointStep = c.step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onFinish(RunOutcome outcome, Gathered state) {
        boolean ok = outcome.status() == RunOutcome.Status.COMPLETED;
        if (state != null) writeState(state, name -> RunLayout.endState(name, ok));
        if (ok && state != null && sim != null) writeTables(sim.model().finalTables(state, outcome.step()));
        try {
            if (metrics != null) metrics.close();
            if (stalenessCsv != null) stalenessCsv.close();
            boolean ended = ok || outcome.status() == RunOutcome.Status.DIVERGED;
            if (schedule != null && ended) writeSchedule(Long.MAX_VALUE);
            trajectories.write();
            writeAtomically(RunLayout.SUMMARY, JSON.writeValueAsBytes(summary(outcome)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes schedule.lmo with the steps before state {@code before}. */
    private void writeSchedule(long before) throws IOException {
        schedule.write(dir, before);
        scheduleWritten = true;
    }

    private ObjectNode summary(RunOutcome o) {
        ObjectNode s = JSON.createObjectNode();
        if (sim == null) { // stopped before the first step (no cluster formed)
            s.put("status", o.status().name().toLowerCase(Locale.ROOT));
            if (o.message() != null) s.put("message", o.message());
            return s;
        }
        s.put("name", sim.name());
        s.put("description", description);
        s.put("status", o.status().name().toLowerCase(Locale.ROOT));
        if (o.message() != null) s.put("message", o.message());
        s.put("steps", sim.steps());
        if (o.status() != RunOutcome.Status.FAILED) {
            s.put(switch (o.status()) {
                case COMPLETED -> "finalStep";
                case DIVERGED -> "lastGoodStep";
                default -> "resumableFromStep";
            }, o.step());
        }
        s.put("seed", sim.seed());
        if (resumedFrom >= 0) s.put("resumedFrom", resumedFrom);
        if (checkpointStep >= 0) s.put("checkpointStep", checkpointStep);
        if (scheduleWritten || schedule != null && Files.isRegularFile(dir.resolve(RunLayout.SCHEDULE))) {
            s.put("schedule", RunLayout.SCHEDULE);
        }
        if (replayOf != null) s.put("replayOf", replayOf);
        if (o.timing() == null) return s;
        s.put("wallSeconds", o.timing().wallSeconds());
        s.put("stepsPerSecond", o.timing().stepsPerSecond());
        ObjectNode f = s.putObject("final");
        o.finalMetrics().forEach(f::put);
        Map<String, Object> conventions = sim.model().conventions();
        if (!conventions.isEmpty()) s.set("conventions", JSON.valueToTree(conventions));
        s.put("stateSha256", o.stateSha256());
        ObjectNode e = s.putObject("engine");
        e.put("nodes", cluster == null ? 1 : cluster.nodes());
        if (cluster != null) {
            ObjectNode placed = e.putObject("placement");
            cluster.placement().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(p -> placed.put(p.getKey(), p.getValue()));
            e.put("memberLosses", cluster.memberLosses());
            e.put("recoveries", cluster.recoveries());
        }
        e.put("shards", o.shards());
        e.put("blocks", o.blocks());
        e.put("blockSize", sim.blockSize());
        Sync sync = sim.sync();
        e.put("sync", sync.mode().key());
        e.put("staleness", sync.staleness());
        e.put("vectorBits", VectorWidth.bits());  // this JVM's registers: speed only, never bits
        Sync.Straggler straggler = sync.straggler();
        if (!straggler.equals(Sync.Straggler.NONE)) {
            ObjectNode slow = e.putObject("straggler");
            if (straggler.shard() >= 0) slow.put("shard", straggler.shard());
            else slow.put("probability", straggler.probability());
            slow.put("factor", straggler.factor());
        }
        ObjectNode t = s.putObject("timing");
        t.put("computeSeconds", o.timing().computeSeconds());
        t.put("computeSecondsAllShards", o.timing().computeSecondsAllShards());
        t.put("schedulerSeconds", o.timing().schedulerSeconds());
        t.put("messagingSeconds", o.timing().messagingSeconds());
        t.put("messageRounds", o.timing().messageRounds());
        // a step of a multi-stage dynamics (mirror-prox) evaluates the model once per stage
        double pairs = sim.model().pairEvaluationsPerStep(sim.counts()) * sim.dynamics().stages();
        if (pairs > 0) {
            t.put("pairEvaluationsPerStep", pairs);
            t.put("pairEvaluationsPerSecond", pairs * o.timing().stepsPerSecond());
        }
        s.put("java", System.getProperty("java.version"));
        return s;
    }

    private void writeState(Gathered state, java.util.function.Function<String, String> fileName) {
        try {
            for (int p = 0; p < state.m().length; p++) {
                int d = state.dim()[p];
                double[] x = state.x()[p];
                double[] m = state.m()[p];
                double[] rows = new double[m.length * (d + 1)];
                for (int i = 0; i < m.length; i++) {
                    System.arraycopy(x, i * d, rows, i * (d + 1), d);
                    rows[i * (d + 1) + d] = m[i];
                }
                String name = fileName.apply(sim.populations().get(p).name());
                Table table = new Table(m.length, d + 1, rows);
                writeAtomically(name, out -> Npy.write(out, table));
                int w = state.solverWidth()[p];
                if (w > 0 && !RunLayout.isSnapshot(name)) {
                    Table solver = new Table(m.length, w, state.s()[p].clone());
                    writeAtomically(RunLayout.solver(name), out -> Npy.write(out, solver));
                }
            }
            String globalName = fileName.apply(RunLayout.MODEL_GLOBAL);
            double[] global = state.global();
            if (global.length > 0 && !RunLayout.isSnapshot(globalName)) {
                Table g = new Table(global.length, 1, global.clone());
                writeAtomically(globalName, out -> Npy.write(out, g));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's final tables ({@code lmo.model.Model#finalTables}), each as CSV: a header, then one line per row. */
    private void writeTables(java.util.Map<String, FinalTable> tables) {
        try {
            for (var e : new java.util.TreeMap<>(tables).entrySet()) {
                Table t = e.getValue().rows();
                StringBuilder csv = new StringBuilder(String.join(",", e.getValue().columns())).append('\n');
                for (int r = 0; r < t.rows(); r++) {
                    for (int c = 0; c < t.cols(); c++) csv.append(c == 0 ? "" : ",").append(num(t.get(r, c)));
                    csv.append('\n');
                }
                writeAtomically(e.getKey(), csv.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAtomically(String name, byte[] content) throws IOException {
        writeAtomically(name, out -> out.write(content));
    }

    /** What writes a file's content. */
    @FunctionalInterface
    private interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Streams the content to {@code name.tmp} (buffered, no copy of it in memory), then renames it over name. */
    private void writeAtomically(String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + RunLayout.TMP);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            content.writeTo(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Shortest decimal that reads back to the same double. */
    static String num(double v) {
        return Double.toString(v);
    }
}
