package lmo.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The representable range of the sizes a scenario gives (counts, dimensions, widths, sample counts): the engine and
 * the models keep each kind of data in one flat Java {@code double[]}, which holds at most {@link #MAX_ARRAY}
 * elements. A size too large for its array is an error at the key that made it so, saying the real bound given the
 * other sizes: {@code populations.p.count: must be between 1 and 1073741819, got 2147483647 (...)}. Whether the
 * arrays also fit in the heap is another check (made when the run starts).
 */
public final class Limits {
    /** The most elements of a Java array: {@code Integer.MAX_VALUE - 8} (JVMs keep a few header words). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private Limits() {}

    /**
     * One size in a bound: its value and, when it was written in the scenario, where ({@code map}, {@code key}); a
     * size with no key (a default, a value fixed by another section) is never named.
     */
    public record Size(MapReader map, String key, long value, long min) {
        public boolean named() { return map != null && map.has(key); }
    }

    /** A size read from {@code key} of {@code map} (or its default, when absent). */
    public static Size of(MapReader map, String key, long value, long min) { return new Size(map, key, value, min); }

    /** A size that is not a key here (another section's value, a default). */
    public static Size fixed(long value) { return new Size(null, null, value, value); }

    /**
     * Checks {@code total(sizes) <= cap}. When it fails, names the largest written size that alone can be lowered
     * to fit, with the largest value that fits given the others: "must be between MIN and BOUND, got V (WHY)". When
     * no single size can, names the largest written one with the total.
     *
     * @param why what the total counts and what must hold it, e.g. {@code count x (dim + 1) doubles (positions and
     *     masses) must fit one Java array of at most 2147483639 elements}
     * @param total the number of elements the sizes make, monotone in each size (computed in double: no overflow)
     */
    public static void check(String why, long cap, ToDoubleFunction<long[]> total, Size... sizes) throws ScenarioException {
        long[] v = new long[sizes.length];
        for (int i = 0; i < v.length; i++) v[i] = sizes[i].value();
        if (total.applyAsDouble(v) <= cap) return;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) if (sizes[i].named()) order.add(i);
        if (order.isEmpty()) throw new IllegalStateException("no written size makes " + why);
        order.sort(Comparator.comparingLong((Integer i) -> sizes[i].value()).reversed());
        for (int i : order) {
            long bound = largestFitting(sizes, v, i, total, cap);
            if (bound >= sizes[i].min()) throw outOfRange(sizes[i], bound, why);
        }
        Size s = sizes[order.get(0)];
        double t = total.applyAsDouble(v);
        throw s.map().error(s.key(), "too large with the other sizes: they make " + (t < 9e18 ? Long.toString((long) t)
                : String.format(java.util.Locale.ROOT, "%.3e", t)) + " elements, more than " + cap + " (" + why + ")");
    }

    /** The largest value of size i in [min, value] that makes the total fit, or min - 1 if none does. */
    private static long largestFitting(Size[] sizes, long[] v, int i, ToDoubleFunction<long[]> total, long cap) {
        long[] w = v.clone();
        long lo = sizes[i].min(), hi = sizes[i].value();
        w[i] = lo;
        if (total.applyAsDouble(w) > cap) return lo - 1;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            w[i] = mid;
            if (total.applyAsDouble(w) <= cap) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static ScenarioException outOfRange(Size s, long bound, String why) throws ScenarioException {
        Node n = s.map().require(s.key());
        String text = n instanceof Node.Scalar sc && !sc.isNull() ? sc.text().strip() : Node.describe(n);
        return s.map().error(s.key(), "must be between " + s.min() + " and " + bound + ", got " + Node.shown(text)
                + " (" + why + ")");
    }

    /** {@code why} for sizes whose product must fit one array: "WHAT must fit one Java array of at most N elements". */
    public static String oneArray(String what) {
        return what + " must fit one Java array of at most " + MAX_ARRAY + " elements";
    }
}
