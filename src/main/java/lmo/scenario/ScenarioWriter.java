package lmo.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a resolved {@link Scenario} as YAML: the tree binding resolved ({@link Node.Resolved}), each mapping's keys
 * in the order its binder allowed them (the documented order), only the keys the binder read, defaults included.
 * Scalars are written as they were read ({@code 1e-3} read as a number is {@code 0.001}). Sections are block
 * mappings; small mappings of scalars and lists of numbers are written in flow style ({@code {type: torus, dim: 1}},
 * {@code [0.5]}), when they fit in {@value #WIDTH} columns; strings are quoted unless plainly safe. A mapping with
 * nothing read is left out.
 */
final class ScenarioWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./-]*");
    /** Words YAML 1.1 would read as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
    private static final int WIDTH = 100;

    private ScenarioWriter() {}

    static String write(Scenario s) {
        StringBuilder out = new StringBuilder();
        block(out, plain(s.locations().tree()), 0);
        return out.toString();
    }

    /** A mapping's resolved keys, in order, with plain values: maps, lists, Strings, numbers, booleans. */
    private static Map<String, Object> plain(Node.MapNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : m.resolved().keys()) {
            Object v = plain(m.resolved().get(key));
            if (!(v instanceof Map<?, ?> child && child.isEmpty())) out.put(key, v);
        }
        return out;
    }

    private static Object plain(Node n) {
        if (n instanceof Node.MapNode m) return plain(m);
        if (n instanceof Node.SeqNode seq) {
            List<Object> items = new ArrayList<>();
            for (Node item : seq.items()) items.add(plain(item));
            return items;
        }
        Node.Scalar s = (Node.Scalar) n;
        return s.value() != null ? s.value() : s.text();
    }

    // ---- emitter ----

    private static void block(StringBuilder out, Map<?, ?> m, int indent) {
        String pad = " ".repeat(indent);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = pad + scalar(e.getKey()) + ":";
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child && !child.isEmpty()
                    && (indent == 0 || !flat(child) || key.length() + 1 + flow(child).length() > WIDTH)) {
                out.append(key).append('\n');
                block(out, child, indent + 2);
            } else if (v instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map) {
                out.append(key).append('\n');
                for (Object item : items) out.append(pad).append("  - ").append(flow(item)).append('\n');
            } else {
                out.append(key).append(' ').append(flow(v)).append('\n');
            }
        }
    }

    /** A mapping whose values are scalars or lists of scalars. */
    private static boolean flat(Map<?, ?> m) {
        return m.values().stream().noneMatch(v -> v instanceof Map
                || v instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Map || x instanceof List));
    }

    private static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(scalar(k) + ": " + flow(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(flow(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return scalar(v);
    }

    private static String scalar(Object v) {
        if (!(v instanceof String s)) return String.valueOf(v); // numbers (Double.toString round-trips), booleans
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) return s;
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': q.append("\\\""); break;
                case '\\': q.append("\\\\"); break;
                case '\n': q.append("\\n"); break;
                case '\t': q.append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
            }
        }
        return q.append('"').toString();
    }
}
