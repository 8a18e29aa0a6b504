package lmo.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code sweep.csv}: one row per point of a sweep, header
 * {@code point,dir,<param>...,status,exitCode,<metric>...,wallSeconds,stateSha256,error}. Fields holding a comma,
 * a quote or a line break are quoted as in RFC 4180 ({@code "[0.3, 0.5]"}); an empty field is a missing value.
 *
 * @param params the swept key paths, in {@code --param} order
 * @param rows the points, in grid order
 */
public record SweepTable(List<String> params, List<Row> rows) {
    public static final String PENDING = "pending", COMPLETED = "completed", FAILED = "failed";

    /**
     * One point.
     *
     * @param point its index in the grid, from 0
     * @param dir its run directory, relative to the sweep directory
     * @param values the value of each parameter, as given
     * @param status {@link #PENDING}, {@link #COMPLETED} or {@link #FAILED}
     * @param exitCode the exit code of its run (0 completed, 3 diverged, 2 bad input, 1 a bug), -1 while pending
     * @param metrics the final metrics of a completed point (empty otherwise)
     * @param wallSeconds the run's wall time, NaN while pending
     * @param stateSha256 the final state's hash of a completed point, else empty
     * @param error why a point failed, else empty
     */
    public record Row(int point, String dir, List<String> values, String status, int exitCode,
                      Map<String, Double> metrics, double wallSeconds, String stateSha256, String error) {}

    /** The metric columns: every metric of any row, in first-seen order. */
    public List<String> metrics() {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.addAll(r.metrics().keySet()));
        return new ArrayList<>(out);
    }

    public void write(Path file) throws IOException {
        List<String> metrics = metrics();
        List<String> header = new ArrayList<>(List.of("point", "dir"));
        header.addAll(params);
        header.addAll(List.of("status", "exitCode"));
        header.addAll(metrics);
        header.addAll(List.of("wallSeconds", "stateSha256", "error"));
        StringBuilder out = new StringBuilder(line(header));
        for (Row r : rows) {
            List<String> f = new ArrayList<>(List.of(Integer.toString(r.point()), r.dir()));
            f.addAll(r.values());
            f.add(r.status());
            f.add(r.exitCode() < 0 ? "" : Integer.toString(r.exitCode()));
            for (String m : metrics) {
                Double v = r.metrics().get(m);
                f.add(v == null ? "" : Double.toString(v));
            }
            f.add(Double.isNaN(r.wallSeconds()) ? "" : String.format(Locale.ROOT, "%.3f", r.wallSeconds()));
            f.add(r.stateSha256());
            f.add(r.error());
            out.append(line(f));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static SweepTable read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) throw new IOException(file + ": empty");
        List<String> h = records.get(0);
        int status = h.indexOf("status");
        int n = h.size();
        if (n < 7 || status < 2 || !h.get(0).equals("point") || !h.get(n - 3).equals("wallSeconds")) {
            throw new IOException(file + ": not a sweep table, header " + h);
        }
        List<String> params = h.subList(2, status);
        List<String> metrics = h.subList(status + 2, n - 3);
        List<Row> rows = new ArrayList<>();
        for (List<String> f : records.subList(1, records.size())) {
            if (f.size() != n) throw new IOException(file + ": a row of " + f.size() + " fields, expected " + n);
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                String v = f.get(status + 2 + i);
                if (!v.isEmpty()) m.put(metrics.get(i), Double.parseDouble(v));
            }
            String exit = f.get(status + 1), wall = f.get(n - 3);
            rows.add(new Row(Integer.parseInt(f.get(0)), f.get(1), List.copyOf(f.subList(2, status)), f.get(status),
                    exit.isEmpty() ? -1 : Integer.parseInt(exit), m, wall.isEmpty() ? Double.NaN : Double.parseDouble(wall),
                    f.get(n - 2), f.get(n - 1)));
        }
        return new SweepTable(List.copyOf(params), rows);
    }

    private static String line(List<String> fields) {
        List<String> q = new ArrayList<>();
        for (String s : fields) {
            boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
            q.add(quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return String.join(",", q) + "\n";
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n') {
                record.add(field.toString());
                out.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else if (c != '\r') {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
