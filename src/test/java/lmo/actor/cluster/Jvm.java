package lmo.actor.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@code lmo.cli.Main} from the test classpath, with the flags every lmo JVM needs; its output
 * goes to a log file. {@link #kill()} is kill -9; {@link #suspend()} and {@link #resume()} are SIGSTOP and SIGCONT (a
 * suspended JVM keeps its sockets open and answers nothing). Closing kills it, suspended or not.
 */
public final class Jvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Jvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Jvm start(Path log, String... args) throws IOException {
        return start(List.of("-Xmx1g"), log, args);
    }

    /** A child JVM with {@code flags} (e.g. {@code -Xmx64m}) before the class path. */
    public static Jvm start(List<String> flags, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        if (Runtime.version().feature() >= 24) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("lmo.cli.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Jvm(p, log);
    }

    /** A TCP port free on 127.0.0.1 right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits for the exit code, or fails after {@code seconds}. */
    public int exitCode(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("JVM still running after " + seconds + " s; log:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C or a scheduler's stop would send: the JVM runs its shutdown hooks. */
    public void terminate() throws InterruptedException {
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** The process id, for signals ({@code kill -STOP}) and for what a lock file names. */
    public long pid() { return process.pid(); }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() { return process.isAlive(); }

    /** SIGSTOP: every thread of the JVM stops, its connections stay open. */
    public void suspend() throws IOException, InterruptedException { signal("STOP"); }

    /** SIGCONT, after {@link #suspend()}. */
    public void resume() throws IOException, InterruptedException { signal("CONT"); }

    private void signal(String name) throws IOException, InterruptedException {
        if (!process.isAlive()) return;
        Process k = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) throw new IOException("kill -" + name + " " + process.pid() + " failed");
    }

    /** Waits until the log has a line matching {@code regex}, and returns the first such line's first group. */
    public String await(String regex, int seconds) throws InterruptedException {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.MULTILINE);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.util.regex.Matcher m = p.matcher(log());
            if (m.find()) return m.groupCount() > 0 ? m.group(1) : m.group();
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + regex + " after " + seconds + " s; log:\n" + log());
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
