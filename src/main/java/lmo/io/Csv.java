package lmo.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Comma-separated numeric tables: one row per line, the same number of columns on every line. Blank lines and
 * lines starting with {@code #} are skipped; a first line that does not parse as numbers is taken as a header.
 */
public final class Csv {
    private Csv() {}

    public static Table read(Path file) throws IOException {
        DoubleList data = new DoubleList();
        int cols = -1;
        int rows = 0;
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] parts = s.split(",", -1);
                double[] row = new double[parts.length];
                int bad = -1;
                for (int i = 0; i < parts.length && bad < 0; i++) {
                    try {
                        row[i] = Double.parseDouble(parts[i].strip());
                    } catch (NumberFormatException e) {
                        bad = i;
                    }
                }
                if (bad >= 0) {
                    if (rows == 0 && cols < 0) {
                        cols = parts.length; // header line
                        continue;
                    }
                    String cell = parts[bad].strip();
                    if (cell.length() > 40) cell = cell.substring(0, 40) + "...";
                    throw new IOException("line " + lineNo + " column " + (bad + 1) + ": not a number: '" + cell + "'");
                }
                if (cols >= 0 && parts.length != cols) {
                    throw new IOException("line " + lineNo + ": " + parts.length + " columns, expected " + cols);
                }
                cols = parts.length;
                for (double v : row) data.add(v);
                rows++;
            }
        }
        if (rows == 0) throw new IOException("no data rows");
        return new Table(rows, cols, data.toArray());
    }

    /** Reads a {@code .npy} or {@code .csv} file, by extension. */
    public static Table readNumeric(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".npy")) return Npy.read(file);
        if (name.endsWith(".csv")) return read(file);
        throw new IOException("expected a .npy or .csv file");
    }

    private static final class DoubleList {
        private double[] a = new double[1024];
        private int n;

        void add(double v) throws IOException {
            if (n == Integer.MAX_VALUE - 8) throw new IOException("more than " + n + " values: too many for one array");
            if (n == a.length) a = java.util.Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length));
            a[n++] = v;
        }

        double[] toArray() { return java.util.Arrays.copyOf(a, n); }
    }
}
