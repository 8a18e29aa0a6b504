package lmo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of the machine's cores that other processes used between {@link #start} and {@link #otherFraction}, as
 * the peers' {@code CpuMeter} measures it: the busy time of all cores ({@code /proc/stat}: user, nice, system, irq,
 * softirq, steal, in clock ticks of 1/100 s) less this JVM's CPU time, over the wall time times the cores. 0 is a
 * quiet machine; NaN where {@code /proc/stat} or the JVM's CPU time cannot be read.
 *
 * @param wall {@link System#nanoTime} at the start
 * @param busy the busy seconds of all cores at the start
 * @param own this JVM's CPU seconds at the start
 */
record CpuMeter(long wall, double busy, double own) {
    private static final Path STAT = Path.of("/proc/stat");
    private static final double TICK = 0.01;

    static CpuMeter start() { return new CpuMeter(System.nanoTime(), busySeconds(), ownSeconds()); }

    /** Other processes' share of all cores since the start, in [0, 1] (rounded to 3 digits), or NaN. */
    double otherFraction() {
        double seconds = (System.nanoTime() - wall) * 1e-9;
        double other = (busySeconds() - busy) - (ownSeconds() - own);
        double f = Math.max(0, other) / (seconds * Runtime.getRuntime().availableProcessors());
        return Double.isFinite(f) ? Math.round(f * 1000) / 1000.0 : Double.NaN;
    }

    /** Busy seconds of all cores since boot, from the first line of /proc/stat; NaN if unreadable. */
    private static double busySeconds() {
        try {
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) ticks += Long.parseLong(f[i]);
            return ticks * TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** This JVM's CPU time in seconds, or NaN. */
    private static double ownSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? Double.NaN : ns * 1e-9;
        }
        return Double.NaN;
    }
}
