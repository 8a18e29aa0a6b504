package lmo.family;

import java.nio.file.Path;

/**
 * The data of a two-layer model ({@code model.data}): generated inputs labelled by a teacher, or inputs and labels
 * read from files; an optional test set; or, with {@code population}, the exact population loss toward the teacher.
 *
 * @param inputs {@code sphere}, {@code gaussian} (generated) or {@code file}
 * @param dim the input dimension d (for a file: its number of columns)
 * @param count the number of training samples n (for a file: its rows; 0 with {@code population})
 * @param inputsFile the inputs' file ({@code file} only), else null
 * @param labelsFile the labels' file ({@code file} only), else null
 * @param teacher the teacher of generated data, else null
 * @param noise the standard deviation of the Gaussian label noise (generated data)
 * @param testCount the number of test samples (0: no test set; for files: the test files' rows)
 * @param testInputsFile the test inputs' file (file data with a test set), else null
 * @param testLabelsFile the test labels' file, else null
 * @param seed the seed of generated inputs and label noise (generated data; 0 otherwise)
 * @param population the exact population loss (arc-cosine kernel) instead of samples
 */
public record NetworkDataSpec(String inputs, int dim, int count, Path inputsFile, Path labelsFile, TeacherSpec teacher,
        double noise, int testCount, Path testInputsFile, Path testLabelsFile, long seed, boolean population) {

    /** Inputs generated (sphere or gaussian), as opposed to read from a file. */
    public boolean generated() { return !inputs.equals("file"); }
}
