package lmo.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code metrics.csv} as columns: the header {@code step,wallSeconds,time,<metrics>,mass_<population>...}
 * and one row per logged step. A row torn by a kill (a different number of fields, or a field that is not a number)
 * ends the table; {@code NaN} and infinities read as such.
 */
public record MetricsTable(List<String> columns, double[][] values) {
    /** The columns that are not metrics. */
    static final List<String> BOOKKEEPING = List.of("step", "wallSeconds", "time");

    public static MetricsTable read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) throw new IOException(csv + ": empty, no header");
        List<String> columns = List.of(lines.get(0).strip().split(",", -1));
        List<double[]> rows = new ArrayList<>();
        rows:
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().split(",", -1);
            if (f.length != columns.size()) break;
            double[] row = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                try {
                    row[i] = Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    break rows;
                }
            }
            rows.add(row);
        }
        double[][] values = new double[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) values[c][r] = rows.get(r)[c];
        }
        return new MetricsTable(columns, values);
    }

    public int rows() { return values.length == 0 ? 0 : values[0].length; }

    public boolean has(String column) { return columns.contains(column); }

    /** The values of a column, in row order. */
    public double[] column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column '" + name + "' in metrics.csv; it has " + columns);
        return values[i];
    }

    /** The metric columns: all but step, wallSeconds and time, in file order. */
    public List<String> metrics() {
        return columns.stream().filter(c -> !BOOKKEEPING.contains(c)).toList();
    }
}
