package lmo.rng;

/**
 * Counter-based random numbers: the value for a key (seed, population, id, step, stream, counter) is a pure hash of
 * the key, so any particle's noise can be drawn by whoever holds the particle, in any order, with the same result.
 *
 * <p>Hash: the key words are absorbed in the order seed, population, id, step, stream, counter by
 * {@code h <- mix(h ^ (w * G + C))}, starting from a fixed {@code h = IV}, where {@code mix} is Stafford's
 * "Mix13" 64-bit finalizer (the output function of SplitMix64), {@code G = 0x9E3779B97F4A7C15} (odd, so
 * {@code w -> w*G + C} is a bijection) and C a fixed constant. Every stage is a bijection of h for fixed w and of w
 * for fixed h, so two keys that differ in exactly one word always hash differently. The last stage, over the
 * counter, is SplitMix64 on a key-dependent state, which passes BigCrush; the five prefix stages are computed once
 * per call, so {@code n} values cost five mixes plus one per uniform (two per Gaussian pair).
 *
 * <ul>
 *   <li>Uniform for counter c: {@code (h >>> 11) * 2^-53}, in [0,1) on the 2^-53 grid.</li>
 *   <li>Gaussians: pair c (c = 0 .. ceil(n/2)-1) takes {@code u1} from {@code h = hash(key, c)} and {@code u2} from
 *   {@code mix(h + G)}; Box–Muller {@code r = sqrt(-2 log(1 - u1))}, outputs {@code r cos(2 pi u2)} then
 *   {@code r sin(2 pi u2)}, the sine dropped when n is odd. {@code 1 - u1} is in (0,1], so the log is finite and
 *   |z| <= sqrt(106 log 2) ~ 8.57.</li>
 * </ul>
 *
 * <p>Values are bitwise reproducible for one JDK build on one instruction set ({@code Math.log/sin/cos} are
 * intrinsics whose last bit may differ between JDK versions). A new use of randomness must take a new stream
 * constant, never reuse one: same key, same numbers.
 *
 * <p><b>Streams.</b> Every stream number of lmo is a {@code STREAM_*} constant below, and only here (a package may
 * alias one under a local name, never spell its number). The numbers, by range:
 * <ul>
 *   <li>0 .. 4, every run: initial positions, Langevin noise, (2 reserved), game payoffs, best-response starts;</li>
 *   <li>10 .. 12: the two-layer networks' data ({@code lmo.model.neural}) and, under the same numbers, the
 *       barycenter (10, 11) and the ResNet (12);</li>
 *   <li>30 .. 32: the MLP's weights, inputs and targets ({@code lmo.deep.mlp}) and, under the same numbers with other
 *       meanings, the deep linear network's inputs, teacher and label noise ({@code lmo.deep.linear}); 33 .. 36: the
 *       deep linear network only.</li>
 * </ul>
 * A shared number is safe only because its users belong to model families that never run together (a scenario has
 * one model), so their keys never meet in one run; each such constant says with whom it shares. A new use takes a
 * number nobody uses (next free: 5, 13, 37). Numbers from 100 up are left to user model families
 * (docs/extending.md): lmo never takes one.
 */
public final class CounterRng {
    /** Initial positions. */
    public static final int STREAM_INIT = 0;
    /** Langevin noise. */
    public static final int STREAM_LANGEVIN = 1;
    /** Reserved for generated target samples: no use today; never give 2 another meaning. */
    public static final int STREAM_TARGET = 2;
    /** Random coefficients of a game payoff ({@code payoff: {type: fourier, random: ...}}). */
    public static final int STREAM_PAYOFF = 3;
    /** Random start points of the best-response search of a game's Nikaido–Isoda error. */
    public static final int STREAM_BEST_RESPONSE = 4;
    /** Noise of the barycenter's noisy particle descent; shares 10 with the two-layer networks' inputs. */
    public static final int STREAM_BARYCENTER_NOISE = 10;
    /** Sampled barycenter inputs ({@code PointCloud.gaussianSample}); shares 11 with the two-layer label noise. */
    public static final int STREAM_BARYCENTER_INPUTS = 11;
    /**
     * The ResNet's data and frozen embeddings (keyed by row, so smaller models share leading rows); shares 12 with the
     * two-layer teacher.
     */
    public static final int STREAM_RESNET = 12;

    /** Generated inputs of a two-layer network ({@code neural.Datasets}); shares 10 with the barycenter's noise. */
    public static final int STREAM_NEURAL_INPUTS = 10;
    /** Label noise of a two-layer network's data; shares 11 with the barycenter's sampled inputs. */
    public static final int STREAM_NEURAL_LABEL_NOISE = 11;
    /** Input weights of a random teacher network ({@code lmo.model.neural.Teacher}); shares 12 with the ResNet. */
    public static final int STREAM_NEURAL_TEACHER = 12;

    /** The MLP's initial weights ({@code lmo.deep.mlp.Mlp}, key: block k); shares 30 with the deep linear inputs. */
    public static final int STREAM_MLP_WEIGHTS = 30;
    /** The MLP's Gaussian inputs ({@code mlp.Batch}, key: sample i); shares 31 with the deep linear teacher. */
    public static final int STREAM_MLP_INPUTS = 31;
    /** The MLP's Gaussian targets ({@code lmo.deep.mlp.Batch}); shares 32 with the deep linear label noise. */
    public static final int STREAM_MLP_TARGETS = 32;

    /** Deep linear regression's inputs X ({@code linear.Regression}, key: row i); shares 30 with the MLP. */
    public static final int STREAM_DEEP_LINEAR_INPUTS = 30;
    /** Deep linear regression's teacher w_true; shares 31 with the MLP's inputs. */
    public static final int STREAM_DEEP_LINEAR_TEACHER = 31;
    /** Deep linear regression's label noise (key: row i); shares 32 with the MLP's targets. */
    public static final int STREAM_DEEP_LINEAR_NOISE = 32;
    /** The deep linear network's initial layers ({@code DeepLinearNetwork}, key: layer k). */
    public static final int STREAM_DEEP_LINEAR_LAYERS = 33;
    /** The residual deep linear network's random read-out. */
    public static final int STREAM_DEEP_LINEAR_READOUT = 34;
    /** The start vector of the deep linear sharpness (Lanczos / power iteration, {@code Sharpness}). */
    public static final int STREAM_DEEP_LINEAR_START = 35;
    /** Random reparametrisations of deep linear minimisers ({@code Minimisers}, key: layer k). */
    public static final int STREAM_DEEP_LINEAR_REPARAMETRISATION = 36;
    /** Transient stragglers of {@code engine.straggler} (key: population -1, id = shard, step). */
    public static final int STREAM_STRAGGLER = 50;

    private static final long IV = 0x6A09E667F3BCC908L;  // frac(sqrt 2), as in SHA-512
    private static final long G = 0x9E3779B97F4A7C15L;   // 2^64 / golden ratio
    private static final long C = 0x632BE59BD9B4E019L;
    private static final double TWO_PI = 2 * Math.PI;

    private CounterRng() {}

    /** Stafford Mix13, a bijection of 64-bit words with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long absorb(long h, long w) {
        return mix(h ^ (w * G + C));
    }

    private static long prefix(long seed, int population, long id, long step, int stream) {
        return absorb(absorb(absorb(absorb(absorb(IV, seed), population), id), step), stream);
    }

    /** The 64-bit hash of the full key; {@link #uniforms} uses it for counter c. */
    public static long hash(long seed, int population, long id, long step, int stream, long counter) {
        return absorb(prefix(seed, population, id, step, stream), counter);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Fills {@code out[off .. off+n)} with standard Gaussians for the key. */
    public static void gaussians(long seed, int population, long id, long step, int stream, double[] out, int off, int n) {
        long p = prefix(seed, population, id, step, stream);
        int end = off + n;
        long c = 0;
        for (int i = off; i < end; i += 2, c++) {
            long h = absorb(p, c);
            double r = Math.sqrt(-2.0 * Math.log(1.0 - unit(h)));
            double theta = TWO_PI * unit(mix(h + G));
            out[i] = r * Math.cos(theta);
            if (i + 1 < end) out[i + 1] = r * Math.sin(theta);
        }
    }

    /** Fills {@code out[off .. off+n)} with uniforms in [0,1) for the key. */
    public static void uniforms(long seed, int population, long id, long step, int stream, double[] out, int off, int n) {
        long p = prefix(seed, population, id, step, stream);
        for (int i = 0; i < n; i++) out[off + i] = unit(absorb(p, i));
    }
}
