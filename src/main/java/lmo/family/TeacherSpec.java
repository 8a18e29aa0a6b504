package lmo.family;

import java.util.List;
import lmo.scenario.CosineDensitySpec;

/**
 * The teacher network {@code f*(x) = sum_t a*_t sigma(<w*_t, x~>)} of generated data ({@code model.data.teacher}).
 *
 * @param type {@code random} (input weights uniform on the unit sphere of R^(d'), seeded), {@code listed} (the
 *     input weights written out) or {@code circle} (neurons equally spaced on the circle, d = 2)
 * @param neurons the number of neurons k
 * @param seed the seed of a {@code random} teacher's input weights (0 otherwise)
 * @param weights a {@code listed} teacher's input weights, k rows of d' values flattened; null otherwise
 * @param outputs the output weights a*_t (k values), or null for the default: 1/k each ({@code random},
 *     {@code listed}); null for {@code circle}
 * @param bias the teacher's inputs are x~ = (x, 1) (false for {@code circle})
 * @param activation the teacher's activation
 * @param mass a {@code circle} teacher's total output weight M (0 otherwise)
 * @param density a {@code circle} teacher's cosine density of output weights (null otherwise)
 */
public record TeacherSpec(String type, int neurons, long seed, List<Double> weights, List<Double> outputs, boolean bias,
        String activation, double mass, CosineDensitySpec density) {
    public TeacherSpec {
        weights = weights == null ? null : List.copyOf(weights);
        outputs = outputs == null ? null : List.copyOf(outputs);
    }
}
