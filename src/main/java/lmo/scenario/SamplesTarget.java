package lmo.scenario;

import java.nio.file.Path;

/**
 * An empirical target: either the rows of a file, or samples generated from an init spec. Exactly one of
 * {@code file} and {@code from} is non-null.
 *
 * @param file absolute path of a {@code .npy}/{@code .csv} file (dim columns, optional last column of weights), or null
 * @param from the law the samples are drawn from, or null
 * @param count the number of samples: the leading rows of the file used, or the number generated
 */
public record SamplesTarget(Path file, InitSpec from, int count) implements TargetSpec {
    @Override public String type() { return "samples"; }
}
