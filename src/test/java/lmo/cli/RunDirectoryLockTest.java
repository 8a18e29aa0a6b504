package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lmo.actor.cluster.Jvm;
import lmo.io.RunLayout;
import lmo.io.RunLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items 2 and 3 of issue 14, across processes: of two runs started together with one {@code --out}, one runs and the
 * other exits 2 writing nothing; a directory that a run or a resume is writing cannot be resumed by another process
 * (exit 2, naming the holder's pid); a run killed with kill -9 leaves the directory free to resume.
 */
@Tag("jvm")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RunDirectoryLockTest {
    @TempDir Path dir;

    private static final String QUICKSTART = "scenarios/quickstart.yaml";

    private Jvm run(String log, Path out, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("run", QUICKSTART, "--out", out.toString(), "-q", "--no-plots"));
        args.addAll(List.of(more));
        return Jvm.start(dir.resolve(log), args.toArray(String[]::new));
    }

    /** Metrics rows: their steps strictly increase (no row of another run, none twice). */
    private static void assertOneRunsRows(Path out, long lastStep) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve(RunLayout.METRICS));
        assertTrue(rows.get(0).startsWith("step,wallSeconds,time,"), rows.get(0));
        long previous = -1;
        for (String row : rows.subList(1, rows.size())) {
            long step = Long.parseLong(row.split(",")[0]);
            assertTrue(step > previous, "step " + step + " after " + previous + " in " + out.resolve(RunLayout.METRICS));
            previous = step;
        }
        assertEquals(lastStep, previous);
    }

    /** The holder's pid, once a process has claimed {@code out}; fails if {@code holder} ends first. */
    private static long awaitHolder(Path out, Jvm holder) throws Exception {
        Path lock = out.resolve(RunLock.NAME);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!holder.alive()) fail("the holder ended before claiming " + out + ":\n" + holder.log());
            String text = Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : "";
            if (text.startsWith("pid " + holder.pid() + ":")) return holder.pid();
            Thread.sleep(20);
        }
        throw new AssertionError("no claim of " + out + " within 60 s:\n" + holder.log());
    }

    @Test
    void twoRunsIntoOneDirectoryOneRunsTheOtherWritesNothing() throws Exception {
        for (int trial = 0; trial < 2; trial++) {
            Path out = dir.resolve("race-" + trial);
            try (Jvm a = run("a" + trial + ".log", out, "--seed", "1");
                 Jvm b = run("b" + trial + ".log", out, "--seed", "2")) {
                int ea = a.exitCode(180), eb = b.exitCode(180);
                assertEquals(2, Math.min(ea, eb) == 0 ? Math.max(ea, eb) : -1, "one 0 and one 2: " + ea + ", " + eb
                        + "\n" + a.log() + "\n" + b.log());
                Jvm winner = ea == 0 ? a : b, loser = ea == 0 ? b : a;
                String refused = loser.log().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).reduce("",
                        (x, y) -> x + y + "\n");
                assertTrue(refused.equals("--out " + out + ": exists and is not empty\n")
                        || refused.startsWith("--out " + out + " is in use by another lmo process (pid " + winner.pid() + ": lmo run "),
                        refused);
                assertEquals(1, refused.lines().count(), refused);
                long seed = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile()).get("seed").asLong();
                assertEquals(winner == a ? 1 : 2, seed, "the summary is the winner's");
                assertOneRunsRows(out, 300);
            }
        }
    }

    @Test
    void aDirectoryBeingWrittenIsNotResumedByAnotherProcessAndKillMinus9FreesIt() throws Exception {
        Path out = dir.resolve("held");
        try (Jvm first = run("first.log", out, "--set", "steps=100000", "--set", "checkpoint.every=50")) {
            long pid = awaitHolder(out, first);
            Cli r = Cli.run("resume", out.toString(), "-q");
            assertEquals(2, r.exit(), r.err());
            assertEquals(out + " is in use by another lmo process (pid " + pid + ": lmo run " + QUICKSTART + ")\n", r.err());
            while (!Files.exists(out.resolve(RunLayout.CHECKPOINT))) {
                if (!first.alive()) fail(first.log());
                Thread.sleep(20);
            }
            first.kill(); // kill -9: the operating system releases the lock
        }
        long checkpoint = lmo.run.CheckpointFile.read(out.resolve(RunLayout.CHECKPOINT)).checkpoint().step();
        byte[] rows;
        try (Jvm resume = Jvm.start(dir.resolve("resume.log"), "resume", out.toString(), "-q", "--no-plots")) {
            long pid = awaitHolder(out, resume); // the killed run's lock is free
            rows = Files.readAllBytes(out.resolve(RunLayout.METRICS));
            Cli second = Cli.run("resume", out.toString(), "-q");
            assertEquals(2, second.exit(), second.err());
            assertEquals(out + " is in use by another lmo process (pid " + pid + ": lmo resume " + out + ")\n", second.err());
            Cli run = Cli.run("run", QUICKSTART, "--out", out.toString(), "-q");
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().startsWith("--out " + out + ": exists and is not empty"), run.err());
            assertTrue(resume.alive(), "the first resume goes on:\n" + resume.log());
            resume.kill();
        }
        // the resume keeps the killed run's rows before its checkpoint (it may or may not have removed and written
        // again the later ones by the time it is killed): those stay as they were, and only the holder wrote the rest
        List<String> lines = Files.readAllLines(out.resolve(RunLayout.METRICS));
        List<String> before = new String(rows, StandardCharsets.UTF_8).lines().toList();
        for (int i = 1; i < before.size() - 1; i++) {
            if (Long.parseLong(before.get(i).split(",")[0]) < checkpoint) assertEquals(before.get(i), lines.get(i), "row " + i);
        }
        long previous = -1;
        for (String row : lines.subList(1, lines.size() - 1)) { // the last row may be torn by the kill
            long step = Long.parseLong(row.split(",")[0]);
            assertTrue(step > previous, "step " + step + " after " + previous);
            previous = step;
        }
    }
}
