package lmo.bench;

/**
 * The standard Gaussians of the shared benchmarks' recipe (bench/README.md, "Data recipes"): SplitMix64 outputs turned
 * into uniforms, and consecutive pairs of uniforms into two Gaussians by Box–Muller.
 *
 * <p>Output k = 1, 2, ... of seed s: {@code z = s + k * 0x9E3779B97F4A7C15 (mod 2^64)},
 * {@code z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9}, {@code z = (z ^ (z >>> 27)) * 0x94D049BB133111EB},
 * {@code z ^ (z >>> 31)}; uniform {@code u_k = (z >>> 11) * 2^-53} in [0, 1). Gaussians j = 2i and 2i + 1 (0-based) come
 * from {@code (u_{2i+1}, u_{2i+2})}: {@code r = sqrt(-2 ln(1 - u_{2i+1}))}, {@code r cos(2 pi u_{2i+2})}, then
 * {@code r sin(2 pi u_{2i+2})}. The sequence is prefix-stable: the first n of a longer draw are the n-draw.
 * {@code log}, {@code cos} and {@code sin} are {@link StrictMath}'s, which may differ from another libm's by one ulp.
 */
public final class SplitMix64 {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SplitMix64() {}

    /** Output k (k >= 1) of the generator started at state {@code seed}. */
    public static long output(long seed, long k) {
        long z = seed + k * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform k (k >= 1) in [0, 1): the top 53 bits of output k times 2^-53. */
    public static double uniform(long seed, long k) {
        return (output(seed, k) >>> 11) * 0x1.0p-53;
    }

    /** The first {@code count} Gaussians of {@code seed}. */
    public static double[] gaussians(long seed, int count) {
        if (count < 0) throw new IllegalArgumentException("gaussians: count must be >= 0, got " + count);
        double[] g = new double[count];
        for (int j = 0; j < count; j += 2) {
            long k = j + 1L;
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - uniform(seed, k)));
            double theta = 2.0 * Math.PI * uniform(seed, k + 1);
            g[j] = r * StrictMath.cos(theta);
            if (j + 1 < count) g[j + 1] = r * StrictMath.sin(theta);
        }
        return g;
    }
}
