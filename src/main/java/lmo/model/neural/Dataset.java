package lmo.model.neural;

import java.util.Arrays;

/**
 * Training data and an optional test set: inputs in R^dim (without the bias coordinate; the model appends the 1 when
 * its {@code bias} is on), row-major, and one label per input. The {@link Teacher} that made the labels is kept when
 * known (null for data read from files). Arrays are copied in and out; the record is immutable.
 *
 * @param dim input dimension d
 * @param inputs n x d, row-major
 * @param labels n
 * @param testInputs nTest x d (empty when there is no test set)
 * @param testLabels nTest
 * @param teacher the teacher of generated data, or null
 */
public record Dataset(int dim, double[] inputs, double[] labels, double[] testInputs, double[] testLabels, Teacher teacher) {
    public Dataset {
        if (dim < 1) throw new IllegalArgumentException("data: dim must be >= 1, got " + dim);
        inputs = check("inputs", inputs, dim);
        labels = labels == null ? new double[0] : labels.clone();
        testInputs = check("test inputs", testInputs == null ? new double[0] : testInputs, dim);
        testLabels = testLabels == null ? new double[0] : testLabels.clone();
        if (labels.length * dim != inputs.length || labels.length == 0) {
            throw new IllegalArgumentException("data: " + inputs.length / dim + " inputs and " + labels.length
                + " labels (need as many, at least one)");
        }
        if (testLabels.length * dim != testInputs.length) {
            throw new IllegalArgumentException("data: " + testInputs.length / dim + " test inputs and "
                + testLabels.length + " test labels");
        }
        for (double v : labels) if (!Double.isFinite(v)) throw new IllegalArgumentException("data: labels must be finite");
        for (double v : testLabels) if (!Double.isFinite(v)) throw new IllegalArgumentException("data: test labels must be finite");
        if (teacher != null && teacher.inputDim() != dim) {
            throw new IllegalArgumentException("data: teacher has inputDim " + teacher.inputDim() + ", data has " + dim);
        }
    }

    private static double[] check(String what, double[] a, int dim) {
        if (a == null) throw new IllegalArgumentException("data: " + what + " are required");
        if (a.length % dim != 0) throw new IllegalArgumentException("data: " + what + " length " + a.length + " is not a multiple of dim " + dim);
        for (double v : a) if (!Double.isFinite(v)) throw new IllegalArgumentException("data: " + what + " must be finite");
        return a.clone();
    }

    /** Number of training samples n. */
    public int count() { return labels.length; }

    /** Number of test samples (0: no test set). */
    public int testCount() { return testLabels.length; }

    public boolean hasTest() { return testLabels.length > 0; }

    @Override public double[] inputs() { return inputs.clone(); }
    @Override public double[] labels() { return labels.clone(); }
    @Override public double[] testInputs() { return testInputs.clone(); }
    @Override public double[] testLabels() { return testLabels.clone(); }

    /** Internal views (not copied): the model reads them once at construction. */
    double[] inputsView() { return inputs; }
    double[] labelsView() { return labels; }
    double[] testInputsView() { return testInputs; }
    double[] testLabelsView() { return testLabels; }

    @Override public boolean equals(Object o) {
        return o instanceof Dataset d && d.dim == dim && Arrays.equals(d.inputs, inputs) && Arrays.equals(d.labels, labels)
            && Arrays.equals(d.testInputs, testInputs) && Arrays.equals(d.testLabels, testLabels)
            && java.util.Objects.equals(d.teacher, teacher);
    }

    @Override public int hashCode() { return Arrays.hashCode(labels) * 31 + dim; }

    @Override public String toString() {
        return "Dataset[dim " + dim + ", " + count() + " samples, " + testCount() + " test samples"
            + (teacher == null ? "" : ", " + teacher) + "]";
    }
}
