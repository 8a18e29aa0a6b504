package lmo.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests (the Java client writes the format but
 * has no parser). It rejects, with the line number: a sample whose family has no {@code # TYPE} before it; a family
 * declared twice or whose samples are not contiguous; metric and label names outside {@code [a-zA-Z_:][a-zA-Z0-9_:]*}
 * and {@code [a-zA-Z_][a-zA-Z0-9_]*} (and label names starting with {@code __}); label values with a raw quote or a
 * backslash escape other than {@code \\ \" \n}; duplicate label names; values that are not Go-style floats,
 * {@code NaN}, {@code +Inf} or {@code -Inf}; a bad timestamp; duplicate series; counters whose samples do not end in
 * {@code _total} or are negative; histograms whose {@code _bucket} {@code le} values do not increase to
 * {@code +Inf}, whose cumulative counts decrease, or whose {@code _count} is not the {@code +Inf} bucket; a text
 * not ending with a newline, carriage returns, leading or trailing blanks on a line. Threading: stateless.
 */
final class PromText {
    /** A parse failure: what is wrong and on which line (1-based; 0 for the whole text). */
    static final class Malformed extends IllegalArgumentException {
        Malformed(int line, String message) {
            super(line > 0 ? "line " + line + ": " + message : message);
        }
    }

    record Sample(String name, Map<String, String> labels, double value, Long timestamp) {}

    record Family(String name, String type, String help, List<Sample> samples) {}

    /** A parsed exposition: the families in order. */
    record Exposition(List<Family> families) {
        Family family(String name) {
            return families.stream().filter(f -> f.name.equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no family " + name));
        }

        List<Sample> samples(String sampleName) {
            List<Sample> out = new ArrayList<>();
            for (Family f : families) for (Sample s : f.samples) if (s.name.equals(sampleName)) out.add(s);
            return out;
        }

        /** The value of the one sample with this name and exactly these labels. */
        double value(String sampleName, Map<String, String> labels) {
            for (Sample s : samples(sampleName)) if (s.labels.equals(labels)) return s.value;
            throw new AssertionError("no sample " + sampleName + labels + " among " + samples(sampleName));
        }
    }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("-?[0-9]{1,19}");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PromText() {}

    /** Parses {@code text} or throws {@link Malformed}. */
    static Exposition parse(String text) {
        if (text.isEmpty()) return new Exposition(List.of());
        if (!text.endsWith("\n")) throw new Malformed(0, "the text does not end with a newline");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        Map<String, String> types = new HashMap<>();
        Map<String, String> helps = new HashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            if (line.indexOf('\r') >= 0) throw new Malformed(n, "carriage return");
            if (line.isEmpty()) continue;
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') throw new Malformed(n, "leading blank");
            if (line.endsWith(" ") || line.endsWith("\t")) throw new Malformed(n, "trailing blank");
            if (line.startsWith("#")) {
                String[] f = line.split("[ \t]+", 4);
                if (f.length < 2 || !f[0].equals("#") || !(f[1].equals("HELP") || f[1].equals("TYPE"))) continue; // a comment
                if (f.length < 3) throw new Malformed(n, f[1] + " without a metric name");
                String name = f[2];
                if (!METRIC_NAME.matcher(name).matches()) throw new Malformed(n, "bad metric name " + name);
                if (closed.contains(name) || name.equals(current) && !samples.get(name).isEmpty()) {
                    throw new Malformed(n, f[1] + " for " + name + " after its samples");
                }
                if (current != null && !name.equals(current)) closed.add(current); // families do not interleave
                current = name;
                samples.computeIfAbsent(name, k -> { order.add(k); return new ArrayList<>(); });
                if (f[1].equals("HELP")) {
                    if (helps.containsKey(name)) throw new Malformed(n, "second HELP for " + name);
                    helps.put(name, f.length > 3 ? unescapeHelp(f[3], n) : "");
                } else {
                    if (types.containsKey(name)) throw new Malformed(n, "second TYPE for " + name);
                    if (f.length != 4 || !TYPES.contains(f[3])) throw new Malformed(n, "bad TYPE line: " + line);
                    types.put(name, f[3]);
                }
                continue;
            }
            Sample s = sample(line, n);
            String family = familyOf(s, types, n);
            if (!family.equals(current)) {
                if (closed.contains(family)) throw new Malformed(n, "samples of " + family + " are not contiguous");
                if (current != null) closed.add(current);
                current = family;
            }
            if (!series.add(s.name + new TreeMap<>(s.labels))) throw new Malformed(n, "duplicate series " + s.name + s.labels);
            samples.computeIfAbsent(family, k -> { order.add(k); return new ArrayList<>(); }).add(s);
        }
        List<Family> families = new ArrayList<>();
        for (String name : order) {
            String type = types.get(name);
            if (type == null) throw new Malformed(0, "HELP without TYPE for " + name);
            Family f = new Family(name, type, helps.get(name), List.copyOf(samples.get(name)));
            check(f);
            families.add(f);
        }
        return new Exposition(List.copyOf(families));
    }

    /** The family a sample belongs to: its own name if declared, else the name without a suffix of its type. */
    private static String familyOf(Sample s, Map<String, String> types, int n) {
        String type = types.get(s.name);
        if (type != null) {
            switch (type) {
                case "counter" -> {
                    if (!s.name.endsWith("_total")) throw new Malformed(n, "counter sample " + s.name + " does not end in _total");
                }
                case "histogram" -> throw new Malformed(n, "histogram sample " + s.name + " without _bucket, _count or _sum");
                case "summary" -> {
                    if (!s.labels.containsKey("quantile")) throw new Malformed(n, "summary sample " + s.name + " without quantile");
                }
                default -> { }
            }
            return s.name;
        }
        for (String suffix : List.of("_total", "_bucket", "_count", "_sum")) {
            if (!s.name.endsWith(suffix)) continue;
            String base = s.name.substring(0, s.name.length() - suffix.length());
            String t = types.get(base);
            if (t == null) continue;
            boolean fits = switch (suffix) {
                case "_total" -> t.equals("counter");
                case "_bucket" -> t.equals("histogram");
                default -> t.equals("histogram") || t.equals("summary");
            };
            if (!fits) throw new Malformed(n, "sample " + s.name + " does not fit the " + t + " " + base);
            if (suffix.equals("_bucket") && !s.labels.containsKey("le")) throw new Malformed(n, s.name + " without le");
            return base;
        }
        throw new Malformed(n, "no TYPE declared for the family of " + s.name);
    }

    private static void check(Family f) {
        if (f.type.equals("counter")) {
            for (Sample s : f.samples) {
                if (!(s.value >= 0)) throw new Malformed(0, "counter " + s.name + s.labels + " is " + s.value);
            }
        }
        if (!f.type.equals("histogram")) return;
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new HashMap<>();
        for (Sample s : f.samples) {
            if (s.name.endsWith("_bucket")) {
                Map<String, String> key = new TreeMap<>(s.labels);
                key.remove("le");
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            } else if (s.name.endsWith("_count")) {
                counts.put(new TreeMap<>(s.labels), s.value);
            }
        }
        for (var e : buckets.entrySet()) {
            double le = Double.NEGATIVE_INFINITY;
            double count = 0;
            for (Sample b : e.getValue()) {
                double bound = parseValue(b.labels.get("le"), 0);
                if (!(bound > le)) throw new Malformed(0, f.name + e.getKey() + ": le " + b.labels.get("le") + " does not increase");
                if (!(b.value >= count)) throw new Malformed(0, f.name + e.getKey() + ": bucket count " + b.value + " decreases");
                le = bound;
                count = b.value;
            }
            if (le != Double.POSITIVE_INFINITY) throw new Malformed(0, f.name + e.getKey() + ": no +Inf bucket");
            Double total = counts.get(e.getKey());
            if (total != null && total != count) {
                throw new Malformed(0, f.name + e.getKey() + ": _count " + total + " is not the +Inf bucket " + count);
            }
        }
    }

    private static Sample sample(String line, int n) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ' && line.charAt(i) != '\t') i++;
        String name = line.substring(0, i);
        if (!METRIC_NAME.matcher(name).matches()) throw new Malformed(n, "bad metric name '" + name + "'");
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i >= line.length()) throw new Malformed(n, "unterminated label set");
                if (line.charAt(i) == '}') { i++; break; }
                int eq = line.indexOf('=', i);
                if (eq < 0) throw new Malformed(n, "label without '='");
                String label = line.substring(i, eq);
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw new Malformed(n, "bad label name '" + label + "'");
                }
                if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') throw new Malformed(n, "label value not quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (true) {
                    if (j >= line.length()) throw new Malformed(n, "unterminated label value");
                    char c = line.charAt(j);
                    if (c == '"') break;
                    if (c == '\\') {
                        if (j + 1 >= line.length()) throw new Malformed(n, "dangling backslash");
                        char e = line.charAt(j + 1);
                        switch (e) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw new Malformed(n, "bad escape \\" + e + " in a label value");
                        }
                        j += 2;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                if (labels.put(label, value.toString()) != null) throw new Malformed(n, "duplicate label " + label);
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') i++;
                else if (i >= line.length() || line.charAt(i) != '}') throw new Malformed(n, "expected ',' or '}' after a label");
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ' && line.charAt(i) != '\t') throw new Malformed(n, "no value");
        String[] rest = line.substring(i).strip().split("[ \t]+");
        if (rest.length > 2) throw new Malformed(n, "trailing text after the timestamp");
        double value = parseValue(rest[0], n);
        Long timestamp = null;
        if (rest.length == 2) {
            if (!TIMESTAMP.matcher(rest[1]).matches()) throw new Malformed(n, "bad timestamp " + rest[1]);
            timestamp = Long.parseLong(rest[1]);
        }
        return new Sample(name, Map.copyOf(labels), value, timestamp);
    }

    /** A Go-style float as the format allows it: decimal with optional exponent, NaN, +Inf, -Inf. */
    static double parseValue(String s, int n) {
        switch (s) {
            case "NaN": return Double.NaN;
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            default:
                if (!FLOAT.matcher(s).matches()) throw new Malformed(n, "bad value '" + s + "'");
                return Double.parseDouble(s);
        }
    }

    private static String unescapeHelp(String s, int n) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (j + 1 >= s.length()) throw new Malformed(n, "dangling backslash in HELP");
            char e = s.charAt(++j);
            if (e == '\\') out.append('\\');
            else if (e == 'n') out.append('\n');
            else throw new Malformed(n, "bad escape \\" + e + " in HELP");
        }
        return out.toString();
    }
}
