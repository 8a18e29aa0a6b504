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
public final class DataFiles {
    private final Path scenarioDir;

    /** @param scenarioDir the directory relative paths in the scenario file are resolved against */
    public DataFiles(Path scenarioDir) {
        this.scenarioDir = scenarioDir;
    }

    /** A checked file and its table. */
    public record Data(Path path, Table table) {}

    /**
     * Reads the file named by {@code key}: a path relative to the scenario file's directory (or, for a {@code --set}
     * override, to the current directory).
     */
    public Data read(MapReader m, String key) throws ScenarioException {
        Path p = resolve(m, key);
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

    /** The existing directory named by {@code key}, absolute, resolved as {@link #read} resolves files. */
    public Path resolveDirectory(MapReader m, String key) throws ScenarioException {
        Path p = path(m, key);
        if (!Files.isDirectory(p)) throw m.error(key, "not a directory: " + p);
        return p;
    }

    /** The existing regular file named by {@code key}, absolute, resolved as {@link #read} does. */
    public Path resolve(MapReader m, String key) throws ScenarioException {
        Path p = path(m, key);
        if (!Files.exists(p)) throw m.error(key, "file not found: " + p);
        if (!Files.isRegularFile(p)) throw m.error(key, "not a regular file: " + p);
        return p;
    }

    /** The path named by {@code key}: relative to the scenario's directory, or to the current one for an override. */
    private Path path(MapReader m, String key) throws ScenarioException {
        String text = m.requireString(key);
        Path p = m.node.get(key).origin().override() ? Path.of(text) : scenarioDir.resolve(text);
        return Path.of(m.resolve(key, p.toAbsolutePath().normalize().toString()));
    }

    /**
     * Checks a table of points: dim columns or dim + 1 (the last one, named {@code extra}, a mass or weight: >= 0, not
     * all 0), at least {@code rows} rows, finite values in those rows, and no zero vector on the sphere.
     */
    public static void checkShape(MapReader m, String key, Data d, SpaceSpec space, int rows, String extra, String rowsWhat)
            throws ScenarioException {
        Table t = d.table();
        int dim = space.dim();
        String name = d.path().getFileName().toString();
        if (t.cols() != dim && t.cols() != dim + 1) {
            throw m.error(key, name + " has " + MapReader.count(t.cols(), "column") + ", expected " + dim
                    + " (positions) or " + (dim + 1) + " (positions and " + extra + ")");
        }
        if (t.rows() < rows) {
            throw m.error(key, name + " has " + MapReader.count(t.rows(), "row") + ", expected at least " + rows
                    + " (" + rowsWhat + ")");
        }
        double extraSum = 0;
        for (int r = 0; r < rows; r++) {
            boolean zero = true;
            for (int c = 0; c < t.cols(); c++) {
                double v = t.get(r, c);
                String at = name + " row " + (r + 1) + " column " + (c + 1);
                if (!Double.isFinite(v)) throw m.error(key, at + " is not a finite number: " + v);
                if (c < dim) zero &= v == 0;
                else if (v < 0) throw m.error(key, at + ": the " + extra + " must be >= 0, got " + v);
                else extraSum += v;
            }
            if (zero && space.isSphere()) {
                throw m.error(key, name + " row " + (r + 1) + " is the zero vector, which has no direction on the sphere");
            }
        }
        if (t.cols() == dim + 1 && extraSum == 0) throw m.error(key, name + ": the " + extra + " column is all 0");
    }

    /** The first {@code rows} rows of a checked data file; an error names {@code key}. */
    public static Table table(Path file, int rows, String key) throws ScenarioException {
        try {
            return Csv.readNumeric(file).head(rows);
        } catch (IOException | IllegalArgumentException e) {
            throw new ScenarioException(key + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
