package lmo.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lmo.scenario.Node.MapNode;
import lmo.scenario.Node.Scalar;
import lmo.scenario.Node.SeqNode;

/**
 * Typed, range-checked access to the keys of one mapping. Every error names the key path and points at the
 * offending value (or at the key, for unknown keys; or at the mapping, for missing keys). A key whose value is an
 * explicit null ({@code key:} with nothing after it) counts as absent for optional keys.
 *
 * <p>Reading records, in the mapping's {@link Node.Resolved}, every key read with its node (each scalar marked with
 * what it was read as), every default an {@code opt} method or {@link #choice} returns (a NaN default means "no
 * value" and is not recorded), and the key order given to {@link #allow}; {@link #resolve} records a value the binder
 * derives itself. {@link #has} records nothing. The recorded tree is the resolved scenario ({@link ScenarioWriter}).
 */
public final class MapReader {

    /** A range check: null when {@code v} is acceptable, else the complaint, e.g. {@code "must be > 0"}. */
    public interface Check {
        String violation(double v);

        Check ANY = v -> null;

        static Check greaterThan(double min) { return v -> v > min ? null : "must be > " + num(min); }

        static Check atLeast(double min) { return v -> v >= min ? null : "must be >= " + num(min); }
        static Check between(double min, double max) {
            return v -> v >= min && v <= max ? null : "must be in " + num(min) + ".." + num(max);
        }
    }

    public final MapNode node;
    public final String path;

    private MapReader(MapNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The mapping at {@code path}; an explicit null reads as an empty mapping. */
    public static MapReader of(Node n, String path) throws ScenarioException {
        if (n instanceof MapNode m) return new MapReader(m, path);
        if (n instanceof Scalar s && s.isNull()) return new MapReader(new MapNode(n.origin()), path);
        throw n.origin().error(path, "expected a mapping, got " + Node.describe(n));
    }

    public String path(String key) { return Node.join(path, key); }

    /** Fails on the first key (in document order) that is not one of {@code allowed}; their order is the written one. */
    public void allow(Collection<String> allowed) throws ScenarioException {
        node.resolved().order(allowed);
        for (Map.Entry<String, MapNode.Entry> e : node.entries().entrySet()) {
            if (allowed.contains(e.getKey())) continue;
            String hint = closest(e.getKey(), allowed);
            throw e.getValue().keyOrigin().error(path(e.getKey()), "unknown key; expected one of: "
                    + String.join(", ", allowed) + (hint == null ? "" : "; did you mean '" + hint + "'?"));
        }
    }

    /** Present with a non-null value. */
    public boolean has(String key) {
        Node n = node.get(key);
        return n != null && !(n instanceof Scalar s && s.isNull());
    }

    /** The value of a required key, recorded as read; missing keys are reported at this mapping. */
    public Node require(String key) throws ScenarioException {
        Node n = node.get(key);
        if (n == null) throw node.origin().error(path, "missing required key '" + key + "'");
        node.resolved().put(key, n);
        return n;
    }

    /**
     * Records {@code value} as what {@code key} resolved to, when the binder derives it itself (an {@code auto}
     * resolved, a default computed outside this reader); a {@code double[]} is recorded as a list.
     */
    public <T> T resolve(String key, T value) {
        node.resolved().put(key, Node.Resolved.node(node.origin(), value));
        return value;
    }

    /**
     * Records a mapping of {@code keysAndValues} (key, value, key, value, ...) under {@code key} and reads it: a
     * section the binder implies (e.g. the dynamics a model fixes), bound like one written.
     */
    public MapReader resolveMap(String key, Object... keysAndValues) {
        MapNode m = new MapNode(node.origin());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Scalar v = new Scalar(node.origin(), String.valueOf(keysAndValues[i + 1]));
            m.entries().put((String) keysAndValues[i], new MapNode.Entry(node.origin(), v));
        }
        node.resolved().put(key, m);
        return new MapReader(m, path(key));
    }

    /** Forgets keys read whose values the binder found do not apply (defaults of keys another choice excludes). */
    public void forget(String... keys) {
        for (String k : keys) node.resolved().remove(k);
    }

    /** Records a default: the value of an absent key. */
    private <T> T byDefault(String key, T value) {
        return value instanceof Double d && d.isNaN() ? value : resolve(key, value);
    }

    public ScenarioException error(String key, String message) {
        return node.get(key).origin().error(path(key), message);
    }

    public ScenarioException keyError(String key, String message) {
        return node.entries().get(key).keyOrigin().error(path(key), message);
    }

    // ---- scalars ----

    public String requireString(String key) throws ScenarioException { return string(require(key), path(key)); }

    public String optString(String key, String def) throws ScenarioException {
        return has(key) ? requireString(key) : def == null ? null : byDefault(key, def);
    }

    /** One of {@code choices}; required when {@code def} is null. */
    public String choice(String key, String def, Collection<String> choices) throws ScenarioException {
        if (def != null && !has(key)) return byDefault(key, def);
        String s = requireString(key);
        if (!choices.contains(s)) {
            throw error(key, "expected one of: " + String.join(", ", choices) + ", got " + Node.describe(require(key)));
        }
        return s;
    }

    public double requireDouble(String key, Check check) throws ScenarioException {
        return number(require(key), path(key), check);
    }

    public double optDouble(String key, double def, Check check) throws ScenarioException {
        return has(key) ? requireDouble(key, check) : byDefault(key, def);
    }

    public int requireInt(String key, Check check) throws ScenarioException {
        return (int) integer(require(key), path(key), check, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public int optInt(String key, int def, Check check) throws ScenarioException {
        return has(key) ? requireInt(key, check) : byDefault(key, def);
    }

    public long optLong(String key, long def) throws ScenarioException {
        return has(key) ? integer(require(key), path(key), Check.ANY, Long.MIN_VALUE, Long.MAX_VALUE) : byDefault(key, def);
    }

    /**
     * A size: an integer >= {@code min}, read as a long and saturated at {@link Long#MAX_VALUE} (so {@code 1e30}
     * reads); its upper bound depends on other sizes and is checked by {@link Limits#check}.
     */
    public long requireSize(String key, long min) throws ScenarioException {
        Node n = require(key);
        BigDecimal d = whole(n, path(key));
        if (d.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw n.origin().error(path(key), "must be >= " + min + ", got " + Node.shown(scalarText(n)));
        }
        long size = d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : d.longValueExact();
        ((Scalar) n).read(size);
        return size;
    }

    /** {@link #requireSize}, or {@code def} when absent. */
    public long optSize(String key, long def, long min) throws ScenarioException {
        return has(key) ? requireSize(key, min) : byDefault(key, def);
    }

    public boolean optBoolean(String key, boolean def) throws ScenarioException {
        if (!has(key)) return byDefault(key, def);
        String s = string(require(key), path(key)).toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            ((Scalar) node.get(key)).read(s.equals("true"));
            return s.equals("true");
        }
        throw error(key, "expected true or false, got " + Node.describe(node.get(key)));
    }

    // ---- compound values ----

    /** The mapping under {@code key}; an explicit null reads as an empty mapping, the same one each time. */
    public MapReader requireMap(String key) throws ScenarioException {
        Node n = require(key);
        return recorded(key, of(n, path(key)).node == n ? n : null);
    }

    /** The mapping under {@code key}, or an empty one (located at this mapping, the same one each time) when absent. */
    public MapReader optMap(String key) throws ScenarioException {
        return has(key) ? requireMap(key) : recorded(key, null);
    }

    /** A reader of {@code n}, or of the mapping recorded under {@code key} before, or of a new empty one; recorded. */
    private MapReader recorded(String key, Node n) throws ScenarioException {
        Node before = node.resolved().get(key);
        MapNode m = n != null ? (MapNode) n : before instanceof MapNode b ? b : new MapNode(node.origin());
        node.resolved().put(key, m);
        return new MapReader(m, path(key));
    }

    public List<Node> requireList(String key) throws ScenarioException {
        Node n = require(key);
        if (n instanceof SeqNode s) return s.items();
        throw n.origin().error(path(key), "expected a list, got " + Node.describe(n));
    }

    /** A list of exactly {@code length} numbers (one per coordinate when length is the space's dim). */
    public double[] doubles(String key, int length, Check check) throws ScenarioException {
        List<Node> items = requireList(key);
        if (items.size() != length) throw error(key, "expected " + count(length, "number") + ", got " + items.size());
        double[] out = new double[length];
        for (int i = 0; i < length; i++) out[i] = number(items.get(i), path(key) + "[" + i + "]", check);
        return out;
    }

    /** Like {@link #doubles}, or a single number repeated {@code length} times. */
    public double[] doublesOrNumber(String key, int length, Check check) throws ScenarioException {
        if (require(key) instanceof Scalar) {
            double[] out = new double[length];
            java.util.Arrays.fill(out, requireDouble(key, check));
            return resolve(key, out);
        }
        return doubles(key, length, check);
    }

    public int[] ints(String key, int length) throws ScenarioException {
        List<Node> items = requireList(key);
        if (items.size() != length) throw error(key, "expected " + count(length, "integer") + ", got " + items.size());
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = (int) integer(items.get(i), path(key) + "[" + i + "]", Check.ANY, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return out;
    }

    // ---- scalar conversions ----

    public static String string(Node n, String path) throws ScenarioException {
        if (n instanceof Scalar s && !s.isNull()) {
            s.read(s.text());
            return s.text();
        }
        throw n.origin().error(path, "expected a string, got " + Node.describe(n));
    }

    /** A list node of exactly {@code length} numbers. */
    public static double[] numbers(Node n, String path, int length) throws ScenarioException {
        if (!(n instanceof SeqNode s)) throw n.origin().error(path, "expected a list of " + length + " numbers, got " + Node.describe(n));
        if (s.items().size() != length) throw n.origin().error(path, "expected " + length + " numbers, got " + s.items().size());
        double[] out = new double[length];
        for (int i = 0; i < length; i++) out[i] = number(s.items().get(i), path + "[" + i + "]", Check.ANY);
        return out;
    }

    /**
     * The longest number text read, in characters: enough for any double written out in full (17 significant digits,
     * an exponent) with room to spare, and it keeps the parse of a number cheap (a BigDecimal of a million digits
     * takes minutes).
     */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** Any scalar that parses as a finite Java double, e.g. {@code 0.5}, {@code 1e-3}, {@code -2}. */
    public static double number(Node n, String path, Check check) throws ScenarioException {
        double v;
        try {
            v = Double.parseDouble(numberText(n, path, "a number"));
        } catch (NumberFormatException e) {
            throw n.origin().error(path, "expected a number, got " + Node.describe(n));
        }
        if (!Double.isFinite(v)) throw n.origin().error(path, "expected a finite number, got " + Node.describe(n));
        ((Scalar) n).read(checked(n, path, v, check));
        return v;
    }

    /**
     * An integral number, written {@code 1000}, {@code 1e3} or {@code 1000.0}; {@code 2.5} is rejected. A value
     * outside [min, max] (the type's range) fails {@code check} first when it does (so {@code -5} for a count says
     * "must be >= 1"), else it is told the type's bound on that side ("must be at most 2147483647").
     */
    public static long integer(Node n, String path, Check check, long min, long max) throws ScenarioException {
        BigDecimal d = whole(n, path);
        boolean below = d.compareTo(BigDecimal.valueOf(min)) < 0, above = d.compareTo(BigDecimal.valueOf(max)) > 0;
        if (below || above) {
            checked(n, path, d.doubleValue(), check);
            throw n.origin().error(path, (above ? "must be at most " + max : "must be at least " + min) + ", got "
                    + Node.shown(scalarText(n)));
        }
        checked(n, path, d.doubleValue(), check);
        ((Scalar) n).read(d.longValue());
        return d.longValue();
    }

    /** An integral number of any size, exactly. */
    private static BigDecimal whole(Node n, String path) throws ScenarioException {
        BigDecimal d;
        try {
            d = new BigDecimal(numberText(n, path, "an integer"));
        } catch (NumberFormatException e) {
            throw n.origin().error(path, "expected an integer, got " + Node.describe(n));
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw n.origin().error(path, "expected an integer, got " + Node.describe(n));
        }
        return d;
    }

    private static String scalarText(Node n) {
        if (n instanceof Scalar s && !s.isNull()) return s.text().strip();
        return "not a scalar";
    }

    /** The text of a number, refused when longer than {@link #MAX_NUMBER_LENGTH} characters. */
    private static String numberText(Node n, String path, String what) throws ScenarioException {
        String text = scalarText(n);
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw n.origin().error(path, "expected " + what + " of at most " + MAX_NUMBER_LENGTH + " characters, got "
                    + Node.describe(n));
        }
        return text;
    }

    private static double checked(Node n, String path, double v, Check check) throws ScenarioException {
        String complaint = check.violation(v);
        if (complaint != null) throw n.origin().error(path, complaint + ", got " + Node.shown(scalarText(n)));
        return v;
    }

    /** {@code 1.0 -> "1"}, {@code 0.5 -> "0.5"}. */
    public static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public static String count(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    /** The allowed key closest to a misspelt one (same up to case, or one or two edits in a longer key), or null. */
    public static String closest(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = editDistance(a.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT));
            boolean close = d == 0 || (d <= 2 && d <= key.length() - 2);
            if (close && d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The names of the keys present, in document order (e.g. population names). */
    public List<String> keys() { return new ArrayList<>(node.entries().keySet()); }
}
