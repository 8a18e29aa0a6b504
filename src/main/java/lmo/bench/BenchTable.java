package lmo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's rows, one per figure, as a markdown table and as a data file ({@code .csv}, or JSON lines for
 * {@code .jsonl} / {@code .json}) that pandas reads ({@code pd.read_csv}, {@code pd.read_json(f, lines=True)}).
 * Data columns: {@code workload, size, figure, label, unit, value} (the median), {@code min, max, runs, otherCpu,
 * peer, peerRow, ratio, peerOtherCpu}; a missing number is an empty CSV cell or JSON {@code null}.
 */
public final class BenchTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The data columns, in order. */
    public static final List<String> COLUMNS = List.of("workload", "size", "figure", "label", "unit", "value", "min", "max",
            "runs", "otherCpu", "peer", "peerRow", "ratio", "peerOtherCpu");

    private BenchTable() {}

    /**
     * One row: lmo's figure, the other processes' share of the machine while its size was measured, and its peer (or
     * null). {@link #ratio} is peer time / lmo time for times (above 1: lmo is faster), NaN otherwise.
     */
    public record Row(String sizeSymbol, Figure figure, double otherCpu, Peers.Peer peer) {
        public double ratio() {
            return peer != null && figure.kind() == Figure.Kind.TIME ? peer.value() / figure.median() : Double.NaN;
        }
    }

    /** The rows of some measured sizes, each figure with its peer. */
    public static List<Row> rows(List<Bench.Measured> measured, Peers peers) {
        List<Row> rows = new ArrayList<>();
        for (Bench.Measured m : measured) {
            for (Figure f : m.figures()) rows.add(new Row(m.workload().sizeSymbol(), f, m.otherCpu(), peers.of(f, m.figures())));
        }
        return rows;
    }

    /** The markdown table; with {@code peers}, the peer's figure, its row and the ratio beside lmo's. */
    public static String markdown(List<Row> rows, boolean peers) {
        List<String> head = new ArrayList<>(List.of("workload", "size", "figure", "lmo", "lmo min–max"));
        head.add(peers ? "other CPU (lmo)" : "other CPU");
        if (peers) head.addAll(List.of("peer", "peer row", "peer / lmo", "other CPU (peer)"));
        StringBuilder s = new StringBuilder();
        s.append("| ").append(String.join(" | ", head)).append(" |\n|").append("---|".repeat(head.size())).append('\n');
        for (Row r : rows) {
            Figure f = r.figure();
            List<String> cells = new ArrayList<>(List.of(f.workload(), r.sizeSymbol() + "=" + f.size(), f.label(),
                    number(f.median(), f.kind()), spread(f)));
            cells.add(share(r.otherCpu()));
            if (peers) {
                cells.add(r.peer() == null ? "–" : number(r.peer().value(), f.kind()));
                cells.add(r.peer() == null ? "" : r.peer().row());
                cells.add(Double.isNaN(r.ratio()) ? "" : number(r.ratio(), Figure.Kind.RATE));
                cells.add(r.peer() == null ? "" : share(r.peer().otherCpu()));
            }
            s.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return s.toString();
    }

    /**
     * Writes the rows to {@code file}: CSV if its name ends in {@code .csv}, JSON lines if in {@code .jsonl} or
     * {@code .json}.
     */
    public static void write(Path file, List<Row> rows) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        boolean csv = name.endsWith(".csv");
        if (csv) lines.add(String.join(",", COLUMNS));
        for (Row r : rows) lines.add(csv ? csvLine(r) : jsonLine(r));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Why {@code file} cannot take the rows (its extension), or null. */
    public static String formatProblem(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".json") ? null
                : "--out " + file + ": expected a file name ending in .csv, .jsonl or .json";
    }

    private static List<Object> values(Row r) {
        Figure f = r.figure();
        Peers.Peer p = r.peer();
        return List.of(f.workload(), f.size(), f.key(), f.label(), f.unit(), f.median(), f.min(), f.max(), f.values().length,
                r.otherCpu(), p == null ? Double.NaN : p.value(), p == null ? "" : p.row(), r.ratio(),
                p == null ? Double.NaN : p.otherCpu());
    }

    private static String jsonLine(Row r) {
        ObjectNode o = JSON.createObjectNode();
        List<Object> v = values(r);
        for (int c = 0; c < COLUMNS.size(); c++) {
            Object x = v.get(c);
            if (x instanceof Double d) {
                if (Double.isNaN(d)) o.putNull(COLUMNS.get(c));
                else o.put(COLUMNS.get(c), d);
            } else if (x instanceof Integer i) {
                o.put(COLUMNS.get(c), i);
            } else {
                o.put(COLUMNS.get(c), (String) x);
            }
        }
        return o.toString();
    }

    private static String csvLine(Row r) {
        List<String> cells = new ArrayList<>();
        for (Object x : values(r)) {
            if (x instanceof Double d) cells.add(Double.isNaN(d) ? "" : Double.toString(d));
            else if (x instanceof Integer i) cells.add(Integer.toString(i));
            else cells.add("\"" + ((String) x).replace("\"", "\"\"") + "\"");
        }
        return String.join(",", cells);
    }

    /** A share of the machine (other CPU): 3 digits, or "–". */
    private static String share(double f) {
        return Double.isNaN(f) ? "–" : number(f, Figure.Kind.RATE);
    }

    /** "min–max" of a figure measured more than once with some spread, else empty. */
    private static String spread(Figure f) {
        if (f.values().length < 2 || f.min() == f.max()) return "";
        return number(f.min(), f.kind()) + "–" + number(f.max(), f.kind());
    }

    /**
     * A number for the table: integers as such; 4 significant digits for times and rates (trailing zeros dropped), 6
     * for other values (kept, so that 0.115130 reads as an anchor does); scientific notation below 1e-3 and from 1e5 on.
     */
    static String number(double v, Figure.Kind kind) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e5) return Long.toString((long) v);
        int digits = kind == Figure.Kind.VALUE ? 6 : 4;
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits));
        return (kind == Figure.Kind.VALUE ? rounded : rounded.stripTrailingZeros()).toPlainString();
    }
}
