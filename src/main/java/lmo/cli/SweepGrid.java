package lmo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of a sweep: the cartesian product of the {@code --param key.path=VALUES} options, the first parameter
 * varying slowest. VALUES is a YAML flow sequence ({@code [[0.3], [0.5]]}: each item is one value, written back as
 * YAML for {@code --set}) when it starts with {@code [}, else comma-separated scalars ({@code 0.01,0.02,0.04}).
 */
final class SweepGrid {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SweepGrid() {}

    /**
     * One value of a parameter.
     *
     * @param yaml the text given to {@code --set}
     * @param label how sweep.csv and the directory names show it
     */
    record Value(String yaml, String label) {}

    record Param(String path, List<Value> values) {}

    /** One point: a value for every parameter. */
    record Point(int index, List<String> paths, List<Value> values) {
        /** The {@code --set} overrides of this point. */
        List<String> overrides() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) out.add(paths.get(i) + "=" + values.get(i).yaml());
            return out;
        }

        /** The overrides of the parameters not in {@code except} (the point's group for a reference run). */
        List<String> overridesExcept(java.util.Collection<String> except) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                if (!except.contains(paths.get(i))) out.add(paths.get(i) + "=" + values.get(i).yaml());
            }
            return out;
        }

        /** E.g. {@code dynamics.stepSize=0.01, init.mean=[0.3]}. */
        String describe() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) out.add(paths.get(i) + "=" + values.get(i).label());
            return String.join(", ", out);
        }

        /**
         * The run directory's name: the index, then the last key of each path and its value, e.g.
         * {@code 0-stepSize=0.01}; a safe file name whatever the values: it starts with a digit, every character
         * but ASCII letters, digits and {@code ._=+-} becomes {@code _} (so no separator, NUL or {@code ..} path
         * survives), and it is cut to {@value lmo.scenario.Names#MAX_LENGTH} characters.
         */
        String dirName(int points) {
            StringBuilder s = new StringBuilder(String.format("%0" + Integer.toString(Math.max(1, points - 1)).length() + "d", index));
            for (int i = 0; i < paths.size(); i++) {
                String key = paths.get(i).substring(paths.get(i).lastIndexOf('.') + 1);
                String value = values.get(i).label().replaceAll("[\\[\\]{}\"' ]", "").replace(',', '_');
                s.append(i == 0 ? "-" : "_").append(key).append('=').append(value);
            }
            String name = s.toString().replaceAll("[^A-Za-z0-9._=+-]", "_");
            int most = lmo.scenario.Names.MAX_LENGTH;
            return name.length() > most ? name.substring(0, most) : name;
        }
    }

    /** Parses {@code key.path=VALUES}; throws IllegalArgumentException with the message to print. */
    static Param parse(String option) {
        int eq = option.indexOf('=');
        String path = eq < 0 ? "" : option.substring(0, eq).strip();
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new IllegalArgumentException("--param " + option + ": expected key.path=v1,v2,... or key.path=[v1, v2, ...]");
        }
        String text = option.substring(eq + 1).strip();
        List<Value> values = new ArrayList<>();
        if (text.startsWith("[")) {
            JsonNode seq;
            try {
                seq = YAML.readTree(text);
            } catch (Exception e) {
                throw new IllegalArgumentException("--param " + path + ": not a YAML flow sequence: " + text);
            }
            if (seq == null || !seq.isArray()) throw new IllegalArgumentException("--param " + path + ": not a YAML flow sequence: " + text);
            for (JsonNode item : seq) {
                String yaml = flow(item);
                values.add(new Value(yaml, item.isTextual() ? item.asText() : yaml));
            }
        } else {
            for (String v : text.split(",", -1)) {
                if (v.isBlank()) throw new IllegalArgumentException("--param " + path + ": an empty value in '" + text + "'");
                values.add(new Value(v.strip(), v.strip()));
            }
        }
        if (values.isEmpty()) throw new IllegalArgumentException("--param " + path + ": no values");
        return new Param(path, values);
    }

    /** A value as compact YAML flow text: {@code [0.3, 0.5]}, {@code {type: gaussian, sigma: 0.1}}, {@code "a: b"}. */
    static String flow(JsonNode n) {
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(i -> items.add(flow(i)));
            return "[" + String.join(", ", items) + "]";
        }
        if (n.isObject()) {
            List<String> items = new ArrayList<>();
            n.fields().forEachRemaining(e -> items.add(plainOrQuoted(e.getKey()) + ": " + flow(e.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        if (n.isNull()) return "null";
        return n.isTextual() ? plainOrQuoted(n.asText()) : n.asText();
    }

    private static String plainOrQuoted(String s) {
        boolean plain = s.matches("[A-Za-z0-9_./+-]+") && !s.startsWith("-")
                && !java.util.Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~").contains(s.toLowerCase(java.util.Locale.ROOT));
        return plain ? s : new com.fasterxml.jackson.databind.node.TextNode(s).toString();
    }

    /** Every combination of one value per parameter, in order (the last parameter varies fastest). */
    static List<Point> grid(List<Param> params) {
        List<Point> out = new ArrayList<>();
        List<String> paths = params.stream().map(Param::path).toList();
        int total = 1;
        for (Param p : params) total = Math.multiplyExact(total, p.values().size());
        for (int i = 0; i < total; i++) {
            List<Value> values = new ArrayList<>();
            int rest = i;
            for (int j = params.size() - 1; j >= 0; j--) {
                List<Value> vs = params.get(j).values();
                values.add(0, vs.get(rest % vs.size()));
                rest /= vs.size();
            }
            out.add(new Point(i, paths, values));
        }
        return out;
    }
}
