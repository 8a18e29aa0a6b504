package lmo.numeric;

import java.util.Locale;

/**
 * The registers the Gaussian pair sums and the Sinkhorn exponentials run on: 256-bit (one point per vector, four
 * exponentials per instruction) or 512-bit (two points per vector, each in four lanes of its own; eight elementwise
 * exponentials). The arithmetic is the 4-lane arithmetic either way, so the width changes the speed only, never a
 * bit: it is chosen per JVM, not per scenario, and machines of a cluster may differ.
 *
 * <p>{@code -Dlmo.vectorBits=auto} (the default), {@code 256} or {@code 512}. {@code auto} is 512 when the CPU has
 * 512-bit vectors (AVX-512) and either the JDK is 25 or newer or the JVM runs one scenario ({@link #oneScenario}:
 * {@code lmo run}, {@code resume}, {@code replay}, {@code bench} of one workload), else 256. On JDK 17 a JVM that
 * runs vector loops of both widths shares the type profiles of the Vector API's methods between the two shapes, and
 * C2 then boxes the vectors of any loop whose exact class it has lost. One model's kernels are written so that they
 * do not lose it (the Sinkhorn stores, {@link VectorExp#store}; W4's two-point tiles): with 512 on JDK 17 the
 * Sinkhorn rows and columns run 1.35x and 1.4x the pairs per second of 256 (n = m = 4000, one thread), W4 alone
 * 24-31 ms a step instead of 34-45, the same bits; the ReLU network loops (W3) have a 512-bit twin too. The 256-bit
 * network loops still box when 512-bit loops ran before them in the same JVM (W3 3x slower in one
 * {@code bin/lmo bench} JVM of all three workloads), so
 * a JVM that may run several kinds of model (the test suite, {@code lmo node}, a sweep, a bench of several
 * workloads) keeps 256 on JDK 17. Without the {@code jdk.incubator.vector} module the scalar twins run and the
 * width is 0.
 */
public final class VectorWidth {
    /** The system property that sets the width. */
    public static final String PROPERTY = "lmo.vectorBits";

    /** Set by {@link #oneScenario} before the width is resolved. */
    private static volatile boolean oneScenario;

    private VectorWidth() {}

    /**
     * Declares that this JVM runs one scenario's model only, so that {@code auto} may choose 512 bits on JDK 17 as
     * well (the class comment says why not otherwise). Call before anything reads the width (the process's entry
     * point does, for {@code lmo run}, {@code resume}, {@code replay} and a bench of one workload); later calls
     * change nothing.
     */
    public static void oneScenario() {
        oneScenario = true;
    }

    /** 512, 256, or 0 without the Vector API module; fails on a bad {@link #PROPERTY}. */
    public static int bits() {
        return Holder.BITS;
    }

    /** Why {@link #PROPERTY} is not a width, or null. */
    public static String problem() {
        try {
            bits();
            return null;
        } catch (ExceptionInInitializerError e) {
            return e.getCause().getMessage();
        } catch (NoClassDefFoundError e) {
            return "-D" + PROPERTY + ": " + System.getProperty(PROPERTY) + " is not a width (auto, 256 or 512)";
        }
    }

    /**
     * The width for a property value (null: auto), on a machine whose widest double vector has {@code hardwareBits}
     * (0: no Vector API module) and a JDK of the given feature release.
     */
    static int resolve(String value, int hardwareBits, int jdk) {
        return resolve(value, hardwareBits, jdk, false);
    }

    /** {@link #resolve(String, int, int)} in a JVM that runs one scenario ({@link #oneScenario}) or not. */
    static int resolve(String value, int hardwareBits, int jdk, boolean oneScenario) {
        String v = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("auto") && !v.equals("256") && !v.equals("512")) {
            throw new IllegalArgumentException("-D" + PROPERTY + ": '" + value + "' is not a width (auto, 256 or 512)");
        }
        if (hardwareBits == 0) return 0;
        if (v.equals("auto")) return hardwareBits >= 512 && (jdk >= 25 || oneScenario) ? 512 : 256;
        if (v.equals("512") && hardwareBits < 512) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=512: this CPU's widest vector of doubles has "
                    + hardwareBits + " bits (the results are the same with 256)");
        }
        return Integer.parseInt(v);
    }

    private static final class Holder {
        static final int BITS = resolve(System.getProperty(PROPERTY), hardwareBits(), Runtime.version().feature(),
                oneScenario);

        private static int hardwareBits() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return 0;
            return Preferred.bits();
        }
    }

    /** Loaded only when the module is present. */
    private static final class Preferred {
        static int bits() {
            return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
        }
    }
}
