package lmo.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lmo.io.Csv;
import lmo.io.Table;

/**
 * Input data files named in a scenario ({@code init.path}, {@code target.file}): resolves the path, checks the file
 * exists, is {@code .npy} or {@code .csv}, and has the right number of columns, enough rows and finite values.
 */
final class DataFiles {
    private final Path scenarioDir;

    /** @param scenarioDir the directory relative paths in the scenario file are resolved against */
    DataFiles(Path scenarioDir) {
        this.scenarioDir = scenarioDir;
    }

    /** A checked file and its table. */
    record Data(Path path, Table table) {}

    /**
     * Reads the file named by {@code key}: a path relative to the scenario file's directory (or, for a {@code --set}
     * override, to the current directory).
     */
    Data read(MapReader m, String key) throws ScenarioException {
        String text = m.requireString(key);
        Node node = m.node.get(key);
        Path p = node.origin().override() ? Path.of(text) : scenarioDir.resolve(text);
        p = p.toAbsolutePath().normalize();
        if (!Files.exists(p)) throw m.error(key, "file not found: " + p);
        if (!Files.isRegularFile(p)) throw m.error(key, "not a regular file: " + p);
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".npy") && !lower.endsWith(".csv")) {
            throw m.error(key, "expected a .npy or .csv file, got " + name);
        }
        try {
            return new Data(p, Csv.readNumeric(p));
        } catch (IOException | RuntimeException e) {
            throw m.error(key, "cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * Checks the shape of a table of points: dim columns or dim + 1 (the last one named {@code extra}: mass or weight),
     * at least {@code rows} rows, and finite values in those rows.
     */
    static void checkShape(MapReader m, String key, Data d, int dim, int rows, String extra, String rowsWhat)
            throws ScenarioException {
        Table t = d.table();
        String name = d.path().getFileName().toString();
        if (t.cols() != dim && t.cols() != dim + 1) {
            throw m.error(key, name + " has " + MapReader.count(t.cols(), "column") + ", expected " + dim
                    + " (positions) or " + (dim + 1) + " (positions and " + extra + ")");
        }
        if (t.rows() < rows) {
            throw m.error(key, name + " has " + MapReader.count(t.rows(), "row") + ", expected at least " + rows
                    + " (" + rowsWhat + ")");
        }
        for (int i = 0; i < rows * t.cols(); i++) {
            if (!Double.isFinite(t.data()[i])) {
                throw m.error(key, name + " row " + (i / t.cols() + 1) + " column " + (i % t.cols() + 1)
                        + " is not a finite number: " + t.data()[i]);
            }
        }
    }
}
