package lmo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The machine a bench ran on, for the line above its table: the time, the CPU model, its cores, Java, the load. */
public final class Machine {
    private Machine() {}

    /** The CPU's model name ({@code /proc/cpuinfo}, as {@code lscpu} prints it), or {@code os.arch} where unknown. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** The system load average of the last minute, or NaN where the system does not give it. */
    public static double loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? Double.NaN : l;
    }

    /**
     * The line above the table: {@code lmo bench, 2026-12-07 15:40 UTC: AMD EPYC, 2 cores, Java 17.0.15, 512-bit
     * vectors; medians of 3 runs; load average 1.20 at the start, 2.10 at the end} (the end is now; the width is
     * {@link lmo.numeric.VectorWidth#bits}, "no vector module" when it is 0).
     */
    public static String headline(int repeats, double loadAtStart) {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        int bits = lmo.numeric.VectorWidth.bits();
        return String.format(Locale.ROOT, "lmo bench, %s: %s, %d cores, Java %s, %s; medians of %d run%s; load average"
                + " %.2f at the start, %.2f at the end", now, cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), bits == 0 ? "no vector module" : bits + "-bit vectors", repeats,
                repeats == 1 ? "" : "s", loadAtStart, loadAverage());
    }
}
