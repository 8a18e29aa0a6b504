package lmo.scenario;

import java.nio.file.Path;

/**
 * Positions read from a {@code .npy} or {@code .csv} file: one row per particle, dim columns of coordinates and an
 * optional last column of masses.
 *
 * @param path absolute path (relative paths in a scenario are resolved against the scenario file's directory)
 * @param rows the number of leading rows to use: the population count (the file was checked to have that many)
 */
public record FileInit(Path path, int rows) implements InitSpec {
    @Override public String type() { return "file"; }
}
