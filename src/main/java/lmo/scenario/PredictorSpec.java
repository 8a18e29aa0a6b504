package lmo.scenario;

/**
 * {@code output.predictor}: the grid of 1-D inputs on which the final network is written as {@code predictor.csv}
 * ({@code x,f} rows) at the end of a run.
 *
 * @param from the first input
 * @param to the last input, > from
 * @param points the number of equally spaced inputs, >= 2
 */
public record PredictorSpec(double from, double to, int points) {
    /** The inputs {@code from + (to - from) k / (points - 1)}, k = 0 .. points-1 (the last one is {@code to}). */
    public double[] grid() {
        double[] x = new double[points];
        for (int k = 0; k < points; k++) x[k] = k == points - 1 ? to : from + (to - from) * k / (points - 1);
        return x;
    }
}
