package lmo.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a scenario document, with where it came from: a mapping, a sequence or a scalar. Scalars keep their
 * source text; the binder decides what type it must be. Mappings are mutable so that overrides can be applied in
 * place before binding, and so that binding can record what it {@linkplain Resolved resolved} in each mapping: the
 * tree is then the resolved scenario, which {@link ScenarioWriter} writes.
 */
public sealed interface Node permits Node.MapNode, Node.SeqNode, Node.Scalar {

    Origin origin();

    /** Where a node was written: line and column (1-based) in a file, or a {@code --set} override. */
    record Origin(String file, int line, int col, boolean override) {
        public static Origin ofOverride() { return new Origin("--set", 0, 0, true); }

        /** The prefix of an error about {@code path} located here, up to the message. */
        public String at(String path) {
            if (path.length() > 2 * SHOWN) path = path.substring(0, 2 * SHOWN) + "...(" + path.length() + " characters)";
            String where = override ? "--set" : file + ":" + line + ":" + col + ":";
            if (path.isEmpty()) return override ? where + ":" : where;
            return where + " " + path + ":";
        }

        public ScenarioException error(String path, String message) {
            return new ScenarioException(at(path) + " " + message);
        }
    }

    /**
     * A mapping; keys in document order, each with the location of the key itself, and what binding resolved in it
     * (empty until bound).
     */
    record MapNode(Origin origin, Map<String, Entry> entries, Resolved resolved) implements Node {
        public MapNode(Origin origin) { this(origin, new LinkedHashMap<>()); }

        MapNode(Origin origin, Map<String, Entry> entries) { this(origin, entries, new Resolved()); }

        public record Entry(Origin keyOrigin, Node value) {}

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        /**
         * A copy of this mapping with {@code value} resolved at {@code path} (dotted keys below this mapping); the
         * mappings on the way are copied, the rest is shared. A missing mapping on the way is created.
         */
        MapNode withResolved(String path, Object value) {
            MapNode copy = new MapNode(origin, entries, resolved.copy());
            int dot = path.indexOf('.');
            if (dot < 0) {
                copy.resolved.put(path, Resolved.node(origin, value));
                return copy;
            }
            String key = path.substring(0, dot);
            MapNode child = copy.resolved.get(key) instanceof MapNode m ? m : new MapNode(origin);
            copy.resolved.put(key, child.withResolved(path.substring(dot + 1), value));
            return copy;
        }
    }

    /**
     * What binding read from one mapping: the node of each key it read, as written or overridden, or made for a
     * value the binder resolved itself (a default, a derived value); and the order of the keys it allowed, the order
     * they are written in. A key that was never read is not part of the resolved scenario.
     */
    final class Resolved {
        private final Map<String, Node> values;
        private List<String> order;

        Resolved() { this(new LinkedHashMap<>(), List.of()); }

        private Resolved(Map<String, Node> values, List<String> order) {
            this.values = values;
            this.order = order;
        }

        Resolved copy() { return new Resolved(new LinkedHashMap<>(values), order); }

        /** The order of the keys allowed here (the binder's, e.g. its documented order); the last call wins. */
        void order(Collection<String> keys) { order = List.copyOf(keys); }

        void put(String key, Node value) { values.put(key, value); }

        /** Forgets a key read, e.g. a default the binder then found does not apply. */
        void remove(String key) { values.remove(key); }

        public Node get(String key) { return values.get(key); }

        /** The keys read: first those allowed, in their order, then any others in the order read. */
        List<String> keys() {
            List<String> out = new ArrayList<>();
            for (String k : order) if (values.containsKey(k)) out.add(k);
            for (String k : values.keySet()) if (!out.contains(k)) out.add(k);
            return out;
        }

        /**
         * The node of a value a binder resolved, located at {@code at}: a list of numbers for a {@code double[]},
         * else a scalar of the value (a String, a number, a boolean).
         */
        static Node node(Origin at, Object value) {
            if (value instanceof double[] a) {
                List<Node> items = new ArrayList<>();
                for (double v : a) items.add(Scalar.of(at, v));
                return new SeqNode(at, items);
            }
            return Scalar.of(at, value);
        }
    }

    record SeqNode(Origin origin, List<Node> items) implements Node {}

    /**
     * A scalar; {@code text} is null for an explicit null (a key with no value, {@code ~}, {@code null}). Its
     * {@code value} is what the binder read it as (a String, a number or a Boolean), null until then; it is
     * how the resolved scenario writes the scalar ({@code 1e-3} read as a number is written {@code 0.001}).
     */
    final class Scalar implements Node {
        private final Origin origin;
        private final String text;
        private Object value;

        Scalar(Origin origin, String text) {
            this.origin = origin;
            this.text = text;
        }

        /** A scalar of a value a binder resolved, already read as {@code value}. */
        static Scalar of(Origin origin, Object value) {
            Scalar s = new Scalar(origin, String.valueOf(value));
            s.value = value;
            return s;
        }

        @Override public Origin origin() { return origin; }

        String text() { return text; }

        public boolean isNull() { return text == null; }

        /** What the binder read this scalar as, or null when it has not read it. */
        Object value() { return value; }

        /** Records what the binder read this scalar as. */
        void read(Object v) { value = v; }

        @Override public String toString() { return "Scalar[" + origin + ", " + text + "]"; }
    }

    /** {@code parent.key}, or {@code key} at the top level. */
    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** How a node is named in "expected X, got Y" messages: its text quoted and {@linkplain #shown shown}. */
    static String describe(Node n) {
        if (n instanceof MapNode) return "a mapping";
        if (n instanceof SeqNode) return "a list";
        Scalar s = (Scalar) n;
        return s.isNull() ? "nothing" : "'" + shown(s.text()) + "'";
    }

    /** The longest text of a value an error message repeats; the rest is cut and its length given. */
    int SHOWN = 80;

    /**
     * A value as an error message shows it: control characters escaped ({@code \n}, {@code \\u0000}), so the message
     * stays on one line, and text over {@value #SHOWN} characters cut, with its length, e.g.
     * {@code 100000...(900001 characters)}.
     */
    static String shown(String text) {
        String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "...(" + text.length() + " characters)" : text;
        return ScenarioException.escape(cut);
    }
}
