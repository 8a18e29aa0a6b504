package lmo.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a scenario document, with where it came from: a mapping, a sequence or a scalar. Scalars keep their
 * source text; the binder decides what type it must be. Mappings are mutable only so that overrides can be applied
 * in place before binding.
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

    /** A mapping; keys in document order, each with the location of the key itself. */
    record MapNode(Origin origin, Map<String, Entry> entries) implements Node {
        public MapNode(Origin origin) { this(origin, new LinkedHashMap<>()); }

        public record Entry(Origin keyOrigin, Node value) {}

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    record SeqNode(Origin origin, List<Node> items) implements Node {}

    /** A scalar; {@code text} is null for an explicit null (a key with no value, {@code ~}, {@code null}). */
    record Scalar(Origin origin, String text) implements Node {
        public boolean isNull() { return text == null; }
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
