package lmo.model.resnet;

/**
 * The sizes of a residual network in the joint depth–width–embedding limit: {@code depth} L residual blocks, each a
 * two-layer perceptron of {@code width} M hidden units in embedding dimension {@code embedding} D, on {@code samples}
 * N inputs of dimension {@code inputDim} with targets of dimension {@code outputDim}. The parameter count is about
 * {@code P = L M D}.
 */
public record ResNetShape(int depth, int width, int embedding, int inputDim, int outputDim, int samples) {
    public ResNetShape {
        if (depth < 1 || width < 1 || embedding < 1 || inputDim < 1 || outputDim < 1 || samples < 1) {
            throw new IllegalArgumentException("every size must be >= 1: " + this);
        }
    }

    /** L M, the number of hidden units (particles). */
    public int units() { return depth * width; }

    /** P = L M D. */
    public double parameters() { return (double) depth * width * embedding; }
}
